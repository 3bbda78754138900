package io.stagger.sim;

import io.stagger.service.KvOp;
import io.stagger.service.KvResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a {@link ServiceHistory} against a single register per key (read, write, cas), the service's promise that
 * no acknowledged write is lost or reordered. It uses the leaders' own order as the witness of a linearization:
 *
 * <ol>
 *   <li><b>Positions.</b> A leader answers a batch at once, in order, at the batch's last version, so consecutive
 *       answers of one leader, ballot and version are one batch and give each operation its position (as in
 *       KvReplicaTest). No position may be claimed by two different operations, and two leaders that answered at the
 *       same version must have held the same state there.</li>
 *   <li><b>Real time.</b> An operation the client saw completed before another was invoked has the lower position
 *       (an indeterminate one is never complete: it may take effect after its answer).</li>
 *   <li><b>Replay.</b> The positioned operations are replayed in position order on one register per key, and each
 *       outcome must be the register's. Between two positioned operations a gap position may hold an operation that
 *       is indeterminate for the client (answered indefinite, or never): when an outcome shows a value that the
 *       replay does not hold, it must be the value of such an operation (values written are unique, so a value names
 *       its writer), invoked before the outcome was seen, with a free position between the last operation on that key
 *       and this one, and used only once. A value written only by an operation answered unavailable, or overwritten
 *       by a later positioned write, is a violation.</li>
 * </ol>
 *
 * Sound: a correct service's own order passes. Not complete: gap positions are not reserved between keys, and an
 * indeterminate cas placed in a gap does not have its precondition checked.
 */
public final class ServiceChecker {
    private static final String ABSENT = null;

    private ServiceChecker() {}

    /** The violations of {@code history}, each a sentence; empty if it is linearizable by the leaders' order. */
    public static List<String> check(ServiceHistory history) {
        List<String> violations = new ArrayList<>();
        Map<Long, ClientOperation> byId = new HashMap<>();
        for (ClientOperation op : history.operations()) {
            byId.put(op.id(), op);
        }
        Map<Long, Long> positionOf = new HashMap<>();
        Map<Long, KvResult> leaderResult = new HashMap<>();
        TreeMap<Long, Long> opAt = positions(history.answers(), positionOf, leaderResult, violations);

        for (ClientOperation op : history.operations()) {
            if (op.failed() && positionOf.containsKey(op.id())) {
                violations.add(op + " was answered unavailable but a leader acknowledged it at position "
                        + positionOf.get(op.id()));
            }
            if (op.acknowledged() && !positionOf.containsKey(op.id())) {
                violations.add(op + " was acknowledged to the client but no leader answered it");
            }
            if (op.acknowledged() && positionOf.containsKey(op.id()) && !op.result().equals(leaderResult.get(op.id()))) {
                violations.add(op + " reached the client with another result than the leader's "
                        + leaderResult.get(op.id()));
            }
        }
        realTime(opAt, byId, violations);
        replay(history, opAt, positionOf, leaderResult, byId, violations);
        return violations;
    }

