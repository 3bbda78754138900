package io.stagger.properties;

import io.stagger.check.CheckResult;
import io.stagger.sim.Scenario;
import io.stagger.sim.ServiceHistory;
import io.stagger.sim.ServiceSimulation;
import io.stagger.sim.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One simulated run of the replicated service for a property, and the report a failing property prints: the replay
 * line and the workload, what was counted, the checkers' violations (all of them, with the history, also in
 * {@code target/service-histories/seed-N.txt}). Two checkers judge the run: the shared linearizability checker on the
 * clients' history ({@link ServiceLinearizability}), and the simulator's check that the leaders agree with each other
 * and with the clients ({@code ServiceChecker}, through {@code ServiceSimulation.violations()}).
 */
final class ServiceRun {
    /** How long a run goes on after its last fault, in protocol rounds (P + T + max E + max d). */
    static final int SETTLE_ROUNDS = 12;
    /** The last rounds of a run, in which progress is asserted: the faults and the failover are over. */
    static final int PROGRESS_ROUNDS = 4;
    static final int VIOLATIONS_IN_MESSAGE = 20;

    private final Scenario scenario;
    private final Workload workload;
    private final long untilMicros;
    private final ServiceSimulation simulation;
    private final RuntimeException failure;
    private final CheckResult linearizability;
    private final List<String> violations;

    private ServiceRun(Scenario scenario, Workload workload, long untilMicros) {
        this.scenario = scenario;
        this.workload = workload;
        this.untilMicros = untilMicros;
        this.simulation = new ServiceSimulation(scenario, workload);
        RuntimeException thrown = null;
        try {
            simulation.runUntil(untilMicros);
        } catch (IllegalStateException e) {
            thrown = e;
        }
        this.failure = thrown;
        this.linearizability = ServiceLinearizability.check(simulation.history());
        List<String> all = new ArrayList<>();
        if (!linearizability.valid()) {
            all.add("linearizability" + (linearizability.unknown() ? " unknown: " : ": ") + linearizability.reason());
        }
        all.addAll(simulation.violations());
        this.violations = List.copyOf(all);
    }

    /**
     * The workload of a property run: about twenty operations per detection period P, at most one per 0.5ms; in half
     * of the runs (odd seeds) the serving master also sends a full snapshot every P.
     */
    static Workload workloadFor(Scenario scenario, boolean majorityRule) {
        long period = Setup.of(scenario).periodMicros();
        long interval = Math.max(500, period / 20);
        return new Workload(interval, 3, majorityRule, (scenario.seed() & 1) == 1 ? period : 0);
    }

    /** Runs {@code scenario} with the service until {@link #SETTLE_ROUNDS} rounds after its last fault. */
    static ServiceRun settled(Scenario scenario) {
        return new ServiceRun(scenario, workloadFor(scenario, true), settledEnd(scenario));
    }

    static ServiceRun until(Scenario scenario, Workload workload, long untilMicros) {
        return new ServiceRun(scenario, workload, untilMicros);
    }

    static long settledEnd(Scenario scenario) {
        return scenario.lastFaultMicros() + SETTLE_ROUNDS * Setup.of(scenario).roundMicros();
    }

    ServiceSimulation sim() {
        return simulation;
    }

    /** Every checker's violations: the linearizability checker's verdict first (an unknown one too), then the leaders'. */
    List<String> violations() {
        return violations;
    }

    /** The shared linearizability checker's verdict on the clients' history. */
    CheckResult linearizability() {
        return linearizability;
    }

    /**
     * No exception from a core or a replica, no safety violation of the election, no checker violation: the clients'
     * history is linearizable (an unknown verdict is not) and the leaders agree.
     */
    boolean correct() {
        return failure == null && simulation.simulation().violations().isEmpty() && violations.isEmpty();
    }

    /** Writes and cas operations invoked in the last {@link #PROGRESS_ROUNDS} rounds that the clients saw done. */
    long recentWritesAcknowledged() {
        long from = untilMicros - PROGRESS_ROUNDS * Setup.of(scenario).roundMicros();
        return simulation.history().operations().stream()
                .filter(op -> op.invokeMicros() >= from && op.acknowledged())
                .filter(op -> !(op.op() instanceof io.stagger.service.KvOp.Read))
                .count();
    }

    /** The report of this run, for an assertion's lazy description. */
    String report() {
        ServiceHistory history = simulation.history();
        Path file = write(history);
        return "\n  replay: " + scenario
                + "\n  " + workload + " (-Dstagger.service.workload=" + workload.meanIntervalMicros() + ","
                + workload.keys() + "," + workload.majorityRule() + ")"
                + "\n  until: " + untilMicros + "us, last fault over at " + scenario.lastFaultMicros() + "us"
                + "\n  election: masters at the end " + simulation.simulation().masters() + ", live "
                + simulation.simulation().liveIds() + ", safety violations " + simulation.simulation().violations()
                + "\n  service: " + simulation.counters()
                + (failure == null ? "" : "\n  failed: " + failure.getMessage())
                + "\n  checkers: " + violations.size() + " violations (all of them and the history in " + file + ")"
                + violations.stream().limit(VIOLATIONS_IN_MESSAGE).map(v -> "\n    " + v).collect(Collectors.joining())
                + "\n";
    }

    private Path write(ServiceHistory history) {
        try {
            Path dir = Path.of("target", "service-histories");
            Files.createDirectories(dir);
            Path file = dir.resolve("seed-" + scenario.seed() + ".txt");
            StringBuilder text = new StringBuilder(scenario + "\n" + workload + "\n");
            violations.forEach(v -> text.append("violation: ").append(v).append('\n'));
            history.operations().forEach(op -> text.append(op).append('\n'));
            history.answers().forEach(a -> text.append("answer: ").append(a.leader()).append(' ').append(a.ballot())
                    .append(" v").append(a.version()).append(" op").append(a.opId()).append(' ').append(a.result())
                    .append(" at ").append(a.atMicros()).append("us\n"));
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
