package io.stagger.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Process-order and real-time edges. Process: each committed transaction precedes the next transaction of its
 * process. Real time: T1 precedes T2 if T1 committed before T2 was invoked; only a transitive reduction is kept
 * (Elle's sweep: a completion retires from the frontier of latest completions everything that preceded its own
 * invocation), so the edges stay near-linear in the history. Indeterminate transactions complete never: they follow
 * what precedes them and precede nothing. Pairs on one process get a process edge, not a real-time one.
 */
final class OrderEdges {
    private OrderEdges() {}

    static void process(List<Txn> txns, DependencyGraph graph) {
        Map<Integer, Txn> lastCommitted = new HashMap<>();
        for (Txn txn : txns) {
            if (!txn.mayHaveCommitted()) {
                continue;
            }
            Txn previous = lastCommitted.get(txn.process());
            if (previous != null) {
                graph.addOrder(previous.id(), txn.id(), EdgeType.PROCESS);
            }
            if (txn.ok()) {
                lastCommitted.put(txn.process(), txn);
            }
        }
    }

    static void realtime(List<Txn> txns, DependencyGraph graph) {
        // An event is (time, kind, id) packed for one sort: at a tie, the invocation sorts first (no edge).
        List<long[]> timed = new ArrayList<>(txns.size() * 2);
        for (Txn txn : txns) {
            if (!txn.mayHaveCommitted()) {
                continue;
            }
            timed.add(new long[] {txn.invokeNanos(), 0, txn.id()});
            if (txn.ok()) {
                timed.add(new long[] {txn.completeNanos(), 1, txn.id()});
            }
        }
        timed.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int[] frontier = new int[16];
        int frontierSize = 0;
        int[][] predecessors = new int[txns.size()][];
        for (long[] event : timed) {
            int id = (int) event[2];
            Txn txn = txns.get(id);
            if (event[1] == 0) {
                predecessors[id] = Arrays.copyOf(frontier, frontierSize);
                for (int i = 0; i < frontierSize; i++) {
                    if (txns.get(frontier[i]).process() != txn.process()) {
                        graph.addOrder(frontier[i], id, EdgeType.REALTIME);
                    }
                }
            } else {
                int kept = 0;
                int[] retired = predecessors[id];
                for (int i = 0; i < frontierSize; i++) {
                    if (!contains(retired, frontier[i])) {
                        frontier[kept++] = frontier[i];
                    }
                }
                frontierSize = kept;
                if (frontierSize == frontier.length) {
                    frontier = Arrays.copyOf(frontier, frontier.length * 2);
                }
                frontier[frontierSize++] = id;
                predecessors[id] = null;
            }
        }
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
