package io.stagger.txn;

/**
 * Strongly connected components of the subgraph of some edge types (Tarjan's algorithm, iterative so that a long
 * chain of transactions cannot overflow the stack). Every edge inside a component of two or more vertices lies on a
 * cycle of that subgraph.
 */
final class Components {
    final int[] component;
    final int[] size;
    final int count;

    private Components(int[] component, int[] size, int count) {
        this.component = component;
        this.size = size;
        this.count = count;
    }

    boolean cyclic(int c) {
        return size[c] > 1;
    }

    boolean inside(DependencyGraph graph, int edge) {
        int c = component[graph.from(edge)];
        return c == component[graph.to(edge)] && cyclic(c);
    }

    static Components of(DependencyGraph graph, int mask) {
        int n = graph.vertices();
        int[] index = new int[n];
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int[] callVertex = new int[n];
        int[] callSlot = new int[n];
        int[] component = new int[n];
        int[] sizes = new int[n];
        java.util.Arrays.fill(index, -1);
        int counter = 0;
        int stackSize = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callVertex[0] = root;
            callSlot[0] = graph.firstOut(root);
            index[root] = low[root] = counter++;
            stack[stackSize++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callVertex[depth];
                boolean descended = false;
                while (callSlot[depth] < graph.endOut(v)) {
                    int edge = graph.outEdge(callSlot[depth]++);
                    if ((graph.typeBit(edge) & mask) == 0) {
                        continue;
                    }
                    int w = graph.to(edge);
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        depth++;
                        callVertex[depth] = w;
                        callSlot[depth] = graph.firstOut(w);
                        descended = true;
                        break;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                }
                if (descended) {
                    continue;
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack[--stackSize];
                        onStack[w] = false;
                        component[w] = components;
                        sizes[components]++;
                    } while (w != v);
                    components++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callVertex[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        return new Components(component, java.util.Arrays.copyOf(sizes, components), components);
    }

    /** For each cyclic component, the edges of the given types inside it, in edge order (empty arrays elsewhere). */
    int[][] edgesInside(DependencyGraph graph, int mask) {
        int[] counts = new int[count];
        for (int e = 0; e < graph.edges(); e++) {
            if ((graph.typeBit(e) & mask) != 0 && inside(graph, e)) {
                counts[component[graph.from(e)]]++;
            }
        }
        int[][] edges = new int[count][];
        for (int c = 0; c < count; c++) {
            edges[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int e = 0; e < graph.edges(); e++) {
            if ((graph.typeBit(e) & mask) != 0 && inside(graph, e)) {
                int c = component[graph.from(e)];
                edges[c][counts[c]++] = e;
            }
        }
        return edges;
    }
}
