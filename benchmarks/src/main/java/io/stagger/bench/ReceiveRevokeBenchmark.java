package io.stagger.bench;

import io.stagger.core.Config;
import io.stagger.core.Group;
import io.stagger.core.Message.Revoke;
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
 * Rule 7, ReceiveRevoke, in each role of the receiver: judged as a declaration by the revoker. The pairs and
 * triples are those of {@link ReceiveDeclareBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ReceiveRevokeBenchmark {
    @Param({"3", "9", "33", "129"})
    int n;

    private Server backup;
    private Server waiting;
    private Server master;
    private Server contender;
    private String rank1;
    private String rank2;
    private Revoke rank1RevokesRank2;
    private Revoke rank2RevokesWeakest;
    private Revoke rank1RevokesRank2Epoch1;
    private long nowMicros;
    private BlackholeEffects effects;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        Group group = Groups.ofSize(n);
        rank1 = Groups.id(1);
        rank2 = Groups.id(2);
        String weakest = Groups.id(n);
        backup = Groups.started(weakest, group);
        waiting = Groups.started(weakest, group);
        master = Groups.started(rank1, group);
        contender = new Server(rank2, group, Config.defaults());
        rank1RevokesRank2 = new Revoke(rank2, rank1, 0);
        rank2RevokesWeakest = new Revoke(weakest, rank2, 0);
        // The contender is elected with epoch 1 (epochs variant): the stronger revoke must not be stale.
        rank1RevokesRank2Epoch1 = new Revoke(rank2, rank1, 1);
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

    /** As BACKUP, from its own master: nothing changes. One step per op. */
    @Benchmark
    public void asBackupFromItsMaster() {
        backup.receiveRevoke(rank1, rank1RevokesRank2, nowMicros, effects);
    }

    /** Rule 9 then, as WAITING, recognise the revoker. One pair per op. */
    @Benchmark
    public void restartThenAsWaiting() {
        waiting.restart(nowMicros, effects);
        waiting.receiveRevoke(rank1, rank1RevokesRank2, nowMicros, effects);
    }

    /** As MASTER, from a weaker revoker: stay MASTER and revoke it to the n - 1 others. One step per op. */
    @Benchmark
    public void asMasterWins() {
        master.receiveRevoke(rank2, rank2RevokesWeakest, nowMicros, effects);
    }

    /** Rules 9, 5, then as MASTER revoked by a stronger server: become its BACKUP. One triple per op. */
    @Benchmark
    public void restartThenElectionTimeoutThenAsMasterLoses() {
        contender.restart(nowMicros, effects);
        nowMicros = Math.max(nowMicros, contender.deadlineMicros(Timer.ELECTION));
        contender.electionTimeout(nowMicros, effects);
        contender.receiveRevoke(rank1, rank1RevokesRank2Epoch1, nowMicros, effects);
    }
}