    /** Position → operation id from the leaders' answers; checks that no position and no version is claimed twice. */
    private static TreeMap<Long, Long> positions(List<LeaderAnswer> answers, Map<Long, Long> positionOf,
                                                 Map<Long, KvResult> leaderResult, List<String> violations) {
        TreeMap<Long, Long> opAt = new TreeMap<>();
        Map<Long, Map<String, Object>> stateAt = new HashMap<>();
        Map<Long, LeaderAnswer> stateBy = new HashMap<>();
        int i = 0;
        while (i < answers.size()) {
            LeaderAnswer first = answers.get(i);
            int j = i;
            while (j < answers.size() && answers.get(j).leader().equals(first.leader())
                    && answers.get(j).ballot().equals(first.ballot()) && answers.get(j).version() == first.version()) {
                j++;
            }
            long position = first.version() - (j - i) + 1;
            for (int k = i; k < j; k++, position++) {
                LeaderAnswer answer = answers.get(k);
                Long earlier = opAt.putIfAbsent(position, answer.opId());
                if (earlier != null && earlier != answer.opId()) {
                    violations.add("position " + position + " acknowledged as op" + earlier + " and as op"
                            + answer.opId() + " (by " + answer.leader() + " under ballot " + answer.ballot() + " at "
                            + answer.atMicros() + "us): an acknowledged operation was lost or reordered");
                }
                Long before = positionOf.putIfAbsent(answer.opId(), position);
                if (before != null && before != position) {
                    violations.add("op" + answer.opId() + " acknowledged at positions " + before + " and " + position);
                }
                leaderResult.putIfAbsent(answer.opId(), answer.result());
            }
            Map<String, Object> earlierState = stateAt.putIfAbsent(first.version(), first.state());
            if (earlierState != null && !earlierState.equals(first.state())) {
                LeaderAnswer other = stateBy.get(first.version());
                violations.add("version " + first.version() + " acknowledged with state " + earlierState + " by "
                        + other.leader() + " under " + other.ballot() + " and with " + first.state() + " by "
                        + first.leader() + " under " + first.ballot());
            }
            stateBy.putIfAbsent(first.version(), first);
            i = j;
        }
        return opAt;
    }

    /** An operation completed before another was invoked must come first. */
    private static void realTime(TreeMap<Long, Long> opAt, Map<Long, ClientOperation> byId, List<String> violations) {
        List<ClientOperation> inOrder = new ArrayList<>();
        opAt.values().forEach(id -> inOrder.add(byId.get(id)));
        ClientOperation laterEarliestDone = null; // among the operations at higher positions, the first to complete
        for (int k = inOrder.size() - 1; k >= 0; k--) {
            ClientOperation op = inOrder.get(k);
            if (op == null) {
                continue;
            }
            if (laterEarliestDone != null && laterEarliestDone.completeOrNever() < op.invokeMicros()) {
                violations.add(laterEarliestDone + " completed before " + op + " was invoked, yet comes after it");
            }
            if (laterEarliestDone == null || op.completeOrNever() < laterEarliestDone.completeOrNever()) {
                laterEarliestDone = op;
            }
        }
    }

    private static void replay(ServiceHistory history, TreeMap<Long, Long> opAt, Map<Long, Long> positionOf,
                               Map<Long, KvResult> leaderResult, Map<Long, ClientOperation> byId,
                               List<String> violations) {
        // Who wrote each value (values are unique), and which writers may have happened unseen.
        Map<String, ClientOperation> writerOf = new HashMap<>();
        for (ClientOperation op : history.operations()) {
            String written = writtenValue(op.op());
            if (written != null) {
                writerOf.put(op.op().key() + "=" + written, op);
            }
        }
        Long[] positions = opAt.keySet().toArray(new Long[0]);
        // For the real-time lower bound of an unseen writer: positioned operations by completion, and the highest
        // position among those completed up to each.
        List<ClientOperation> byCompletion = new ArrayList<>();
        opAt.values().forEach(id -> {
            if (byId.containsKey(id) && !byId.get(id).indeterminate()) {
                byCompletion.add(byId.get(id));
            }
        });
        byCompletion.sort(Comparator.comparingLong(ClientOperation::completeMicros));
        long[] completedAt = new long[byCompletion.size()];
        long[] highestPositionSoFar = new long[byCompletion.size()];
        for (int k = 0; k < byCompletion.size(); k++) {
            completedAt[k] = byCompletion.get(k).completeMicros();
            long position = positionOf.get(byCompletion.get(k).id());
            highestPositionSoFar[k] = Math.max(position, k == 0 ? 0 : highestPositionSoFar[k - 1]);
        }
        Map<String, String> current = new HashMap<>();
        Map<String, Long> lastPositionOnKey = new HashMap<>();
        Set<Long> usedUnseen = new HashSet<>();
        for (int index = 0; index < positions.length; index++) {
            long position = positions[index];
            ClientOperation op = byId.get(opAt.get(position));
            if (op == null) {
                violations.add("position " + position + " holds op" + opAt.get(position) + ", never invoked");
                continue;
            }
            String key = op.op().key();
            KvResult result = leaderResult.get(op.id());
            long lastOnKey = lastPositionOnKey.getOrDefault(key, 0L);
            String cur = current.get(key);
            KvResult expected = applyTo(op.op(), cur);
            if (!expected.equals(result)) {
                String seen = observedValue(op.op(), result, cur);
                ClientOperation writer = seen == null ? null : writerOf.get(key + "=" + seen);
                long after = writer == null ? lastOnKey
                        : Math.max(lastOnKey, highestCompletedBefore(writer.invokeMicros(), completedAt, highestPositionSoFar));
                String why = explain(writer, op, after, position, index, positions, usedUnseen, positionOf);
                if (why != null) {
                    violations.add(op + " at position " + position + " gave " + result + " where the acknowledged"
                            + " operations before it give " + expected + " (" + key + " = " + cur + "): " + why);
                } else {
                    usedUnseen.add(writer.id());
                    cur = seen;
                    expected = applyTo(op.op(), cur);
                    if (!expected.equals(result)) {
                        violations.add(op + " at position " + position + " gave " + result + ", not " + expected
                                + " for " + key + " = " + cur);
                    }
                }
            }
            Map<String, Object> one = new HashMap<>();
            if (cur != null) {
                one.put(key, cur);
            }
            op.op().applyTo(one);
            current.put(key, (String) one.get(key));
            lastPositionOnKey.put(key, position);
        }
    }

