package io.stagger.bench;

import io.stagger.core.Config;
import io.stagger.core.Group;
import io.stagger.core.Message.Declare;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rule 6, ReceiveDeclare, in each role of the receiver. Where one step does not restore the state, the benchmark
 * names the steps it pairs it with: Restart (measured alone in {@link ElectionTimeoutBenchmark}) puts a server back
 * in WAITING, and Restart then ElectionTimeout (measured there as a pair) makes it MASTER again.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ReceiveDeclareBenchmark {
    @Param({"3", "9", "33", "129"})
    int n;

    private Server backup;
    private Server waiting;
    private Server master;
    private Server contender;
    private String rank1;
    private String rank2;
    private String weakest;
    private Declare rank1Declares;
    private Declare rank2Declares;
    private Declare weakestDeclares;
    private Declare rank1DeclaresEpoch1;
    private long nowMicros;
    private BlackholeEffects effects;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        Group group = Groups.ofSize(n);
        rank1 = Groups.id(1);
        rank2 = Groups.id(2);
        weakest = Groups.id(n);
        backup = Groups.started(weakest, group);
        waiting = Groups.started(weakest, group);
        master = Groups.started(rank1, group);
        contender = new Server(rank2, group, Config.defaults());
        rank1Declares = new Declare(rank1, 0);
        rank2Declares = new Declare(rank2, 0);
        weakestDeclares = new Declare(weakest, 0);
        // The contender is elected with epoch 1 (epochs variant): the stronger declare must not be stale.
        rank1DeclaresEpoch1 = new Declare(rank1, 1);
        effects = new BlackholeEffects(blackhole);
        Groups.requireRole(backup, Role.BACKUP);
        Groups.requireRole(master, Role.MASTER);
    }

    @TearDown(Level.Iteration)
    public void checkRestored() {
        Groups.requireRole(backup, Role.BACKUP);
        Groups.requireRole(master, Role.MASTER);
        Groups.requireRole(waiting, Role.BACKUP);
        if (contender.master() != null) {
            Groups.requireRole(contender, Role.BACKUP);
        }
    }

    /** As BACKUP, from its own master (the announce path): nothing changes. One step per op. */
    @Benchmark
    public void asBackupFromItsMaster() {
        backup.receiveDeclare(rank1, rank1Declares, nowMicros, effects);
    }

    /** As BACKUP, from another server: recognise it (claim 17). Two declarers in turn, each op one step. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void asBackupNewMaster() {
        backup.receiveDeclare(rank2, rank2Declares, nowMicros, effects);
        backup.receiveDeclare(rank1, rank1Declares, nowMicros, effects);
    }

    /** Rule 9 then, as WAITING, recognise the declarer (claims 16, 17). One pair per op. */
    @Benchmark
    public void restartThenAsWaiting() {
        waiting.restart(nowMicros, effects);
        waiting.receiveDeclare(rank1, rank1Declares, nowMicros, effects);
    }

    /** As MASTER, from a weaker server: stay MASTER and revoke it to the n - 1 others (claim 23). One step per op. */
    @Benchmark
    public void asMasterWins() {
        master.receiveDeclare(weakest, weakestDeclares, nowMicros, effects);
    }

    /** Rules 9, 5, then as MASTER from a stronger server: become its BACKUP (claim 22). One triple per op. */
    @Benchmark
    public void restartThenElectionTimeoutThenAsMasterLoses() {
        contender.restart(nowMicros, effects);
        nowMicros = Math.max(nowMicros, contender.deadlineMicros(Timer.ELECTION));
        contender.electionTimeout(nowMicros, effects);
        contender.receiveDeclare(rank1, rank1DeclaresEpoch1, nowMicros, effects);
    }
}
