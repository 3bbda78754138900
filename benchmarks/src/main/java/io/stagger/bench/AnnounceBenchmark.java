package io.stagger.bench;

import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.Timer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Variant {@code announce} (PROTOCOL.md §5), on by default: the MASTER re-declares to the n - 1 others every P, the
 * master's share of the steady state. State-restoring on its own: the clock advances by P and the timer re-arms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class AnnounceBenchmark {
    @Param({"3", "9", "33", "129"})
    int n;

    private Server master;
    private long nowMicros;
    private BlackholeEffects effects;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        master = Groups.started(Groups.id(1), Groups.ofSize(n));
        effects = new BlackholeEffects(blackhole);
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
        master.announce(nowMicros, effects);
    }
}
