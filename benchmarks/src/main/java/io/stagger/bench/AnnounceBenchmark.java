package io.stagger.bench;

import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.Timer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Variant {@code announce} (PROTOCOL.md §5), on by default: the MASTER re-declares to the n - 1 others every P, the
 * master's share of the steady state. State-restoring on its own: the clock advances by P and the timer re-arms.
 */
public class AnnounceBenchmark extends CoreStepBenchmark {
    private Server master;

    @Override
    void setUp(Group group) {
        master = Groups.started(Groups.id(1), group);
        Groups.requireRole(master, Role.MASTER);
    }

    @TearDown(Level.Iteration)
    public void checkRestored() {
        Groups.requireRole(master, Role.MASTER);
        Groups.requireDeadline(master, Timer.ANNOUNCE, nowMicros + Groups.DETECTION_PERIOD_MICROS);
    }

    /** The announce timer at the MASTER: n - 1 declares and the timer re-armed. One step per op. */
    @Benchmark
    public void announce() {
        nowMicros += Groups.DETECTION_PERIOD_MICROS;
        master.step(Event.TimerFired.of(Timer.ANNOUNCE), nowMicros, effects);
    }
}
