package io.stagger.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.List;

/** An election history written by hand for the election checker's tests: master requests, nemesis events. */
final class ElectionHistory {
    static final List<String> NODES = List.of("n1", "n2", "n3");
    private final List<Op> history = new ArrayList<>();

    /** A master request of node answered at millis (invoked 1 ns before) with its master and role. */
    ElectionHistory answer(long millis, String node, String master, String role, boolean isFinal) {
        JsonNode view = Json.object().put("master", master).put("role", role);
        invoke(millis * 1_000_000 - 1, node, isFinal);
        history.add(new Op(history.size(), NODES.indexOf(node), Op.Type.OK, "master", view, millis * 1_000_000, node,
                null, isFinal));
        return this;
    }

    /** A master request of node answered at millis with its view and the counters it reports since its start. */
    ElectionHistory counted(long millis, String node, String master, String role, int elections, int revocations) {
        JsonNode view = Json.object().put("master", master).put("role", role).put("elections", elections)
                .put("revocations", revocations);
        invoke(millis * 1_000_000 - 1, node, false);
        history.add(new Op(history.size(), NODES.indexOf(node), Op.Type.OK, "master", view, millis * 1_000_000, node,
                null, false));
        return this;
    }

    /** A master request of node invoked at fromMillis that got no answer: it timed out (info) at toMillis. */
    ElectionHistory timedOut(long fromMillis, long toMillis, String node, boolean isFinal) {
        invoke(fromMillis * 1_000_000, node, isFinal);
        history.add(new Op(history.size(), NODES.indexOf(node), Op.Type.INFO, "master", NullNode.instance,
                toMillis * 1_000_000, node, "timeout", isFinal));
        return this;
    }

    private void invoke(long nanos, String node, boolean isFinal) {
        history.add(new Op(history.size(), NODES.indexOf(node), Op.Type.INVOKE, "master", NullNode.instance, nanos, node,
                null, isFinal));
    }

    ElectionHistory nemesis(long millis, String f, String node) {
        history.add(new Op(history.size(), Op.NEMESIS, Op.Type.INFO, f, Json.MAPPER.createArrayNode().add(node),
                millis * 1_000_000, null, null, false));
        return this;
    }

    /** Every one of nodes answers at millis: master names itself MASTER, the others are its BACKUPs. */
    ElectionHistory allAgreeOn(long millis, String master, List<String> nodes) {
        for (String node : nodes) {
            answer(millis, node, master, node.equals(master) ? "MASTER" : "BACKUP", false);
        }
        return this;
    }

    /** The final phase: every node answers at millis that master is the master. */
    ElectionHistory finallyAgreeOn(long millis, String master) {
        for (String node : NODES) {
            answer(millis, node, master, node.equals(master) ? "MASTER" : "BACKUP", true);
        }
        return this;
    }

    /** Round `round` of the final probes: each node answers at millis with the view given for it ("master ROLE"). */
    ElectionHistory finalRound(int round, long millis, String... views) {
        for (int i = 0; i < views.length; i++) {
            String node = NODES.get(i);
            String[] masterAndRole = views[i].split(" ");
            JsonNode probe = Json.object().put("round", round);
            JsonNode view = Json.object().put("master", masterAndRole[0].equals("null") ? null : masterAndRole[0])
                    .put("role", masterAndRole[1]);
            history.add(new Op(history.size(), i, Op.Type.INVOKE, "master", probe, millis * 1_000_000 - 1, node, null, true));
            history.add(new Op(history.size(), i, Op.Type.OK, "master", view, millis * 1_000_000, node, null, true));
        }
        return this;
    }

    /** The name server's record that master registered at millis. */
    ElectionHistory registered(long millis, String master) {
        history.add(new Op(history.size(), Op.NEMESIS, Op.Type.INFO, "name-server",
                Json.object().put("master", master), millis * 1_000_000, null, null, false));
        return this;
    }

    /** Marks every client operation from millis on (invocations 1 ns before included) as the final phase's. */
    ElectionHistory finalFrom(long millis) {
        history.replaceAll(op -> op.time() >= millis * 1_000_000 - 1 ? withFinal(op) : op);
        return this;
    }

    /** The checker's verdict with a bound on the time with two MASTERs (negative: unbounded). */
    CheckResult check(double maxDualMillis) {
        return new ElectionChecker(new CheckContext(history, NODES, maxDualMillis)).check();
    }

    private static Op withFinal(Op op) {
        return new Op(op.index(), op.process(), op.type(), op.f(), op.value(), op.time(), op.node(), op.error(),
                op.process() != Op.NEMESIS);
    }
}
