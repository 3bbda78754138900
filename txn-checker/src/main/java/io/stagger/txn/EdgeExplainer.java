package io.stagger.txn;

import java.util.List;

/** One sentence per edge of a cycle, naming its transactions, key and values. */
final class EdgeExplainer {
    private final DependencyGraph graph;
    private final List<Txn> txns;
    private final boolean lists;

    EdgeExplainer(DependencyGraph graph, List<Txn> txns, Workload workload) {
        this.graph = graph;
        this.txns = txns;
        this.lists = workload == Workload.LIST_APPEND;
    }

    String explain(int edge) {
        Txn from = txns.get(graph.from(edge));
        Txn to = txns.get(graph.to(edge));
        long key = graph.key(edge);
        long before = graph.before(edge);
        long after = graph.after(edge);
        String a = from.name();
        String b = to.name();
        return switch (graph.type(edge)) {
            case WW -> lists
                    ? a + " appended " + before + " to key " + key + ", and " + b + " appended " + after + " right after it"
                    : a + " wrote key " + key + " = " + before + ", and " + b + " wrote " + after + ", the next version";
            case WR -> lists
                    ? a + " appended " + before + " to key " + key + ", which " + b + " read (its read ends in " + before + ")"
                    : a + " wrote key " + key + " = " + before + ", which " + b + " read";
            case RW -> {
                String read = graph.beforeInitial(edge)
                        ? (lists ? " = [] (empty)" : " = nil")
                        : (lists ? " ending in " + before : " = " + before);
                yield a + " read key " + key + read + ", and " + b + (lists ? " appended " : " wrote ") + after
                        + ", the next version, which " + a + " did not see";
            }
            case PROCESS -> a + " completed on process " + from.process() + " before " + b + " began on it";
            case REALTIME -> a + " completed (at " + millis(from.completeNanos()) + ") before " + b + " began (at "
                    + millis(to.invokeNanos()) + ")";
        };
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
