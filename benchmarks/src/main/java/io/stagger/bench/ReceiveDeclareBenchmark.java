package io.stagger.bench;

import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Message.Declare;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Rule 6, ReceiveDeclare, in each role of the receiver. Where one step does not restore the state, the benchmark
 * names the steps it pairs it with: Restart (measured alone in {@link ElectionTimeoutBenchmark}) puts a server back
 * in WAITING, and Restart then ElectionTimeout (measured there as a pair) makes it MASTER again.
 */
public class ReceiveDeclareBenchmark extends DeclarationBenchmark {
    private Event rank1Declares;
    private Event rank2Declares;
    private Event weakestDeclares;
    private Event rank1DeclaresEpoch1;

    @Override
    void setUp(Group group) {
        super.setUp(group);
        rank1Declares = new Event.Receive(rank1, new Declare(rank1, 0));
        rank2Declares = new Event.Receive(rank2, new Declare(rank2, 0));
        weakestDeclares = new Event.Receive(weakest, new Declare(weakest, 0));
        // The contender is elected with epoch 1: the stronger declare must not be stale.
        rank1DeclaresEpoch1 = new Event.Receive(rank1, new Declare(rank1, 1));
    }

    /** As BACKUP, from its own master (the announce path): nothing changes. One step per op. */
    @Benchmark
    public void asBackupFromItsMaster() {
        backup.step(rank1Declares, nowMicros, effects);
    }

    /** As BACKUP, from another server: recognise it (claim 17). Two declarers in turn, each op one step. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void asBackupNewMaster() {
        backup.step(rank2Declares, nowMicros, effects);
        backup.step(rank1Declares, nowMicros, effects);
    }

    /** Rule 9 then, as WAITING, recognise the declarer (claims 16, 17). One pair per op. */
    @Benchmark
    public void restartThenAsWaiting() {
        restartWaiting();
        waiting.step(rank1Declares, nowMicros, effects);
    }

    /** As MASTER, from a weaker server: stay MASTER and revoke it to the n - 1 others (claim 23). One step per op. */
    @Benchmark
    public void asMasterWins() {
        master.step(weakestDeclares, nowMicros, effects);
    }

    /** Rules 9, 5, then as MASTER from a stronger server: become its BACKUP (claim 22). One triple per op. */
    @Benchmark
    public void restartThenElectionTimeoutThenAsMasterLoses() {
        electContender();
        contender.step(rank1DeclaresEpoch1, nowMicros, effects);
    }
}
