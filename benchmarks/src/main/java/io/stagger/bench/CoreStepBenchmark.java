package io.stagger.bench;

import io.stagger.core.Group;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The frame of every benchmark of the core's rules: JMH's settings, the group size n, the fake clock that only
 * moves forward, and the sink that hands every effect to the {@link Blackhole}. A subclass puts its servers in
 * their roles by real steps in {@link #setUp(Group)} and checks after each iteration that its steps restored them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public abstract class CoreStepBenchmark {
    @Param({"3", "9", "33", "129"})
    public int n;

    /** The fake clock, in microseconds; a benchmark advances it where a timer must come due. */
    long nowMicros;
    BlackholeEffects effects;

    @Setup(Level.Trial)
    public void setUpTrial(Blackhole blackhole) {
        effects = new BlackholeEffects(blackhole);
        setUp(Groups.ofSize(n));
    }

    /** Creates the servers of the benchmark in {@code group} and puts them in their roles. */
    abstract void setUp(Group group);
}
