package io.stagger.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stagger.core.Config;
import io.stagger.core.DelayBounds;
import io.stagger.core.ElectionDelays;
import io.stagger.core.RankRule;
import io.stagger.core.Variant;
import io.stagger.sim.Fault;
import io.stagger.sim.Scenario;
import io.stagger.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage-guided search over whole runs of the group: Jazzer picks the group (2 to 5 servers, variants, P, T, B,
 * one delay bound or a matrix, ranks by position or capability), the simulator's seed, and up to ten faults at any
 * instants of the first three seconds, overlapping as they fall: crashes, restarts, pauses of a process, partitions
 * into any sides, heals, loss and delays beyond d. The schedule then heals the network. Checked:
 * <ul>
 *   <li>the core never throws and the safety checks of PROTOCOL.md §6 hold after every step (the simulator's
 *   {@code violations()}: a MASTER recognises itself, a revoke comes from a stronger rank, a MASTER yields only to
 *   a stronger rank, an epoch never decreases within a server's life, the state invariants);</li>
 *   <li>with {@code announce} and {@code epochs} (the product's defaults), and a server up at the end: one MASTER,
 *   recognised by every live server, for the last {@link #STABLE_ROUNDS} of {@link #SETTLE_ROUNDS} rounds after the
 *   last fault, or after the start allowance with {@code patient} when that ends later (the convergence property
 *   of {@code ConvergenceProperties}, on schedules it does not draw).</li>
 * </ul>
 * T covers the inquiry round trip and P exceeds T, as PROTOCOL.md §6 assumes. A finding names the scenario as a
 * replay line for {@code ReplayTest}. In {@code mvn verify} it replays its corpus in
 * {@code src/test/resources/fuzz/io/stagger/fuzz/SimulationFuzzTestInputs/}; {@code scripts/fuzz.sh faultSchedules N}
 * fuzzes it.
 */
class SimulationFuzzTest {
    static final int SETTLE_ROUNDS = 40;
    static final int STABLE_ROUNDS = 10;
    private static final int MAX_SERVERS = 5;
    /** Fixes the group's size (2 to 5) instead of drawing it, e.g. {@code -Dstagger.fuzz.servers=5}; 0 draws it. */
    static final int FIXED_SERVERS = Integer.getInteger("stagger.fuzz.servers", 0);
    private static final int MAX_FAULTS = 10;
    private static final long LATEST_FAULT_MILLIS = 3_000;

    @FuzzTest(maxDuration = "60s")
    void faultSchedules(FuzzedDataProvider data) {
        Scenario scenario = scenario(data);
        long settledAt = settledAt(scenario);
        Simulation sim = new Simulation(scenario);
        sim.runUntil(settledAt); // a failure of the core is thrown here, with the replay line

        assertThat(sim.violations()).as("safety, replay: %s", scenario).isEmpty();
        Set<Variant> variants = scenario.config().variants();
        if (variants.contains(Variant.ANNOUNCE) && variants.contains(Variant.EPOCHS) && !sim.liveIds().isEmpty()) {
            assertThat(sim.converged()).as("converged at the end, replay: %s", scenario).isTrue();
            assertThat(sim.convergedSinceMicros()).as("converged for %d rounds, replay: %s", STABLE_ROUNDS, scenario)
                    .isLessThanOrEqualTo(settledAt - STABLE_ROUNDS * roundMicros(scenario));
        }
    }

    /**
     * When the group is judged: {@link #SETTLE_ROUNDS} rounds after the last fault, or after the start allowance
     * with {@code patient} when that ends later: a master that fails before its backups have heard from it is first
     * suspected when the allowance ends (PROTOCOL-DECISIONS.md, rule 8), as the property tests count it too.
     */
    static long settledAt(Scenario scenario) {
        Config config = scenario.config();
        long detectingBy = config.has(Variant.PATIENT) ? config.startAllowance().toNanos() / 1_000 : 0;
        return Math.max(scenario.lastFaultMicros(), detectingBy) + SETTLE_ROUNDS * roundMicros(scenario);
    }

    private static Scenario scenario(FuzzedDataProvider data) {
        int drawn = data.consumeInt(2, MAX_SERVERS); // drawn either way, so that a corpus replays the same
        if (FIXED_SERVERS != 0 && (FIXED_SERVERS < 2 || FIXED_SERVERS > MAX_SERVERS)) {
            throw new IllegalArgumentException("stagger.fuzz.servers must be 2 to " + MAX_SERVERS + ", got "
                    + FIXED_SERVERS);
        }
        int n = FIXED_SERVERS == 0 ? drawn : FIXED_SERVERS;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add("n" + i);
        }
        Set<Variant> variants = EnumSet.noneOf(Variant.class);
        for (Variant variant : Variant.values()) {
            if (data.consumeBoolean()) {
                variants.add(variant);
            }
        }
        DelayBounds bounds = data.consumeBoolean()
                ? new DelayBounds.Uniform(Duration.ofMillis(data.consumeInt(0, 30)))
                : matrix(ids, data);
        Duration inquiryTimeout = Duration.ofNanos(2 * bounds.maxMicros() * 1_000).plusMillis(data.consumeInt(1, 50));
        Duration period = inquiryTimeout.plusMillis(data.consumeInt(1, 150));
        Duration base = Duration.ofMillis(data.consumeInt(0, 100));
        Config config = new Config(variants, period, inquiryTimeout, base, bounds, ranks(ids, data));
        long seed = data.consumeLong();
        return new Scenario(ids, config, seed, faults(ids, data));
    }

    private static DelayBounds matrix(List<String> ids, FuzzedDataProvider data) {
        Map<String, Map<String, Duration>> rows = new LinkedHashMap<>();
        for (String from : ids) {
            Map<String, Duration> row = new LinkedHashMap<>();
            for (String to : ids) {
                if (!from.equals(to)) {
                    row.put(to, Duration.ofMillis(data.consumeInt(0, 30)));
                }
            }
            rows.put(from, row);
        }
        return new DelayBounds.Matrix(rows, Duration.ZERO);
    }

    private static RankRule ranks(List<String> ids, FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return new RankRule.ByPosition();
        }
        Map<String, Long> capability = new HashMap<>();
        for (String id : ids) {
            capability.put(id, data.consumeLong(1, 5));
        }
        return new RankRule.ByCapability(capability);
    }

    /** Up to {@link #MAX_FAULTS} faults at any instants, then a heal after the last of them. */
    private static List<Fault> faults(List<String> ids, FuzzedDataProvider data) {
        List<Fault> faults = new ArrayList<>();
        int count = data.consumeInt(0, MAX_FAULTS);
        long last = 0;
        for (int f = 0; f < count && data.remainingBytes() > 0; f++) {
            long at = millis(data.consumeLong(0, LATEST_FAULT_MILLIS));
            long until = at + millis(data.consumeLong(1, LATEST_FAULT_MILLIS));
            String server = data.pickValue(ids);
            Fault fault = switch (data.consumeInt(0, 6)) {
                case 0 -> new Fault.Crash(at, server);
                case 1 -> new Fault.Restart(at, server);
                case 2 -> new Fault.Pause(at, until, server);
                case 3 -> new Fault.Partition(at, sides(ids, data));
                case 4 -> new Fault.Heal(at);
                case 5 -> new Fault.Loss(at, until, data.consumeInt(1, 20) / 20.0);
                default -> new Fault.SlowLinks(at, until, millis(data.consumeLong(1, 300)));
            };
            faults.add(fault);
            last = Math.max(last, fault.lastEffectMicros());
        }
        faults.add(new Fault.Heal(last + millis(1)));
        return faults;
    }

    /** Each server on one of up to three sides. */
    private static List<Set<String>> sides(List<String> ids, FuzzedDataProvider data) {
        List<Set<String>> sides = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
        for (String id : ids) {
            sides.get(data.consumeInt(0, 2)).add(id);
        }
        return new ArrayList<>(sides);
    }

    /** One round: P + T + the longest election delay + the longest message delay. */
    private static long roundMicros(Scenario scenario) {
        Config config = scenario.config();
        long maxElection = 0;
        for (String id : scenario.ids()) {
            maxElection = Math.max(maxElection,
                    ElectionDelays.compute(id, scenario.group(), config).withNoneFailedMicros());
        }
        return config.detectionPeriod().toNanos() / 1_000 + config.inquiryTimeout().toNanos() / 1_000 + maxElection
                + config.delayBounds().maxMicros();
    }

    private static long millis(long millis) {
        return millis * 1_000;
    }
}