    /** The highest position among the positioned operations that completed before {@code micros}, or 0. */
    private static long highestCompletedBefore(long micros, long[] completedAt, long[] highestPositionSoFar) {
        int low = 0;
        int high = completedAt.length; // first index completed at or after micros
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (completedAt[mid] < micros) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low == 0 ? 0 : highestPositionSoFar[low - 1];
    }

    /**
     * Why {@code writer} cannot have written the value that {@code op} saw, or {@code null} if it can: an operation
     * indeterminate to its client, invoked before {@code op} completed, used once, with a free position after
     * {@code lastOnKey} (the last operation on the key, or one that completed before the writer was invoked).
     */
    private static String explain(ClientOperation writer, ClientOperation op, long lastOnKey, long position, int index,
                                  Long[] positions, Set<Long> usedUnseen, Map<Long, Long> positionOf) {
        if (writer == null) {
            return "no operation wrote that value";
        }
        if (positionOf.containsKey(writer.id())) {
            return "its writer " + writer + " is acknowledged at position " + positionOf.get(writer.id());
        }
        if (writer.failed()) {
            return "its writer " + writer + " was answered unavailable, so it must not have happened";
        }
        if (usedUnseen.contains(writer.id())) {
            return "its writer " + writer + " was already overwritten";
        }
        if (writer.invokeMicros() > op.completeOrNever()) {
            return "its writer " + writer + " was invoked after it completed";
        }
        // Positions strictly between lastOnKey and position that no acknowledged operation holds.
        int first = index;
        while (first > 0 && positions[first - 1] > lastOnKey) {
            first--;
        }
        long taken = index - first;
        if (position - lastOnKey - 1 - taken <= 0) {
            return "no free position between " + lastOnKey + " and " + position + " for its writer " + writer;
        }
        return null;
    }

    /** The value an operation's outcome shows the register held before it, or {@code null} if it shows absence. */
    private static String observedValue(KvOp op, KvResult result, String cur) {
        if (result instanceof KvResult.Value value) {
            return value.value();
        }
        if (result instanceof KvResult.PreconditionFailed failed) {
            return failed.current();
        }
        if (op instanceof KvOp.Cas cas && result instanceof KvResult.Ok) {
            return cas.from();
        }
        return ABSENT;
    }

    private static String writtenValue(KvOp op) {
        if (op instanceof KvOp.Write write) {
            return write.value();
        }
        if (op instanceof KvOp.Cas cas) {
            return cas.to();
        }
        return null;
    }

    private static KvResult applyTo(KvOp op, String cur) {
        Map<String, Object> one = new HashMap<>();
        if (cur != ABSENT) {
            one.put(op.key(), cur);
        }
        return op.applyTo(one);
    }
}
