package io.stagger.harness.report;

import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The intervals during which a fault was active, read from the nemesis's operations in the history. */
final class FaultBands {
    record Band(double fromSeconds, double toSeconds, String label) {}

    private static final Map<String, String> STOP_OF = Map.of(
            "kill", "restart", "pause", "resume", "start-partition", "stop-partition", "start-loss", "stop-loss",
            "start-clock", "stop-clock", "start-slow", "stop-slow");

    private FaultBands() {}

    static List<Band> of(List<Op> history, double endSeconds) {
        Map<String, Op> open = new HashMap<>();
        List<Band> bands = new ArrayList<>();
        for (Op op : history) {
            if (op.process() != Op.NEMESIS) {
                continue;
            }
            // Faults overlap, two of a kind too (two nodes paused): a stop ends the start of its kind on its node.
            if (STOP_OF.containsKey(op.f())) {
                open.put(STOP_OF.get(op.f()) + " " + node(op), op);
            } else if (open.containsKey(op.f() + " " + node(op))) {
                Op start = open.remove(op.f() + " " + node(op));
                bands.add(new Band(start.time() / 1e9, op.time() / 1e9, label(start)));
            }
        }
        open.values().forEach(start -> bands.add(new Band(start.time() / 1e9, endSeconds, label(start))));
        return bands;
    }

    /** The node a fault on one node names, or "" for the network's faults. */
    private static String node(Op op) {
        return op.value() != null && op.value().isArray() && op.value().path(0).isTextual() ? op.value().get(0).asText()
                : "";
    }

    private static String label(Op start) {
        String f = start.f().replace("start-", "");
        return start.value() != null && start.value().isArray() && !f.equals("partition") ? f + " " + start.value().path(0)
                .asText() : f;
    }
}
