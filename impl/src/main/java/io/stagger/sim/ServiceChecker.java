package io.stagger.sim;

import io.stagger.service.KvResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that the leaders of a {@link ServiceHistory} agree with each other and with the clients: the replicas' side
 * of "no acknowledged write is lost or reordered", which only the simulator sees. Whether the clients' history is
 * linearizable is the shared linearizability checker's question (module checkers, {@code io.stagger.check.linear};
 * the property tests ask it of every run); this checks what that checker cannot see:
 *
 * <ol>
 *   <li><b>Positions.</b> A leader answers a batch at once, in order, at the batch's last version, so consecutive
 *       answers of one leader, ballot and version are one batch and give each operation its position (as in
 *       KvReplicaTest). No position may be claimed by two different operations (an acknowledged operation lost or
 *       reordered by a later leader), no operation by two positions, and two leaders that answered at the same
 *       version must have held the same state there.</li>
 *   <li><b>Leaders and clients.</b> An operation the client saw acknowledged was answered by a leader, with the
 *       same result; one answered unavailable was acknowledged by no leader; a position holds an invoked
 *       operation.</li>
 *   <li><b>Real time.</b> The leaders' order respects the clients' real time: an operation the client saw
 *       completed before another was invoked has the lower position, on any key.</li>
 * </ol>
 */
public final class ServiceChecker {
    private ServiceChecker() {}

    /** The violations of {@code history}, each a sentence; empty if the leaders agree with each other and the clients. */
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
        opAt.forEach((position, id) -> {
            if (!byId.containsKey(id)) {
                violations.add("position " + position + " holds op" + id + ", never invoked");
            }
        });
        realTime(opAt, byId, violations);
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
}
