package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagger.check.CheckResult;
import io.stagger.service.Ballot;
import io.stagger.service.KvOp;
import io.stagger.service.KvResult;
import io.stagger.sim.ClientOperation;
import io.stagger.sim.LeaderAnswer;
import io.stagger.sim.ServiceHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulated service's client histories, written by hand, judged by the shared linearizability checker through
 * {@link ServiceLinearizability}: one per way to lose or reorder a write, and what an indeterminate operation allows.
 * A leader's answer makes its operation complete when the leader answered.
 */
class ServiceLinearizabilityTest {
    private final List<ClientOperation> ops = new ArrayList<>();

    private void op(KvOp op, long invoke, long complete, KvResult result) {
        ops.add(new ClientOperation(ops.size(), "n1", op, invoke, complete, result));
    }

    private void unanswered(KvOp op, long invoke) {
        ops.add(new ClientOperation(ops.size(), "n1", op, invoke, -1, null));
    }

    private final List<LeaderAnswer> answers = new ArrayList<>();

    private CheckResult check() {
        return ServiceLinearizability.check(new ServiceHistory(ops, answers));
    }

    @Test
    void writesReadsAndCasInOrderPass() {
        op(new KvOp.Cas("k", "none", "v0", true), 0, 10, KvResult.OK);
        op(new KvOp.Cas("k", "v0", "v1", false), 5, 20, KvResult.OK);
        op(new KvOp.Read("k"), 15, 30, new KvResult.Value("v1"));
        op(new KvOp.Cas("k", "v0", "v3", false), 25, 40, new KvResult.PreconditionFailed("v1"));
        op(new KvOp.Read("j"), 25, 40, KvResult.NO_SUCH_KEY);
        op(new KvOp.Cas("j", "v0", "v5", false), 41, 42, KvResult.NO_SUCH_KEY);
        assertThat(check().valid()).as(() -> check().toJson().toString()).isTrue();
    }

    @Test
    void aReadOfAnOverwrittenValueIsCaught() {
        op(new KvOp.Write("k", "v0"), 0, 10, KvResult.OK);
        op(new KvOp.Write("k", "v1"), 11, 19, KvResult.OK);
        op(new KvOp.Read("k"), 20, 30, new KvResult.Value("v0"));
        assertThat(check().valid()).isFalse();
        assertThat(check().reason()).contains("key k is not linearizable", "read → \"v0\"");
    }

    @Test
    void aCasThatFoundAValueNoOrderExplainsIsCaught() {
        op(new KvOp.Write("k", "v0"), 0, 10, KvResult.OK);
        op(new KvOp.Write("k", "v1"), 11, 19, KvResult.OK);
        op(new KvOp.Cas("k", "v7", "v2", false), 20, 30, new KvResult.PreconditionFailed("v0"));
        assertThat(check().valid()).isFalse();
        ops.remove(2);
        op(new KvOp.Cas("k", "v7", "v2", false), 20, 30, KvResult.NO_SUCH_KEY);
        assertThat(check().valid()).isFalse();
    }

    @Test
    void anIndeterminateWriteTakesEffectOnceOrNever() {
        op(new KvOp.Write("k", "v0"), 0, 10, KvResult.OK);
        unanswered(new KvOp.Write("k", "v1"), 12);
        op(new KvOp.Read("k"), 20, 30, new KvResult.Value("v1"));
        op(new KvOp.Write("k", "v3"), 40, 50, KvResult.OK);
        op(new KvOp.Read("k"), 35, 39, new KvResult.Value("v1"));
        assertThat(check().valid()).isTrue();

        op(new KvOp.Read("k"), 60, 70, new KvResult.Value("v1"));
        assertThat(check().valid()).isFalse();
        assertThat(check().reason()).contains("read → \"v1\"");
    }

    @Test
    void aValueWrittenOnlyByAnOperationAnsweredUnavailableIsCaught() {
        op(new KvOp.Write("k", "v0"), 0, 0, new KvResult.Unavailable("no master"));
        op(new KvOp.Read("k"), 20, 30, new KvResult.Value("v0"));
        assertThat(check().valid()).isFalse();
        ops.set(0, new ClientOperation(0, "n1", new KvOp.Write("k", "v0"), 0, 5, new KvResult.Indefinite("timeout")));
        assertThat(check().valid()).isTrue();
    }

    @Test
    void aWriteALeaderAcknowledgedIsDoneWhenItAnsweredThoughTheClientNeverHeard() {
        unanswered(new KvOp.Write("k", "v0"), 0);
        op(new KvOp.Read("k"), 20, 30, KvResult.NO_SUCH_KEY);
        assertThat(check().valid()).isTrue();
        answers.add(new LeaderAnswer("n1", new Ballot(1, "n1", 1), 1, 0, KvResult.OK, 10, Map.of("k", "v0")));
        assertThat(check().valid()).isFalse();
    }

    @Test
    void operationsThatMeetAtOneInstantAreConcurrent() {
        op(new KvOp.Write("k", "v0"), 0, 10, KvResult.OK);
        op(new KvOp.Read("k"), 10, 12, KvResult.NO_SUCH_KEY);
        assertThat(check().valid()).isTrue();
        op(new KvOp.Read("k"), 11, 12, KvResult.NO_SUCH_KEY);
        assertThat(check().valid()).isFalse();
    }

    @Test
    void theHistoryIsJepsensForm() {
        op(new KvOp.Cas("k", "v0", "v1", false), 3, 7, KvResult.OK);
        unanswered(new KvOp.Write("k", "v2"), 5);
        op(new KvOp.Cas("k", "v1", "v3", false), 8, 9, new KvResult.PreconditionFailed("v2"));
        List<String> events = ServiceLinearizability.toOps(new ServiceHistory(ops, List.of())).stream()
                .map(o -> o.process() + " " + o.type() + " " + o.f() + " " + o.value() + " " + o.time()).toList();
        assertThat(events).containsExactly(
                "0 INVOKE cas [\"k\",[\"v0\",\"v1\"]] 3000",
                "0 OK cas [\"k\",[\"v0\",\"v1\"]] 7001",
                "1 INVOKE write [\"k\",\"v2\"] 5000",
                "2 INVOKE read [\"k\",null] 8000",
                "2 OK read [\"k\",\"v2\"] 9001");
    }

    @Test
    void aCasThatMayCreateItsKeyExpectingAWrittenValueIsNotARegistersOperation() {
        op(new KvOp.Write("k", "v0"), 0, 10, KvResult.OK);
        op(new KvOp.Cas("k", "v0", "v1", true), 20, 30, KvResult.OK);
        assertThatThrownBy(this::check).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may create its key and expects v0");
    }
}
