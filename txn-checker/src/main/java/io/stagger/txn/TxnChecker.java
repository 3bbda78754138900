package io.stagger.txn;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a transactional history as Elle does: builds the dependency graph of committed (and possibly committed)
 * transactions, with process and real-time order edges, finds its strongly connected components, and in each the
 * shortest cycle of each class it can find, searching the weakest first: ww edges only (G0), ww and wr (G1c), one rw
 * edge (G-single), rw edges never adjacent (G-nonadjacent), any (G2-item); then cycles that need a process edge
 * (-process) or a real-time edge (-realtime). The non-cycle anomalies come from the workload's analysis.
 */
public final class TxnChecker {
    /** After the first cycle of a component, this many more candidate edges are tried for a shorter one. */
    static final int EXTRA_CANDIDATES = 8;

    private static final int WW = EdgeType.WW.bit();
    private static final int WR = EdgeType.WR.bit();
    private static final int RW = EdgeType.RW.bit();
    private static final int PROCESS = EdgeType.PROCESS.bit();
    private static final int REALTIME = EdgeType.REALTIME.bit();

    private final TxnHistory history;
    private final List<Txn> txns;
    private final DependencyGraph graph;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<AnomalyType> undecided = EnumSet.noneOf(AnomalyType.class);
    private CycleSearch search;
    private EdgeExplainer explainer;

    private TxnChecker(TxnHistory history) {
        this.history = history;
        this.txns = history.txns();
        this.graph = new DependencyGraph(txns.size());
    }

    public static CheckResult check(TxnHistory history, Set<ConsistencyModel> models) {
        return new TxnChecker(history).run(models);
    }

    private CheckResult run(Set<ConsistencyModel> models) {
        Analysis.of(history.workload(), txns, graph, anomalies).run();
        OrderEdges.process(txns, graph);
        OrderEdges.realtime(txns, graph);
        graph.freeze();
        search = new CycleSearch(graph);
        explainer = new EdgeExplainer(graph, txns, history.workload());
        dataCycles();
        orderCycles(WW | WR | RW | PROCESS, PROCESS);
        orderCycles(WW | WR | RW | PROCESS | REALTIME, REALTIME);
        Map<EdgeType, Integer> edgeCounts = new EnumMap<>(EdgeType.class);
        for (EdgeType type : EdgeType.values()) {
            edgeCounts.put(type, graph.edges(type));
        }
        int committed = 0;
        int aborted = 0;
        for (Txn txn : txns) {
            committed += txn.ok() ? 1 : 0;
            aborted += txn.status() == TxnStatus.FAIL ? 1 : 0;
        }
        return new CheckResult(history.workload(), models, committed, aborted, txns.size() - committed - aborted,
                edgeCounts, anomalies, undecided);
    }

    /** G0, G1c, G-single, G-nonadjacent and G2-item, from the data edges alone. */
    private void dataCycles() {
        Components ww = Components.of(graph, WW);
        int[][] wwEdges = ww.edgesInside(graph, WW);
        for (int c = 0; c < ww.count; c++) {
            report(shortest(wwEdges[c], ww, c, WW, false), 0);
        }
        Components dependencies = Components.of(graph, WW | WR);
        int[][] wrEdges = dependencies.edgesInside(graph, WR);
        for (int c = 0; c < dependencies.count; c++) {
            report(shortest(wrEdges[c], dependencies, c, WW | WR, false), 0);
        }
        Components data = Components.of(graph, WW | WR | RW);
        int[][] rwEdges = data.edgesInside(graph, RW);
        for (int c = 0; c < data.count; c++) {
            if (rwEdges[c].length == 0) {
                continue;
            }
            int[] single = shortest(rwEdges[c], data, c, WW | WR, false);
            if (single != null) {
                report(single, 0);
                continue;
            }
            boolean singleUndecided = search.exhausted();
            int[] nonadjacent = shortest(rwEdges[c], data, c, WW | WR | RW, true);
            boolean nonadjacentUndecided = nonadjacent == null && search.exhausted();
            report(nonadjacent != null ? nonadjacent : shortest(rwEdges[c], data, c, WW | WR | RW, false), 0);
            if (singleUndecided) {
                undecided.add(AnomalyType.G_SINGLE);
            }
            if (nonadjacentUndecided) {
                undecided.add(AnomalyType.G_NONADJACENT);
            }
        }
    }

    /** Cycles that need an edge of {@code order} (process or realtime), among the edges of {@code mask}. */
    private void orderCycles(int mask, int order) {
        Components components = Components.of(graph, mask);
        int[][] orderEdges = components.edgesInside(graph, order);
        for (int c = 0; c < components.count; c++) {
            int[] cycle = shortest(orderEdges[c], components, c, mask, false);
            report(cycle, order == PROCESS ? 1 : 2);
            if (cycle == null && orderEdges[c].length > 0) {
                undecided.add(AnomalyType.cycle(AnomalyType.G0, order == PROCESS ? 1 : 2));
            }
        }
    }

    /**
     * The shortest cycle through one of the candidate edges (the first that closes one, then up to
     * {@link #EXTRA_CANDIDATES} more), or null. The candidates share one budget; {@link CycleSearch#exhausted()} says
     * afterwards whether it ran out.
     */
    private int[] shortest(int[] candidates, Components components, int c, int pathMask, boolean nonadjacent) {
        search.reset();
        int[] best = null;
        int extra = 0;
        for (int candidate : candidates) {
            int[] cycle = search.cycleThrough(candidate, components, c, pathMask, nonadjacent);
            if (cycle != null && (best == null || cycle.length < best.length)) {
                best = cycle;
            }
            if (search.exhausted() || best != null && (best.length == 2 || ++extra > EXTRA_CANDIDATES)) {
                break;
            }
        }
        return best;
    }

    private void report(int[] cycle, int form) {
        if (cycle == null) {
            return;
        }
        int rw = 0;
        int wr = 0;
        boolean process = false;
        boolean realtime = false;
        boolean adjacentRw = false;
        for (int i = 0; i < cycle.length; i++) {
            EdgeType type = graph.type(cycle[i]);
            rw += type == EdgeType.RW ? 1 : 0;
            wr += type == EdgeType.WR ? 1 : 0;
            process |= type == EdgeType.PROCESS;
            realtime |= type == EdgeType.REALTIME;
            adjacentRw |= type == EdgeType.RW && graph.type(cycle[(i + 1) % cycle.length]) == EdgeType.RW;
        }
        AnomalyType base = rw == 0 ? (wr == 0 ? AnomalyType.G0 : AnomalyType.G1C)
                : rw == 1 ? AnomalyType.G_SINGLE
                : adjacentRw ? AnomalyType.G2_ITEM : AnomalyType.G_NONADJACENT;
        AnomalyType type = AnomalyType.cycle(base, realtime ? 2 : process ? 1 : 0);
        assert (realtime ? 2 : process ? 1 : 0) == form : "a cycle found in the wrong pass";
        List<Txn> members = new ArrayList<>();
        List<Anomaly.Step> steps = new ArrayList<>();
        StringBuilder names = new StringBuilder();
        for (int edge : cycle) {
            Txn from = txns.get(graph.from(edge));
            members.add(from);
            steps.add(new Anomaly.Step(from, txns.get(graph.to(edge)), graph.type(edge), explainer.explain(edge)));
            names.append(from.name()).append(" -").append(graph.type(edge).label()).append("-> ");
        }
        names.append(members.get(0).name());
        anomalies.add(new Anomaly(type, members, "a cycle of " + cycle.length + " transactions: " + names, steps));
    }
}
