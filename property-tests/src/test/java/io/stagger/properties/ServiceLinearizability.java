package io.stagger.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.stagger.check.CheckContext;
import io.stagger.check.CheckResult;
import io.stagger.check.LinKvChecker;
import io.stagger.history.Op;
import io.stagger.service.KvOp;
import io.stagger.service.KvResult;
import io.stagger.sim.ClientOperation;
import io.stagger.sim.LeaderAnswer;
import io.stagger.sim.ServiceHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated service's client history checked by the shared linearizability checker (module checkers,
 * {@link LinKvChecker}: Maelstrom's lin-kv model, a register per key, Lowe's WGL search), the same checker the harness
 * runs on a real node's history. This class is only the adapter at the history boundary: a {@link ServiceHistory}
 * becomes the checker's Jepsen-style history.
 *
 * <ul>
 *   <li>Each client operation is its own process (the simulated clients are an open loop): an invocation and, if
 *       the client got an answer, a completion. Times are microseconds as nanoseconds, a completion one nanosecond
 *       after an invocation of the same microsecond: operations that meet at one instant are concurrent.</li>
 *   <li>Values are {@code [key, value]}. Read: a value is ok {@code [k, v]}, no such key is ok {@code [k, null]}
 *       (null is the register's initial value). Write: ok. Cas: ok {@code [k, [from, to]]}; a cas that found another
 *       value (precondition failed, or no such key) had no effect and saw that value at one instant, so it is the
 *       read of it that it is. A cas that may create its key ({@code createIfNotExists}) is a cas from null, which
 *       is exact while no operation writes its {@code from} (checked).</li>
 *   <li>Unavailable is fail (certainly not done); indefinite, or no answer, is info (may or may not have
 *       happened).</li>
 *   <li>An operation a leader answered completes when the first leader answered it, with that leader's result:
 *       the service claims it done by then (a leader answers after the majority acknowledged), whether or not the
 *       answer reached the client. This is the service's own claim, stricter than the client's view (a client that
 *       lost the answer in a crash saw nothing), so a write a leader acknowledged and a later leader lost is caught
 *       even when no client saw the acknowledgement; and it keeps the search short: the completions come in the
 *       leaders' order (a batch's answers a nanosecond apart in the leader's order), which the search tries first.
 *       That the leader's result is the one the client got is ServiceChecker's to check.</li>
 * </ul>
 */
final class ServiceLinearizability {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Nanoseconds apart within a microsecond: the answers of a batch beyond the 998th share the last. */
    private static final int MAX_IN_BATCH = 998;

    private ServiceLinearizability() {}

    /** The shared checker's verdict on the history's client operations. */
    static CheckResult check(ServiceHistory history) {
        return new LinKvChecker().check(new CheckContext(toOps(history), List.of(), -1));
    }

    /** The history as the checker reads it. */
    static List<Op> toOps(ServiceHistory history) {
        Set<String> written = new HashSet<>();
        for (ClientOperation op : history.operations()) {
            if (op.op() instanceof KvOp.Write write) {
                written.add(write.key() + "=" + write.value());
            } else if (op.op() instanceof KvOp.Cas cas) {
                written.add(cas.key() + "=" + cas.to());
            }
        }
        Map<Long, Answered> firstAnswer = firstAnswers(history.answers());
        List<Op> ops = new ArrayList<>(2 * history.operations().size());
        for (ClientOperation client : history.operations()) {
            Answered answer = firstAnswer.get(client.id());
            ClientOperation op = answer == null ? client : new ClientOperation(client.id(), client.origin(),
                    client.op(), client.invokeMicros(), answer.at().atMicros(), answer.at().result());
            int process = Math.toIntExact(op.id());
            boolean readOnly = op.op() instanceof KvOp.Read || sawAnotherValue(op.result());
            String f = readOnly ? "read" : op.op() instanceof KvOp.Write ? "write" : "cas";
            JsonNode invoked = readOnly ? pair(op.op().key(), NullNode.instance) : invokeValue(op.op(), written);
            ops.add(new Op(ops.size(), process, Op.Type.INVOKE, f, invoked, op.invokeMicros() * 1_000, op.origin(),
                    null, false));
            if (op.result() == null) {
                continue;
            }
            long completed = op.completeMicros() * 1_000 + 1 + (answer == null ? 0 : answer.inBatch());
            Completion c = completion(op, invoked);
            ops.add(new Op(ops.size(), process, c.type(), f, c.value(), completed, op.origin(), c.error(), false));
        }
        return ops;
    }

    /** The first leader answer of an operation, and its place in that leader's batch. */
    private record Answered(LeaderAnswer at, int inBatch) {}

    /**
     * Each operation's first leader answer. A leader answers a batch at once, in the order it applied it: the
     * answers of one batch (consecutive, one leader, ballot and version) complete that many nanoseconds apart, in that
     * order, within their microsecond, so that the search tries the leader's order first.
     */
    private static Map<Long, Answered> firstAnswers(List<LeaderAnswer> answers) {
        Map<Long, Answered> first = new HashMap<>();
        int inBatch = 0;
        for (int i = 0; i < answers.size(); i++) {
            LeaderAnswer answer = answers.get(i);
            LeaderAnswer previous = i == 0 ? null : answers.get(i - 1);
            boolean sameBatch = previous != null && previous.leader().equals(answer.leader())
                    && previous.ballot().equals(answer.ballot()) && previous.version() == answer.version()
                    && previous.atMicros() == answer.atMicros();
            inBatch = sameBatch ? Math.min(inBatch + 1, MAX_IN_BATCH) : 0;
            Answered answered = new Answered(answer, inBatch);
            first.merge(answer.opId(), answered, (x, y) -> x.at().atMicros() <= y.at().atMicros() ? x : y);
        }
        return first;
    }

    /** A cas that found another value, or no key: it had no effect and saw that value at one instant, a read. */
    private static boolean sawAnotherValue(KvResult result) {
        return result instanceof KvResult.PreconditionFailed || result instanceof KvResult.NoSuchKey;
    }

    private record Completion(Op.Type type, JsonNode value, String error) {}

    private static Completion completion(ClientOperation op, JsonNode invoked) {
        KvResult result = op.result();
        String key = op.op().key();
        if (result instanceof KvResult.Unavailable unavailable) {
            return new Completion(Op.Type.FAIL, invoked, unavailable.why());
        }
        if (result instanceof KvResult.Indefinite indefinite) {
            return new Completion(Op.Type.INFO, invoked, indefinite.why());
        }
        if (result instanceof KvResult.Value value) {
            return new Completion(Op.Type.OK, pair(key, JSON.textNode(value.value())), null);
        }
        if (result instanceof KvResult.NoSuchKey) {
            return new Completion(Op.Type.OK, pair(key, NullNode.instance), null);
        }
        if (result instanceof KvResult.PreconditionFailed failed) {
            return new Completion(Op.Type.OK, pair(key, JSON.textNode(failed.current())), null);
        }
        if (result instanceof KvResult.Ok) {
            return new Completion(Op.Type.OK, invoked, null);
        }
        throw new IllegalArgumentException(op + ": " + result + " is not a register's outcome");
    }

    private static JsonNode invokeValue(KvOp op, Set<String> written) {
        if (op instanceof KvOp.Write write) {
            return pair(write.key(), JSON.textNode(write.value()));
        }
        KvOp.Cas cas = (KvOp.Cas) op;
        if (cas.createIfNotExists() && written.contains(cas.key() + "=" + cas.from())) {
            throw new IllegalArgumentException(op + " may create its key and expects " + cas.from()
                    + ", a value written too: no single register operation says that");
        }
        JsonNode from = cas.createIfNotExists() ? NullNode.instance : JSON.textNode(cas.from());
        return pair(cas.key(), JSON.arrayNode().add(from).add(cas.to()));
    }

    private static JsonNode pair(String key, JsonNode value) {
        return JSON.arrayNode().add(key).add(value);
    }
}
