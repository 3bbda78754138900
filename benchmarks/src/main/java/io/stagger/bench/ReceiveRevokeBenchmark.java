package io.stagger.bench;

import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Message.Revoke;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Rule 7, ReceiveRevoke, in each role of the receiver: judged as a declaration by the revoker. The pairs and
 * triples are those of {@link ReceiveDeclareBenchmark}.
 */
public class ReceiveRevokeBenchmark extends DeclarationBenchmark {
    private Event rank1RevokesRank2;
    private Event rank2RevokesWeakest;
    private Event rank1RevokesRank2Epoch1;

    @Override
    void setUp(Group group) {
        super.setUp(group);
        rank1RevokesRank2 = new Event.Receive(rank1, new Revoke(rank2, rank1, 0));
        rank2RevokesWeakest = new Event.Receive(rank2, new Revoke(weakest, rank2, 0));
        // The contender is elected with epoch 1: the stronger revoke must not be stale.
        rank1RevokesRank2Epoch1 = new Event.Receive(rank1, new Revoke(rank2, rank1, 1));
    }

    /** As BACKUP, from its own master: nothing changes. One step per op. */
    @Benchmark
    public void asBackupFromItsMaster() {
        backup.step(rank1RevokesRank2, nowMicros, effects);
    }

    /** Rule 9 then, as WAITING, recognise the revoker. One pair per op. */
    @Benchmark
    public void restartThenAsWaiting() {
        restartWaiting();
        waiting.step(rank1RevokesRank2, nowMicros, effects);
    }

    /** As MASTER, from a weaker revoker: stay MASTER and revoke it to the n - 1 others. One step per op. */
    @Benchmark
    public void asMasterWins() {
        master.step(rank2RevokesWeakest, nowMicros, effects);
    }

    /** Rules 9, 5, then as MASTER revoked by a stronger server: become its BACKUP. One triple per op. */
    @Benchmark
    public void restartThenElectionTimeoutThenAsMasterLoses() {
        electContender();
        contender.step(rank1RevokesRank2Epoch1, nowMicros, effects);
    }
}
