package io.stagger.txn;

/**
 * Breadth-first searches for short cycles inside one strongly connected component: the shortest path back from the
 * head of a candidate edge to its tail closes the shortest cycle through that edge. A budget of edge visits per
 * search bounds the work on huge components; a search that runs out says so.
 */
final class CycleSearch {
    /** Edge visits the searches of one component may make before giving up (it is then reported as not fully searched). */
    static final long BUDGET_PER_SEARCH = 20_000_000L;

    private final DependencyGraph graph;
    private final int[] seen;
    private final int[] parentEdge;
    private final int[] parentState;
    private final int[] queue;
    private int generation;
    private long spent;
    private boolean exhausted;

    CycleSearch(DependencyGraph graph) {
        this.graph = graph;
        // Two states per vertex: the nonadjacent search remembers whether the last edge was rw.
        this.seen = new int[graph.vertices() * 2];
        this.parentEdge = new int[graph.vertices() * 2];
        this.parentState = new int[graph.vertices() * 2];
        this.queue = new int[graph.vertices() * 2];
    }

    /** Starts the searches of a component with a fresh budget. */
    void reset() {
        spent = 0;
        exhausted = false;
    }

    boolean exhausted() {
        return exhausted;
    }

    /**
     * The shortest cycle through {@code start} whose other edges are of {@code pathMask} and stay in component
     * {@code c}; with {@code nonadjacent}, no two rw edges may follow each other (start is then an rw edge). Null if
     * there is none, or the budget ran out.
     */
    int[] cycleThrough(int start, Components components, int c, int pathMask, boolean nonadjacent) {
        int source = graph.to(start);
        int target = graph.from(start);
        int rwBit = EdgeType.RW.bit();
        generation++;
        int head = 0;
        int tail = 0;
        int first = source * 2 + (nonadjacent ? 1 : 0);
        seen[first] = generation;
        parentEdge[first] = -1;
        queue[tail++] = first;
        while (head < tail) {
            int state = queue[head++];
            int v = state >> 1;
            boolean lastRw = (state & 1) == 1;
            for (int slot = graph.firstOut(v); slot < graph.endOut(v); slot++) {
                if (++spent > BUDGET_PER_SEARCH) {
                    exhausted = true;
                    return null;
                }
                int edge = graph.outEdge(slot);
                int bit = graph.typeBit(edge);
                int w = graph.to(edge);
                if ((bit & pathMask) == 0 || components.component[w] != c) {
                    continue;
                }
                boolean rw = bit == rwBit;
                if (nonadjacent && rw && lastRw) {
                    continue;
                }
                int next = w * 2 + (nonadjacent && rw ? 1 : 0);
                if (seen[next] == generation) {
                    continue;
                }
                seen[next] = generation;
                parentEdge[next] = edge;
                parentState[next] = state;
                if (w == target && !(nonadjacent && rw)) {
                    return path(start, next);
                }
                queue[tail++] = next;
            }
        }
        return null;
    }

    private int[] path(int start, int end) {
        int length = 1;
        for (int state = end; parentEdge[state] >= 0; state = parentState[state]) {
            length++;
        }
        int[] cycle = new int[length];
        cycle[0] = start;
        int i = length - 1;
        for (int state = end; parentEdge[state] >= 0; state = parentState[state]) {
            cycle[i--] = parentEdge[state];
        }
        return cycle;
    }
}
