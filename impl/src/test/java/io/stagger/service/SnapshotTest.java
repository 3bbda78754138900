package io.stagger.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The periodic full snapshot (docs/CONFERENCE.md): the serving master sends its whole state every period. */
class SnapshotTest {
    private static final List<String> IDS = List.of("n1", "n2", "n3");
    private static final long RETRY = 200_000;

    /** Records what a replica does. */
    static final class Recorder implements KvEffects {
        final List<String> to = new ArrayList<>();
        final List<KvMessage> sent = new ArrayList<>();
        final List<String> answered = new ArrayList<>();
        long deadline = Long.MIN_VALUE;

        @Override
        public void send(String destination, KvMessage message) {
            to.add(destination);
            sent.add(message);
        }

        @Override
        public void answer(Object request, KvResult result) {
            answered.add(request + " " + result);
        }

        @Override
        public void armRetry(long deadlineMicros) {
            deadline = deadlineMicros;
        }

        @Override
        public void serving(Ballot ballot) {}

        List<KvMessage.Sync> syncs() {
            return sent.stream().filter(KvMessage.Sync.class::isInstance).map(KvMessage.Sync.class::cast).toList();
        }

        void clear() {
            to.clear();
            sent.clear();
        }
    }

    private static KvReplica servingMaster(long snapshotPeriod, Recorder out) {
        KvReplica master = new KvReplica("n1", IDS, 1, RETRY, true, snapshotPeriod);
        master.lead(0, out);
        KvMessage.Prepare prepare = (KvMessage.Prepare) out.sent.get(0);
        master.receive("n2", new KvMessage.Promise(prepare.ballot(), Ballot.ZERO, 0, java.util.Map.of()), 0, out);
        assertThat(master.serving()).isTrue();
        out.clear();
        return master;
    }

    @Test
    void theServingMasterSendsItsWholeStateEveryPeriod() {
        Recorder out = new Recorder();
        KvReplica master = servingMaster(50_000, out);
        master.request("w", new KvOp.Write("1", "7"), 10, out);
        assertThat(out.deadline).as("the timer fires for the snapshot, before the retry").isEqualTo(50_000);
        out.clear();
        master.retry(50_000, out);
        assertThat(out.syncs()).hasSize(2);
        assertThat(out.to).containsExactlyInAnyOrder("n2", "n3");
        assertThat(out.syncs().get(0).state()).containsEntry("1", "7");
        assertThat(out.syncs().get(0).version()).isEqualTo(1);
        assertThat(out.deadline).isEqualTo(100_000);
    }

    @Test
    void withoutAPeriodOnlyTheBatchIsSentAgain() {
        Recorder out = new Recorder();
        KvReplica master = servingMaster(0, out);
        master.request("w", new KvOp.Write("1", "7"), 10, out);
        assertThat(out.deadline).isEqualTo(10 + RETRY);
        out.clear();
        master.retry(10 + RETRY, out);
        assertThat(out.syncs()).isEmpty();
        assertThat(out.sent).allSatisfy(m -> assertThat(m).isInstanceOf(KvMessage.Replicate.class));
    }

    @Test
    void aBackupThatMissedABatchCatchesUpFromTheSnapshotAndItsAckCounts() {
        Recorder out = new Recorder();
        KvReplica master = servingMaster(50_000, out);
        Recorder backupOut = new Recorder();
        KvReplica backup = new KvReplica("n3", IDS, 1, RETRY, true, 50_000);
        master.request("w", new KvOp.Write("1", "7"), 10, out);
        out.clear(); // the batch to n3 is lost
        master.retry(50_000, out);
        KvMessage.Sync toN3 = out.syncs().get(out.to.indexOf("n3"));
        backup.receive("n1", toN3, 50_001, backupOut);
        assertThat(backup.state()).containsEntry("1", "7");
        KvMessage.Ack ack = (KvMessage.Ack) backupOut.sent.get(0);
        assertThat(ack.version()).isEqualTo(1);
        assertThat(out.answered).isEmpty();
        master.receive("n3", ack, 50_002, out);
        assertThat(out.answered).containsExactly("w " + KvResult.OK);
    }
}
