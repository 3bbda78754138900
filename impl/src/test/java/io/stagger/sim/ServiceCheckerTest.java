package io.stagger.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.service.Ballot;
import io.stagger.service.KvOp;
import io.stagger.service.KvResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The leaders' checker on small histories written by hand: one per way the leaders can disagree with each other or
 * with the clients. Whether the results are linearizable is the shared checker's (property-tests'
 * ServiceLinearizabilityTest): a history whose values no order explains passes here.
 */
class ServiceCheckerTest {
    private static final Ballot B1 = new Ballot(1, "n1", 1);
    private static final Ballot B2 = new Ballot(2, "n2", 1);

    private final List<ClientOperation> ops = new ArrayList<>();
    private final List<LeaderAnswer> answers = new ArrayList<>();

    /** An operation the client saw answered with {@code result}, acknowledged by {@code leader} at {@code position}. */
    private void acked(KvOp op, long invoke, long complete, KvResult result, Ballot ballot, long position) {
        long id = ops.size();
        ops.add(new ClientOperation(id, "n1", op, invoke, complete, result));
        answers.add(new LeaderAnswer(ballot.id(), ballot, position, id, result, complete, Map.of()));
    }


    private List<String> check() {
        return ServiceChecker.check(new ServiceHistory(ops, answers));
    }

    @Test
    void writesReadsAndCasInTheLeadersOrderPass() {
        acked(new KvOp.Write("k", "v0"), 0, 10, KvResult.OK, B1, 1);
        acked(new KvOp.Cas("k", "v0", "v1", false), 5, 20, KvResult.OK, B1, 2);
        acked(new KvOp.Read("k"), 15, 30, new KvResult.Value("v1"), B2, 3);
        acked(new KvOp.Cas("k", "v0", "v3", false), 25, 40, new KvResult.PreconditionFailed("v1"), B2, 4);
        acked(new KvOp.Read("j"), 25, 40, KvResult.NO_SUCH_KEY, B2, 5);
        assertThat(check()).isEmpty();
    }

    @Test
    void aPositionClaimedByTwoLeadersIsALostWrite() {
        acked(new KvOp.Write("k", "v0"), 0, 10, KvResult.OK, B1, 1);
        acked(new KvOp.Read("k"), 20, 30, KvResult.NO_SUCH_KEY, B2, 1);
        assertThat(check()).anyMatch(v -> v.contains("position 1 acknowledged as op0 and as op1"));
    }

    @Test
    void aClientSeesTheLeadersResultOrNothing() {
        acked(new KvOp.Write("k", "v0"), 0, 10, KvResult.OK, B1, 1);
        ops.set(0, new ClientOperation(0, "n2", ops.get(0).op(), 0, 10, new KvResult.Unavailable("no master")));
        assertThat(check()).singleElement().asString().contains("answered unavailable but a leader acknowledged it");

        ops.set(0, new ClientOperation(0, "n2", ops.get(0).op(), 0, 10, new KvResult.PreconditionFailed("v9")));
        assertThat(check()).singleElement().asString().contains("another result than the leader's");

        ops.add(new ClientOperation(1, "n2", new KvOp.Read("k"), 20, 30, new KvResult.Value("v0")));
        assertThat(check()).anyMatch(v -> v.contains("op1") && v.contains("no leader answered it"));
    }

    @Test
    void valuesAreNotThisCheckersQuestion() {
        acked(new KvOp.Write("k", "v0"), 0, 10, KvResult.OK, B1, 1);
        acked(new KvOp.Read("k"), 20, 30, new KvResult.Value("v7"), B1, 2);
        assertThat(check()).isEmpty();
    }

    @Test
    void anOperationCompletedBeforeAnotherBeganComesFirst() {
        acked(new KvOp.Write("k", "v0"), 0, 10, KvResult.OK, B1, 2);
        acked(new KvOp.Write("j", "v1"), 20, 30, KvResult.OK, B2, 1);
        assertThat(check()).singleElement().asString().contains("completed before");
    }

    /** Error 0 from a server whose master changed: its forward may still reach the old master, which serves it. */
    @Test
    void anOperationAnsweredWithError0MayTakeEffectAfterItsAnswer() {
        long id = ops.size();
        ops.add(new ClientOperation(id, "n2", new KvOp.Write("k", "v0"), 0, 10,
                new KvResult.Indefinite("forwarded to n1, which is no longer the master here")));
        answers.add(new LeaderAnswer("n1", B1, 2, id, KvResult.OK, 40, Map.of()));
        acked(new KvOp.Write("j", "v1"), 20, 30, KvResult.OK, B1, 1);
        assertThat(check()).isEmpty();
    }

    @Test
    void aBatchGetsConsecutivePositionsEndingAtTheLeadersVersion() {
        long id = 0;
        for (String value : List.of("v0", "v1", "v2")) {
            ops.add(new ClientOperation(id, "n1", new KvOp.Write("k", value), 0, 10, KvResult.OK));
            answers.add(new LeaderAnswer("n1", B1, 3, id++, KvResult.OK, 10, Map.of("k", "v2")));
        }
        acked(new KvOp.Read("k"), 20, 30, new KvResult.Value("v2"), B1, 4);
        assertThat(check()).isEmpty();
    }
}
