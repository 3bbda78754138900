package io.stagger.txn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tarjan's components, the cycle searches and the real-time sweep on graphs built by hand. */
class GraphAlgorithmsTest {
    @Test
    void aLongChainClosedIntoOneCycleIsOneComponentWithoutOverflowingTheStack() {
        int n = 200_000;
        DependencyGraph graph = new DependencyGraph(n);
        for (int v = 0; v < n; v++) {
            graph.add(v, (v + 1) % n, EdgeType.WW, 0, v, v + 1, 0);
        }
        graph.freeze();
        Components components = Components.of(graph, EdgeType.WW.bit());
        assertThat(components.count).isEqualTo(1);
        assertThat(components.size[0]).isEqualTo(n);
        CycleSearch search = new CycleSearch(graph);
        search.reset();
        int[] cycle = search.cycleThrough(0, components, 0, EdgeType.WW.bit(), false);
        assertThat(cycle).hasSize(n);
    }

    @Test
    void componentsFollowOnlyTheEdgeTypesAsked() {
        DependencyGraph graph = new DependencyGraph(4);
        graph.add(0, 1, EdgeType.WW, 0, 0, 0, 0);
        graph.add(1, 0, EdgeType.RW, 0, 0, 0, 0);
        graph.add(2, 3, EdgeType.WR, 0, 0, 0, 0);
        graph.add(3, 2, EdgeType.WR, 0, 0, 0, 0);
        graph.freeze();
        Components ww = Components.of(graph, EdgeType.WW.bit());
        assertThat(ww.count).isEqualTo(4);
        Components data = Components.of(graph, EdgeType.DATA);
        assertThat(data.count).isEqualTo(2);
        assertThat(data.component[0]).isEqualTo(data.component[1]).isNotEqualTo(data.component[2]);
    }

    @Test
    void theNonadjacentSearchRefusesTwoRwEdgesInARow() {
        // 0 -rw-> 1 -rw-> 2 -wr-> 0 has adjacent rw edges; 0 -rw-> 1 -wr-> 3 -rw-> 4 -wr-> 0 does not.
        DependencyGraph graph = new DependencyGraph(5);
        graph.add(0, 1, EdgeType.RW, 0, 0, 0, 0);
        graph.add(1, 2, EdgeType.RW, 0, 0, 0, 0);
        graph.add(2, 0, EdgeType.WR, 0, 0, 0, 0);
        graph.add(1, 3, EdgeType.WR, 0, 0, 0, 0);
        graph.add(3, 4, EdgeType.RW, 0, 0, 0, 0);
        graph.add(4, 0, EdgeType.WR, 0, 0, 0, 0);
        graph.freeze();
        Components data = Components.of(graph, EdgeType.DATA);
        CycleSearch search = new CycleSearch(graph);
        search.reset();
        int[] any = search.cycleThrough(0, data, data.component[0], EdgeType.DATA, false);
        assertThat(any).containsExactly(0, 1, 2);
        int[] nonadjacent = search.cycleThrough(0, data, data.component[0], EdgeType.DATA, true);
        assertThat(nonadjacent).containsExactly(0, 3, 4, 5);
    }

    @Test
    void realtimeEdgesAreATransitiveReductionAcrossProcesses() {
        // p0: A [0,10]; p1: B [5,15]; p2: C [20,30], D (p3) [25,40]; E (p0) [50,60].
        TxnHistory history = HistoryBuilder.listAppend()
                .at(0, TxnStatus.OK, 0, 10, "append 1 1")
                .at(1, TxnStatus.OK, 5, 15, "append 1 2")
                .at(2, TxnStatus.OK, 20, 30, "append 1 3")
                .at(3, TxnStatus.OK, 25, 40, "append 1 4")
                .at(0, TxnStatus.OK, 50, 60, "append 1 5")
                .history();
        DependencyGraph graph = new DependencyGraph(5);
        OrderEdges.realtime(history.txns(), graph);
        OrderEdges.process(history.txns(), graph);
        graph.freeze();
        StringBuilder edges = new StringBuilder();
        for (int e = 0; e < graph.edges(); e++) {
            edges.append(graph.from(e)).append(graph.type(e) == EdgeType.PROCESS ? "p" : "r").append(graph.to(e))
                    .append(' ');
        }
        // A and B precede C and D; C and D precede E (not A -> E: that is process order, one edge A -p-> E).
        assertThat(edges.toString().trim().split(" "))
                .containsExactlyInAnyOrder("0r2", "1r2", "0r3", "1r3", "2r4", "3r4", "0p4");
    }
}
