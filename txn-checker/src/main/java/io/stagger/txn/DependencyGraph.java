package io.stagger.txn;

import java.util.Arrays;

/**
 * The dependency graph over a history's transactions: one vertex per transaction (failed ones stay isolated), edges
 * in flat arrays with what made each (the key and the two values), then frozen into adjacency arrays for the
 * searches. Self-edges are dropped: a transaction that depends on itself is an internal matter.
 */
public final class DependencyGraph {
    /** The read behind an rw edge found the key empty (list-append) or nil (rw-register). */
    static final int BEFORE_INITIAL = 1;

    private final int vertices;
    private int size;
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private byte[] type = new byte[1024];
    private byte[] flags = new byte[1024];
    private long[] key = new long[1024];
    private long[] before = new long[1024];
    private long[] after = new long[1024];
    private int[] firstOut;
    private int[] outEdges;

    public DependencyGraph(int vertices) {
        this.vertices = vertices;
    }

    void add(int source, int target, EdgeType edgeType, long edgeKey, long valueBefore, long valueAfter, int edgeFlags) {
        if (source == target) {
            return;
        }
        if (firstOut != null) {
            throw new IllegalStateException("the graph is frozen");
        }
        if (size == from.length) {
            int capacity = size * 2;
            from = Arrays.copyOf(from, capacity);
            to = Arrays.copyOf(to, capacity);
            type = Arrays.copyOf(type, capacity);
            flags = Arrays.copyOf(flags, capacity);
            key = Arrays.copyOf(key, capacity);
            before = Arrays.copyOf(before, capacity);
            after = Arrays.copyOf(after, capacity);
        }
        from[size] = source;
        to[size] = target;
        type[size] = (byte) edgeType.ordinal();
        flags[size] = (byte) edgeFlags;
        key[size] = edgeKey;
        before[size] = valueBefore;
        after[size] = valueAfter;
        size++;
    }

    void addOrder(int source, int target, EdgeType edgeType) {
        add(source, target, edgeType, 0, 0, 0, 0);
    }

    /** Builds the adjacency arrays (a counting sort of the edges by source); no edge may be added after. */
    void freeze() {
        firstOut = new int[vertices + 1];
        for (int e = 0; e < size; e++) {
            firstOut[from[e] + 1]++;
        }
        for (int v = 0; v < vertices; v++) {
            firstOut[v + 1] += firstOut[v];
        }
        outEdges = new int[size];
        int[] next = Arrays.copyOf(firstOut, vertices);
        for (int e = 0; e < size; e++) {
            outEdges[next[from[e]]++] = e;
        }
    }

    public int vertices() {
        return vertices;
    }

    public int edges() {
        return size;
    }

    /** How many edges of a type. */
    public int edges(EdgeType edgeType) {
        int count = 0;
        for (int e = 0; e < size; e++) {
            count += type[e] == edgeType.ordinal() ? 1 : 0;
        }
        return count;
    }

    int firstOut(int vertex) {
        return firstOut[vertex];
    }

    int endOut(int vertex) {
        return firstOut[vertex + 1];
    }

    int outEdge(int slot) {
        return outEdges[slot];
    }

    int from(int edge) {
        return from[edge];
    }

    int to(int edge) {
        return to[edge];
    }

    EdgeType type(int edge) {
        return EdgeType.ALL[type[edge]];
    }

    int typeBit(int edge) {
        return 1 << type[edge];
    }

    boolean beforeInitial(int edge) {
        return (flags[edge] & BEFORE_INITIAL) != 0;
    }

    long key(int edge) {
        return key[edge];
    }

    long before(int edge) {
        return before[edge];
    }

    long after(int edge) {
        return after[edge];
    }
}
