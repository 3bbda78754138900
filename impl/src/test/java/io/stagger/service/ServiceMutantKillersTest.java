package io.stagger.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.service.KvMessage.Ack;
import io.stagger.service.KvMessage.Nack;
import io.stagger.service.KvMessage.NeedSync;
import io.stagger.service.KvMessage.Prepare;
import io.stagger.service.KvMessage.Promise;
import io.stagger.service.KvMessage.Recover;
import io.stagger.service.KvMessage.RecoverOk;
import io.stagger.service.KvMessage.Replicate;
import io.stagger.service.KvMessage.Sync;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests written to kill the mutants that PIT found surviving in io.stagger.service (impl/MUTATION.md). Each drives one
 * replica through the public API with hand-made messages and checks what the rule of docs/SERVICE.md says it must do:
 * the messages it sends and to whom, the answers and their texts as clients see them, the retry deadlines it arms, and
 * its state afterwards. Covered: ballot order and text, fencing of stale ballots, duplicate and out-of-order batches,
 * the retry timer in each phase, adopting the most advanced promise, acknowledgements of an earlier ballot, the limits
 * of the queue and the batch, giving up the lead, and recovery after a restart.
 */
class ServiceMutantKillersTest {
    private static final List<String> THREE = List.of("n1", "n2", "n3");
    private static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");
    private static final long RETRY = 1_000;
    private static final Map<String, Object> EMPTY = Map.of();

    private final Out out = new Out(); // JUnit makes a new instance, so a new Out, for each test

    /** Everything a replica does, in the order it does it. */
    static final class Out implements KvEffects {
        record Sent(String to, KvMessage message) {}

        final List<Sent> sent = new ArrayList<>();
        final Map<Object, KvResult> answers = new LinkedHashMap<>();
        final List<Long> deadlines = new ArrayList<>();
        final List<Ballot> servingUnder = new ArrayList<>();
        final List<Long> recoveredAt = new ArrayList<>();

        @Override
        public void send(String to, KvMessage message) {
            sent.add(new Sent(to, message));
        }

        @Override
        public void answer(Object request, KvResult result) {
            assertThat(answers).as("answered twice: " + request).doesNotContainKey(request);
            answers.put(request, result);
        }

        @Override
        public void armRetry(long deadlineMicros) {
            deadlines.add(deadlineMicros);
        }

        @Override
        public void serving(Ballot ballot) {
            servingUnder.add(ballot);
        }

        @Override
        public void recovered(long version) {
            recoveredAt.add(version);
        }

        /** The destinations of what was sent, in order. */
        List<String> destinations() {
            return sent.stream().map(Sent::to).toList();
        }

        /** The one message sent, to {@code to}. */
        KvMessage onlyTo(String to) {
            assertThat(destinations()).containsExactly(to);
            return sent.get(0).message();
        }

        long lastDeadline() {
            assertThat(deadlines).isNotEmpty();
            return deadlines.get(deadlines.size() - 1);
        }

        Out clear() {
            sent.clear();
            answers.clear();
            deadlines.clear();
            servingUnder.clear();
            recoveredAt.clear();
            return this;
        }
    }

    private static KvOp.Write write(String key, String value) {
        return new KvOp.Write(key, value);
    }

    /** n1 of {@code members}, serving under its first ballot after promises from n2 .. up to a majority. */
    private static KvReplica servingN1(List<String> members, Out out) {
        KvReplica n1 = new KvReplica("n1", members, 1, RETRY);
        n1.lead(0, out);
        Ballot b = n1.ballot();
        for (int i = 1; !n1.serving(); i++) {
            n1.receive(members.get(i), new Promise(b, Ballot.ZERO, 0, EMPTY), 0, out);
        }
        out.clear();
        return n1;
    }

    /** As {@link #servingN1}, with request "in flight" (k = 1) sent to the backups and "queued" (k = 2) behind it. */
    private static KvReplica servingN1WithABatchAndAQueue(List<String> members, Out out) {
        KvReplica n1 = servingN1(members, out);
        n1.request("in flight", write("k", "1"), 10, out);
        n1.request("queued", write("k", "2"), 10, out);
        return n1;
    }

