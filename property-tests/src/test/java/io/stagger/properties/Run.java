package io.stagger.properties;

import io.stagger.sim.Scenario;
import io.stagger.sim.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One simulated run for a property, and the report a failing property prints: the replay line (seed and fault
 * schedule), what was counted, the safety violations, and the run as a timeline, replayed from the same scenario.
 * The full timeline is also written under {@code target/timelines/}.
 */
final class Run {
    /** How long a run goes on after its last fault, in protocol rounds (P + T + max E + max d). */
    static final int SETTLE_ROUNDS = 40;
    /** Lines of timeline in an assertion message; the file has them all. */
    static final int TIMELINE_LINES_IN_MESSAGE = 300;

    private final Scenario scenario;
    private final long untilMicros;
    private final Simulation simulation;
    private final RuntimeException failure;

    private Run(Scenario scenario, long untilMicros, Consumer<Simulation> setUp) {
        this.scenario = scenario;
        this.untilMicros = untilMicros;
        this.simulation = new Simulation(scenario);
        setUp.accept(simulation);
        this.failure = runCatching(simulation, untilMicros);
    }

    /**
     * When a run of {@code scenario} ends: {@link #SETTLE_ROUNDS} rounds after its last fault, or after every backup
     * detects if that is later ({@link Setup#detectingByMicros}).
     */
    static long settledEnd(Scenario scenario) {
        Setup setup = Setup.of(scenario);
        return Math.max(scenario.lastFaultMicros(), setup.detectingByMicros())
                + SETTLE_ROUNDS * setup.roundMicros();
    }

    /** Runs {@code scenario} until {@code untilMicros}. */
    static Run until(Scenario scenario, long untilMicros) {
        return new Run(scenario, untilMicros, sim -> {});
    }

    /** Runs {@code scenario} until {@code untilMicros}, with {@code setUp} (observers) applied first. */
    static Run until(Scenario scenario, long untilMicros, Consumer<Simulation> setUp) {
        return new Run(scenario, untilMicros, setUp);
    }

    Simulation sim() {
        return simulation;
    }

    /** What the core threw during the run (a broken contract or assertion), or {@code null}. */
    RuntimeException failure() {
        return failure;
    }

    /** Whether the run went to its end with no exception from the core and no safety violation. */
    boolean safe() {
        return failure == null && simulation.violations().isEmpty();
    }

    /** Whether the group is converged at the end and has been for at least {@code stableMicros}. */
    boolean convergedFor(long stableMicros) {
        return simulation.converged() && simulation.convergedSinceMicros() <= untilMicros - stableMicros;
    }

    /**
     * The report of this run, replayed with a timeline (and without the observers of the first run, which only
     * collect); to be used as an assertion's lazy description.
     */
    String report() {
        Simulation replay = new Simulation(scenario).recordTimeline();
        RuntimeException replayFailure = runCatching(replay, untilMicros);
        Path file = writeTimeline(replay);
        return "\n  replay: " + scenario
                + "\n  until: " + untilMicros + "us, last fault over at " + replay.lastFaultMicros() + "us"
                + "\n  masters at the end: " + replay.masters() + ", live: " + replay.liveIds()
                + ", converged since: " + replay.convergedSinceMicros() + "us"
                + "\n  counted: " + replay.counters()
                + "\n  safety violations: " + replay.violations()
                + (replayFailure == null ? "" : "\n  the core failed: " + replayFailure.getMessage())
                + "\n  timeline (all of it in " + file + "):\n" + replay.timeline().render(TIMELINE_LINES_IN_MESSAGE)
                + "\n";
    }

    private static RuntimeException runCatching(Simulation simulation, long untilMicros) {
        try {
            simulation.runUntil(untilMicros);
            return null;
        } catch (IllegalStateException e) {
            return e;
        }
    }

    private static Path writeTimeline(Simulation replay) {
        try {
            Path dir = Path.of("target", "timelines");
            Files.createDirectories(dir);
            Path file = dir.resolve("seed-" + replay.scenario().seed() + ".txt");
            Files.writeString(file, replay.scenario() + "\n" + replay.timeline().render() + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
