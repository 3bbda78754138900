package io.stagger.properties;

import io.stagger.core.Config;
import io.stagger.core.Variant;
import io.stagger.sim.Fault;
import io.stagger.sim.Scenario;
import io.stagger.sim.Simulation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;

/**
 * The stagger measured: declarations and revocation rounds per failover, and failover times, over seeded runs with
 * the node's default timing (P = 100ms, T = 50ms, B = 100ms, d = 20ms), 4 to 9 servers, every process started at
 * a random moment within one period (so every backup's detection timer has its own phase), and three crashes of
 * the serving master, each 1 to 3 s after the group settled; the crashed server restarts 1 s after its failover
 * (as the harness's kill nemesis does), or stays down. Run with {@code -Dstagger.stagger-survey=N} (runs per variant
 * set and restart choice); skipped without it.
 */
class StaggerSurveyTest {
    private static final long SURVEY_SEED = 20_261_126L;
    private static final long MS = 1_000;
    private static final int CRASHES = 3;

    @Example
    void tabulateDeclarationsPerFailover() {
        int runs = Integer.getInteger("stagger.stagger-survey", 0);
        Assume.that(runs > 0);
        StringBuilder table = new StringBuilder("| variants | crashed master | failovers | declarations per"
                + " failover | failovers with more than one declaration | revocation rounds per failover (max) |"
                + " failover ms p50 / p99 / max | elections after a restart |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (boolean restart : new boolean[] {true, false}) {
            for (Set<Variant> variants : List.of(EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS),
                    EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS, Variant.PATIENT),
                    EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS, Variant.SPACED),
                    EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS, Variant.PATIENT, Variant.SPACED),
                    EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS, Variant.PROMPT),
                    EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS, Variant.PATIENT, Variant.PROMPT),
                    EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS, Variant.PATIENT, Variant.PROMPT, Variant.ROSTER))) {
                table.append(row(variants, restart, runs));
            }
        }
        System.out.println("stagger survey, " + runs + " runs per variant set, " + CRASHES + " master crashes each:\n"
                + table);
    }

    private static String row(Set<Variant> variants, boolean restart, int runs) {
        SplittableRandom random = new SplittableRandom(SURVEY_SEED);
        Config config = Config.defaults().withVariants(variants);
        long period = config.detectionPeriod().toNanos() / 1_000;
        long allowance = config.startAllowance().toNanos() / 1_000;
        int failovers = 0;
        int declarations = 0;
        int crossed = 0;
        double revocationRounds = 0;
        long maxRevocationRounds = 0;
        long restartElections = 0;
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            List<String> ids = Setups.ids(random.nextInt(4, 10));
            List<Fault> starts = new ArrayList<>();
            for (String id : ids) {
                starts.add(new Fault.LateStart(random.nextLong(period), id));
            }
            Simulation sim = new Simulation(new Scenario(ids, config, random.nextLong(), starts));
            long at = period + allowance;
            for (int crash = 0; crash < CRASHES; crash++) {
                at += random.nextLong(1_000 * MS, 3_000 * MS);
                long electionsBefore = sim.counters().electionsWon();
                long revokesBefore = sim.counters().revokesSent();
                sim.runUntil(at);
                String crashed = sim.master();
                long took = sim.failoverMicros(at, 10_000 * MS);
                if (took < 0) {
                    throw new AssertionError("no failover within 10 s: " + sim.scenario());
                }
                at += took;
                sim.runUntil(at + 1_000 * MS); // declarations that come late still count
                at += 1_000 * MS;
                long declared = sim.counters().electionsWon() - electionsBefore;
                long rounds = (sim.counters().revokesSent() - revokesBefore) / (ids.size() - 1);
                if (restart) {
                    long before = sim.counters().electionsWon();
                    sim.schedule(new Fault.Restart(at, crashed));
                    sim.runUntil(at + 1_000 * MS);
                    at += 1_000 * MS;
                    restartElections += sim.counters().electionsWon() - before;
                }
                failovers++;
                declarations += declared;
                crossed += declared > 1 ? 1 : 0;
                revocationRounds += rounds;
                maxRevocationRounds = Math.max(maxRevocationRounds, rounds);
                times.add(took);
            }
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %d | %.3f (%d) | %.0f / %.0f / %.0f | %s |%n",
                Variant.formatList(variants), restart ? "restarts 1 s later" : "stays down", failovers,
                (double) declarations / failovers, crossed, revocationRounds / failovers, maxRevocationRounds,
                quantile(sorted, 0.5) / 1e3, quantile(sorted, 0.99) / 1e3, sorted[sorted.length - 1] / 1e3,
                restart ? String.valueOf(restartElections) : "—");
    }

    /** Nearest rank. */
    private static double quantile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