    /** Everything {@code out} holds is {@code message}, sent once to each other member of {@link #FIVE}. */
    private static void broadcastToFive(Out out, KvMessage message) {
        assertThat(out.destinations()).containsExactly("n2", "n3", "n4", "n5");
        assertThat(out.sent).extracting(Out.Sent::message).containsOnly(message);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Ballots and messages.

    @Test
    void ballotsAreOrderedByRoundThenIdThenIncarnation() {
        Ballot[][] lowerHigher = {
            {Ballot.ZERO, new Ballot(1, "", 0)},
            {new Ballot(1, "n9", 9), new Ballot(2, "n1", 0)},
            {new Ballot(1, "n1", 9), new Ballot(1, "n2", 0)},
            {new Ballot(1, "n1", 1), new Ballot(1, "n1", 2)},
        };
        for (Ballot[] pair : lowerHigher) {
            Ballot lower = pair[0];
            Ballot higher = pair[1];
            assertThat(higher.above(lower)).as(higher + " above " + lower).isTrue();
            assertThat(lower.above(higher)).as(lower + " above " + higher).isFalse();
            assertThat(lower.compareTo(higher)).isNegative();
            assertThat(higher.compareTo(lower)).isPositive();
            assertThat(Ballot.max(lower, higher)).isEqualTo(higher);
            assertThat(Ballot.max(higher, lower)).isEqualTo(higher);
            assertThat(higher.above(new Ballot(higher.round(), higher.id(), higher.incarnation()))).isFalse();
        }
        assertThat(new Ballot(3, "n2", 1_700_000_000L)).hasToString("(3,n2,1700000000)");
    }

    @Test
    void everyMessageCarriesItsMaelstromBodyType() {
        Ballot b = new Ballot(1, "n1", 1);
        Map<KvMessage, String> types = new LinkedHashMap<>();
        types.put(new Prepare(b), "kv_prepare");
        types.put(new Promise(b, Ballot.ZERO, 0, EMPTY), "kv_promise");
        types.put(new Nack(b, b), "kv_nack");
        types.put(new Sync(b, 0, EMPTY), "kv_sync");
        types.put(new Replicate(b, 0, List.of()), "kv_replicate");
        types.put(new Ack(b, 0), "kv_ack");
        types.put(new NeedSync(b), "kv_need_sync");
        types.put(new Recover(Ballot.ZERO, 7), "kv_recover");
        types.put(new RecoverOk(Ballot.ZERO, 7, b, b, 0, EMPTY), "kv_recover_ok");
        types.forEach((message, type) -> assertThat(message.type()).as(message.toString()).isEqualTo(type));
    }

    // -------------------------------------------------------------------------------------------------------------
    // A backup: promises, fencing, batches and snapshots.

    @Test
    void aMemberPromisesOnlyAHigherBallotAndRefusesTheRestNamingItsPromise() {
        KvReplica n2 = new KvReplica("n2", THREE, 1, RETRY);
        Ballot b2 = new Ballot(2, "n1", 1);
        Ballot b1 = new Ballot(1, "n3", 1);
        n2.receive("n1", new Prepare(b2), 0, out);
        assertThat(out.onlyTo("n1")).isEqualTo(new Promise(b2, Ballot.ZERO, 0, EMPTY));
        assertThat(n2.promised()).isEqualTo(b2);

        // A stale ballot is refused, whichever message carries it, and leaves the state alone.
        List<KvMessage> stale = List.of(new Prepare(b1), new Sync(b1, 3, Map.of("k", "v")),
                new Replicate(b1, 0, List.of(write("k", "v"))));
        for (KvMessage message : stale) {
            n2.receive("n3", message, 0, out.clear());
            assertThat(out.onlyTo("n3")).as(message.type()).isEqualTo(new Nack(b1, b2));
        }
        // So is a second copy of the ballot it promised: a promise is given once.
        n2.receive("n1", new Prepare(b2), 0, out.clear());
        assertThat(out.onlyTo("n1")).isEqualTo(new Nack(b2, b2));
        assertThat(n2.promised()).isEqualTo(b2);
        assertThat(n2.accepted()).isEqualTo(Ballot.ZERO);
        assertThat(n2.state()).isEmpty();
        assertThat(n2.version()).isZero();
    }

    @Test
    void aBatchOfAHigherBallotRaisesThePromiseEvenWhenTheBackupMustAskForTheState() {
        KvReplica n2 = new KvReplica("n2", THREE, 1, RETRY);
        Ballot b3 = new Ballot(3, "n1", 1);
        n2.receive("n1", new Replicate(b3, 0, List.of(write("k", "v"))), 0, out);
        assertThat(out.onlyTo("n1")).as("it holds no state of b3 yet").isEqualTo(new NeedSync(b3));
        assertThat(n2.promised()).isEqualTo(b3);
        n2.receive("n3", new Prepare(new Ballot(2, "n3", 1)), 0, out.clear());
        assertThat(out.onlyTo("n3")).isEqualTo(new Nack(new Ballot(2, "n3", 1), b3));
    }

    @Test
    void aBackupAppliesEachBatchOnceAndAcknowledgesARepeatedOne() {
        KvReplica n2 = new KvReplica("n2", THREE, 1, RETRY);
        Ballot b = new Ballot(1, "n1", 1);
        n2.receive("n1", new Sync(b, 0, EMPTY), 0, out);
        assertThat(out.onlyTo("n1")).isEqualTo(new Ack(b, 0));
        Replicate first = new Replicate(b, 0, List.of(write("k", "1"), new KvOp.Cas("k", "1", "2", false)));
        n2.receive("n1", first, 0, out.clear());
        assertThat(out.onlyTo("n1")).isEqualTo(new Ack(b, 2));
        assertThat(n2.state()).isEqualTo(Map.of("k", "2"));

        n2.receive("n1", first, 0, out.clear()); // re-sent after a lost ack: applied already
        assertThat(out.onlyTo("n1")).isEqualTo(new Ack(b, 2));
        assertThat(n2.state()).isEqualTo(Map.of("k", "2"));
        assertThat(n2.version()).isEqualTo(2);

        n2.receive("n1", new Replicate(b, 5, List.of(write("k", "9"))), 0, out.clear()); // missed batches
        assertThat(out.onlyTo("n1")).isEqualTo(new NeedSync(b));
        assertThat(n2.state()).isEqualTo(Map.of("k", "2"));

        n2.receive("n1", new Replicate(b, 2, List.of(write("j", "3"))), 0, out.clear());
        assertThat(out.onlyTo("n1")).isEqualTo(new Ack(b, 3));
        assertThat(n2.state()).isEqualTo(Map.of("k", "2", "j", "3"));
    }

    @Test
    void aSnapshotOfANewerBallotReplacesTheWholeState() {
        KvReplica n2 = new KvReplica("n2", THREE, 1, RETRY);
        Ballot b1 = new Ballot(1, "n1", 1);
        Ballot b2 = new Ballot(2, "n3", 1);
        n2.receive("n1", new Sync(b1, 4, Map.of("unacknowledged", "1", "k", "1")), 0, out);
        n2.receive("n3", new Sync(b2, 3, Map.of("k", "2")), 0, out.clear());
        assertThat(out.onlyTo("n3")).isEqualTo(new Ack(b2, 3));
        assertThat(n2.state()).as("nothing of the old ballot's state is kept").isEqualTo(Map.of("k", "2"));
        assertThat(n2.accepted()).isEqualTo(b2);
        assertThat(n2.version()).isEqualTo(3);
        n2.receive("n1", new Sync(b1, 9, Map.of("k", "old")), 0, out.clear());
        assertThat(out.onlyTo("n1")).isEqualTo(new Nack(b1, b2));
        assertThat(n2.state()).isEqualTo(Map.of("k", "2"));
    }

    // -------------------------------------------------------------------------------------------------------------
    // A leader.

    @Test
    void aGroupOfOneAndTheNaiveRuleServeAtOnce() {
        KvReplica alone = new KvReplica("n1", List.of("n1"), 4, RETRY);
        alone.recover(0, out);
        assertThat(alone.recovering()).as("no other member to wait for").isFalse();
        assertThat(out.recoveredAt).containsExactly(0L);
        alone.lead(10, out.clear());
        assertThat(alone.serving()).isTrue();
        assertThat(out.servingUnder).containsExactly(new Ballot(1, "n1", 4));
        alone.request("w", write("k", "v"), 20, out);
        assertThat(out.answers).containsExactly(Map.entry("w", KvResult.OK));

        KvReplica naive = new KvReplica("n1", THREE, 1, RETRY, false);
        naive.lead(0, out.clear());
        assertThat(naive.serving()).as("the naive rule needs no promise").isTrue();
        naive.request("w", write("k", "v"), 20, out);
        assertThat(out.answers).containsExactly(Map.entry("w", KvResult.OK));
    }

    @Test
    void aPreparingLeaderRetriesWithAFreshBallotAndCountsOnlyPromisesOfIt() {
        KvReplica n1 = new KvReplica("n1", FIVE, 1, RETRY);
        n1.lead(100, out);
        Ballot b1 = new Ballot(1, "n1", 1);
        broadcastToFive(out, new Prepare(b1));
        assertThat(out.deadlines).containsExactly(100 + RETRY);
        n1.receive("n2", new Promise(b1, Ballot.ZERO, 0, EMPTY), 150, out.clear());

        n1.retry(100 + RETRY, out);
        Ballot b2 = new Ballot(2, "n1", 1);
        assertThat(n1.ballot()).isEqualTo(b2);
        broadcastToFive(out, new Prepare(b2));
        assertThat(out.deadlines).containsExactly(100 + 2 * RETRY);
        n1.receive("n3", new Promise(b2, Ballot.ZERO, 0, EMPTY), 1_200, out.clear());
        assertThat(n1.serving()).as("n2 promised b1, not b2: two of five").isFalse();
        n1.receive("n2", new Promise(b1, Ballot.ZERO, 0, EMPTY), 1_250, out);
        assertThat(n1.serving()).as("a late promise of the old ballot").isFalse();
        n1.receive("n4", new Promise(b2, Ballot.ZERO, 0, EMPTY), 1_300, out);
        assertThat(n1.serving()).isTrue();
        assertThat(out.servingUnder).containsExactly(b2);
        assertThat(out.lastDeadline()).as("the serving timer, from when it began serving").isEqualTo(1_300 + RETRY);
    }

    @Test
    void aLeaderIgnoresANackThatNamesItsOwnBallot() {
        KvReplica n1 = servingN1(THREE, out);
        Ballot b = n1.ballot();
        n1.request("w", write("k", "v"), 10, out);
        n1.receive("n3", new Nack(b, b), 20, out.clear()); // n3 got our prepare twice
        assertThat(n1.serving()).isTrue();
        assertThat(out.answers).isEmpty();
        n1.receive("n2", new Ack(b, 1), 30, out);
        assertThat(out.answers).containsExactly(Map.entry("w", KvResult.OK));
    }

    @Test
    void theRetryTimerResendsABatchOnlyToWhoHasNotAcknowledgedIt() {
        KvReplica n1 = servingN1(FIVE, out);
        Ballot b = n1.ballot();
        n1.request("w", write("k", "v"), 10, out);
        n1.receive("n2", new Ack(b, 1), 20, out.clear());
        assertThat(out.answers).as("two of five hold it").isEmpty();

        n1.retry(10 + RETRY, out);
        Replicate again = new Replicate(b, 0, List.of(write("k", "v")));
        assertThat(out.destinations()).containsExactly("n3", "n4", "n5");
        assertThat(out.sent).extracting(Out.Sent::message).containsOnly(again);
        assertThat(out.deadlines).containsExactly(10 + 2 * RETRY);

        n1.receive("n3", new Ack(b, 1), 30, out.clear());
        assertThat(out.answers).containsExactly(Map.entry("w", KvResult.OK));
        n1.retry(10 + 2 * RETRY, out.clear());
        assertThat(out.sent).as("nothing in flight").isEmpty();
        assertThat(out.deadlines).containsExactly(10 + 3 * RETRY);
    }

    @Test
    void aBackupThatAsksForTheStateGetsItFromTheServingLeaderOnly() {
        KvReplica n1 = servingN1(THREE, out);
        Ballot b = n1.ballot();
        n1.request("w", write("k", "v"), 10, out);
        n1.receive("n3", new NeedSync(b), 20, out.clear());
        assertThat(out.onlyTo("n3")).isEqualTo(new Sync(b, 1, Map.of("k", "v")));
        n1.receive("n3", new NeedSync(new Ballot(7, "n3", 1)), 30, out.clear());
        assertThat(out.sent).as("another ballot's backup").isEmpty();

        KvReplica follower = new KvReplica("n2", THREE, 1, RETRY);
        follower.receive("n3", new NeedSync(b), 40, out);
        assertThat(out.sent).isEmpty();
    }

    @Test
    void theQueueAndTheBatchAreBounded() {
        KvReplica n1 = new KvReplica("n1", THREE, 1, RETRY);
        n1.lead(0, out);
        Ballot b = n1.ballot();
        for (int i = 0; i < KvReplica.MAX_QUEUED; i++) {
            n1.request(i, write("k", String.valueOf(i)), 0, out);
        }
        assertThat(out.answers).as("queued while preparing").isEmpty();
        n1.request("one too many", write("k", "x"), 0, out);
        assertThat(out.answers).containsExactly(
                Map.entry("one too many", new KvResult.Unavailable("too many requests queued at the master")));

        n1.receive("n2", new Promise(b, Ballot.ZERO, 0, EMPTY), 0, out.clear());
        List<Replicate> batches = out.sent.stream().map(Out.Sent::message)
                .filter(Replicate.class::isInstance).map(Replicate.class::cast).toList();
        assertThat(batches).hasSize(2); // one batch, to n2 and to n3
        assertThat(batches.get(0).fromVersion()).isZero();
        assertThat(batches.get(0).ops()).hasSize(KvReplica.MAX_BATCH);
        assertThat(n1.version()).isEqualTo(KvReplica.MAX_BATCH);

        n1.receive("n2", new Ack(b, KvReplica.MAX_BATCH), 0, out.clear());
        assertThat(out.answers).hasSize(KvReplica.MAX_BATCH);
        assertThat(out.sent.get(0).message()).as("the next batch, at once")
                .isEqualTo(new Replicate(b, KvReplica.MAX_BATCH, nextOps(KvReplica.MAX_BATCH)));
    }

    /** The writes the test above queued as numbers {@code from ..}, one batch of them. */
    private static List<ReplicatedOp> nextOps(int from) {
        List<ReplicatedOp> ops = new ArrayList<>();
        for (int i = from; i < from + KvReplica.MAX_BATCH; i++) {
            ops.add(write("k", String.valueOf(i)));
        }
        return ops;
    }

    @Test
    void aLeaderThatIsNoLongerMasterAnswersEverythingItHeldAndThenOnlyRefuses() {
        KvReplica n1 = servingN1WithABatchAndAQueue(THREE, out);
        Ballot b = n1.ballot();
        n1.follow(out.clear());
        assertThat(n1.serving()).isFalse();
        assertThat(n1.ballot()).isNull();
        assertThat(out.answers).containsExactly(
                Map.entry("in flight",
                        new KvResult.Indefinite("this server is no longer master before a majority acknowledged it")),
                Map.entry("queued", new KvResult.Unavailable("this server is no longer master")));

        n1.receive("n2", new Ack(b, 2), 20, out.clear());
        n1.retry(10 + RETRY, out);
        n1.request("later", write("k", "3"), 30, out);
        assertThat(out.sent).isEmpty();
        assertThat(out.deadlines).as("a follower has no timer").isEmpty();
        assertThat(out.answers).containsExactly(Map.entry("later", new KvResult.Unavailable("not the master")));
    }

    /**
     * Rule 5 and rule 3 in one run of five: n1 serves b1, is fenced by n3's ballot of round 5 while n2 alone holds
     * its batch, prepares again above that ballot, adopts the state n4 and n5 accepted under it (dropping its own
     * unacknowledged write), and counts only acknowledgements of its new ballot.
     */
    @Test
    void aFencedLeaderComesBackAboveTheFenceAdoptsTheNewerStateAndCountsOnlyNewAcks() {
        KvReplica n1 = servingN1WithABatchAndAQueue(FIVE, out);
        Ballot b1 = n1.ballot();
        n1.receive("n2", new Ack(b1, 1), 40, out.clear());

        Ballot fence = new Ballot(5, "n3", 1);
        n1.receive("n4", new Nack(b1, fence), 50, out);
        assertThat(out.answers).containsExactly(
                Map.entry("in flight",
                        new KvResult.Indefinite("a higher ballot (5,n3,1) leads before a majority acknowledged it")),
                Map.entry("queued", new KvResult.Unavailable("a higher ballot (5,n3,1) leads")));
        assertThat(n1.serving()).isFalse();
        assertThat(n1.promised()).isEqualTo(fence);

        n1.retry(50 + RETRY, out.clear());
        Ballot b2 = new Ballot(6, "n1", 1);
        broadcastToFive(out, new Prepare(b2));
        n1.receive("n4", new Promise(b2, fence, 0, Map.of("x", "n3's")), 60, out.clear());
        n1.receive("n5", new Promise(b2, fence, 0, Map.of("x", "n3's")), 60, out);
        assertThat(n1.serving()).isTrue();
        assertThat(n1.state()).as("the highest accepted ballot wins over n1's own higher version")
                .isEqualTo(Map.of("x", "n3's"));
        assertThat(n1.version()).isZero();
        assertThat(n1.accepted()).isEqualTo(b2);
        broadcastToFive(out, new Sync(b2, 0, Map.of("x", "n3's")));

        n1.request("b", write("j", "3"), 70, out.clear());
        n1.receive("n4", new Ack(b2, 1), 80, out);
        assertThat(out.answers).as("n2's ack of version 1 was for b1: n1 and n4 are two of five").isEmpty();
        n1.retry(70 + RETRY, out.clear());
        assertThat(out.destinations()).containsExactly("n2", "n3", "n5");
        n1.receive("n5", new Ack(b2, 1), 90, out.clear());
        assertThat(out.answers).containsExactly(Map.entry("b", KvResult.OK));
    }

    // -------------------------------------------------------------------------------------------------------------
    // Restart.

    @Test
    void aRestartedMasterAsksUntilAMajorityOfTheOthersAnswersThenTakesTheirBestAndPrepares() {
        KvReplica n1 = new KvReplica("n1", FIVE, 7, RETRY);
        n1.recover(100, out);
        Recover ask = new Recover(Ballot.ZERO, 7);
        broadcastToFive(out, ask);
        assertThat(out.deadlines).containsExactly(100 + RETRY);
        n1.lead(150, out.clear());
        assertThat(out.sent).as("no prepare before it has recovered").isEmpty();

        n1.retry(100 + RETRY, out);
        broadcastToFive(out, ask);
        assertThat(out.deadlines).containsExactly(100 + 2 * RETRY);

        Ballot promisedByN2 = new Ballot(4, "n2", 1);
        Ballot acceptedByN2 = new Ballot(3, "n2", 1);
        n1.receive("n2", new RecoverOk(Ballot.ZERO, 6, promisedByN2, acceptedByN2, 9, Map.of("k", "stale nonce")),
                1_200, out.clear());
        n1.receive("n2", new RecoverOk(Ballot.ZERO, 7, promisedByN2, acceptedByN2, 2, Map.of("k", "2")), 1_200, out);
        n1.receive("n3", new RecoverOk(Ballot.ZERO, 7, new Ballot(2, "n3", 1), new Ballot(2, "n3", 1), 5,
                Map.of("k", "1", "j", "1")), 1_210, out);
        assertThat(n1.recovering()).as("two of the four others").isTrue();
        assertThat(out.recoveredAt).isEmpty();
        n1.receive("n4", new RecoverOk(Ballot.ZERO, 7, Ballot.ZERO, Ballot.ZERO, 0, EMPTY), 1_220, out);

        assertThat(n1.recovering()).isFalse();
        assertThat(out.recoveredAt).containsExactly(2L);
        assertThat(n1.state()).isEqualTo(Map.of("k", "2"));
        assertThat(n1.accepted()).isEqualTo(acceptedByN2);
        assertThat(n1.version()).isEqualTo(2);
        Ballot next = new Ballot(5, "n1", 7);
        assertThat(n1.promised()).as("above the highest promise among the answers").isEqualTo(next);
        broadcastToFive(out, new Prepare(next));
    }

    @Test
    void aRestartedBackupRecoversWithoutPreparing() {
        KvReplica n3 = new KvReplica("n3", THREE, 9, RETRY);
        n3.recover(0, out);
        Ballot b = new Ballot(2, "n1", 1);
        n3.receive("n1", new RecoverOk(Ballot.ZERO, 9, b, b, 1, Map.of("k", "v")), 10, out.clear());
        n3.receive("n2", new RecoverOk(Ballot.ZERO, 9, b, Ballot.ZERO, 0, EMPTY), 10, out);
        assertThat(out.recoveredAt).containsExactly(1L);
        assertThat(out.sent).isEmpty();
        assertThat(n3.promised()).isEqualTo(b);
        assertThat(n3.state()).isEqualTo(Map.of("k", "v"));
        n3.receive("n1", new Replicate(b, 1, List.of(write("k", "w"))), 20, out);
        assertThat(out.onlyTo("n1")).isEqualTo(new Ack(b, 2));
    }
}
