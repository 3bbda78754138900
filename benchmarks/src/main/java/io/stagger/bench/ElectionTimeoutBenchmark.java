package io.stagger.bench;

import io.stagger.core.Config;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rule 5, ElectionTimeout: a WAITING server takes the mastership and declares it to the n - 1 others. Rule 9
 * (Restart) puts it back in WAITING, so restart-then-election-timeout is a state-restoring pair; Restart and Start
 * (rule 8) are each state-restoring on their own and are measured alone, so the pair minus Restart is the cost of
 * the election time-out.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ElectionTimeoutBenchmark {
    @Param({"3", "9", "33", "129"})
    int n;

    private Server candidate;
    private long nowMicros;
    private BlackholeEffects effects;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        candidate = new Server(Groups.id(2), Groups.ofSize(n), Config.defaults());
        effects = new BlackholeEffects(blackhole);
        candidate.restart(nowMicros, effects);
        Groups.requireRole(candidate, Role.WAITING);
    }

    /** Rule 9 then rule 5 at the rank-2 server: WAITING, then MASTER with n - 1 declares sent. One pair per op. */
    @Benchmark
    public void restartThenElectionTimeout() {
        candidate.restart(nowMicros, effects);
        nowMicros = candidate.deadlineMicros(Timer.ELECTION);
        candidate.electionTimeout(nowMicros, effects);
    }

    /** Rule 9 alone: forget everything, WAITING with E(self) over all other members. One step per op. */
    @Benchmark
    public void restart() {
        candidate.restart(nowMicros, effects);
    }

    /** Rule 8 alone at the rank-2 server: BACKUP of the rank-1 server. One step per op. */
    @Benchmark
    public void start() {
        candidate.start(nowMicros, effects);
    }
}
