package io.stagger.bench;

import io.stagger.core.Config;
import io.stagger.sim.Scenario;
import io.stagger.sim.Simulation;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole failover in the deterministic simulator ({@code io.stagger.sim}), crash to convergence: the master
 * crashes, the backups detect it, wait E(i), the strongest declares, and every live server recognises it. The
 * product's default configuration, no other fault; each invocation has its own seed (message delays) and its own
 * crash phase against the detection timers. Also the simulator's speed: simulated events per second, during the
 * failovers and in a steady state without faults.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class FailoverBenchmark {
    /** Virtual time of the run-up before the crash: the group is formed and steady. */
    static final long CRASH_AFTER_MICROS = 1_000_000;
    /** Far beyond the failover bound of PROTOCOL.md §6 for n ≤ 33 with the defaults; a run that needs more fails. */
    static final long CONVERGENCE_TIMEOUT_MICROS = 60_000_000;

    /** The thread's allocation and CPU time around the op alone: JMH's {@code -prof gc} also counts the setup. */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Simulated events, and the bytes allocated and the CPU time used inside the measured op, reported by JMH as
     * rates beside the score; {@link ResultsTable} divides the last two by the score to give them per op. The CPU
     * time leaves out the time the thread waited for a core, so it holds on a loaded machine where the score,
     * a few microseconds of work between untimed setups, swings with every preemption.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;
        public long bytesAllocatedInOp;
        public long cpuNanosInOp;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
            bytesAllocatedInOp = 0;
            cpuNanosInOp = 0;
        }
    }

    /** A fresh simulation per invocation, run up to the crash outside the measured time. */
    @State(Scope.Thread)
    public static class Group {
        @Param({"3", "5", "9", "33"})
        int n;

        private List<String> ids;
        private long seed;
        Simulation simulation;
        long crashAtMicros;
        long eventsBeforeCrash;

        @Setup(Level.Trial)
        public void setUp() {
            ids = Groups.ids(n);
        }

        @Setup(Level.Invocation)
        public void runUpToTheCrash() {
            seed++;
            simulation = new Simulation(new Scenario(ids, Config.defaults(), seed, List.of()));
            // The crash falls anywhere in the detection period, not always on the same phase of the timers.
            crashAtMicros = CRASH_AFTER_MICROS + (seed * 7_919) % Groups.DETECTION_PERIOD_MICROS;
            simulation.runUntil(crashAtMicros);
            eventsBeforeCrash = simulation.counters().eventsProcessed();
        }
    }

    /** Crash the master, run until every live server recognises one new master. One failover per op. */
    @Benchmark
    public long failover(Group group, Events events) {
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long failoverMicros = group.simulation.failoverMicros(group.crashAtMicros, CONVERGENCE_TIMEOUT_MICROS);
        if (failoverMicros < 0) {
            throw new IllegalStateException("no failover within " + CONVERGENCE_TIMEOUT_MICROS + "us: "
                    + group.simulation.scenario() + " " + group.simulation.counters());
        }
        events.events += group.simulation.counters().eventsProcessed() - group.eventsBeforeCrash;
        events.bytesAllocatedInOp += THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        events.cpuNanosInOp += THREADS.getCurrentThreadCpuTime() - cpuBefore;
        return failoverMicros;
    }

    /** A steady group, no fault: one simulated second per op (the master announces, every backup inquires). */
    @State(Scope.Thread)
    public static class Steady {
        @Param({"3", "5", "9", "33"})
        int n;

        Simulation simulation;

        @Setup(Level.Trial)
        public void setUp() {
            simulation = new Simulation(new Scenario(Groups.ids(n), Config.defaults(), 1, List.of()));
        }
    }

    /** One simulated second of the steady state. */
    @Benchmark
    public boolean steadySecond(Steady steady, Events events) {
        Simulation simulation = steady.simulation;
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long before = simulation.counters().eventsProcessed();
        simulation.runUntil(simulation.nowMicros() + 1_000_000);
        events.events += simulation.counters().eventsProcessed() - before;
        events.bytesAllocatedInOp += THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        events.cpuNanosInOp += THREADS.getCurrentThreadCpuTime() - cpuBefore;
        return simulation.converged();
    }
}
