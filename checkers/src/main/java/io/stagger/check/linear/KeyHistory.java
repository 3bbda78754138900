package io.stagger.check.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One key's register operations, coded as ints for the search: each value is interned (0 is null, the register's
 * initial value), each operation is a kind, its arguments and result, its interval and where it is in the history.
 * An indeterminate operation (Jepsen's info) has no completion: it may take effect at any time after its
 * invocation, or never.
 */
public final class KeyHistory {
    /** What an operation does to the register. */
    public enum Kind {
        /** Reads the register: possible when it holds the result. */
        READ,
        /** Writes a. */
        WRITE,
        /** Sets b where the register holds a; an indeterminate one that finds another value changes nothing. */
        CAS,
        /** A cas that failed because the register did not hold a (the "compare failed" reading of a failed cas). */
        CAS_COMPARE_FAILED
    }

    /** Completion time of an indeterminate operation. */
    public static final long NEVER = Long.MAX_VALUE;

    private final String key;
    private final List<JsonNode> values = new ArrayList<>(List.of(NullNode.instance));
    private final Map<JsonNode, Integer> valueIds = new HashMap<>(Map.of(NullNode.instance, 0));
    private Kind[] kinds = new Kind[16];
    private int[] a = new int[16];
    private int[] b = new int[16];
    private int[] results = new int[16];
    private long[] invokeNanos = new long[16];
    private long[] completeNanos = new long[16];
    private int[] processes = new int[16];
    private int[] historyIndexes = new int[16];
    private int size;

    public KeyHistory(String key) {
        this.key = key;
    }

    /** Adds an operation; completeNanos is {@link #NEVER} for an indeterminate one. */
    public void add(Kind kind, JsonNode first, JsonNode second, JsonNode result, long invoked, long completed,
            int process, int historyIndex) {
        if (size == kinds.length) {
            grow();
        }
        kinds[size] = kind;
        a[size] = intern(first);
        b[size] = intern(second);
        results[size] = intern(result);
        invokeNanos[size] = invoked;
        completeNanos[size] = completed;
        processes[size] = process;
        historyIndexes[size] = historyIndex;
        size++;
    }

    private int intern(JsonNode value) {
        JsonNode v = value == null || value.isMissingNode() ? NullNode.instance : value;
        Integer id = valueIds.get(v);
        if (id == null) {
            id = values.size();
            values.add(v);
            valueIds.put(v, id);
        }
        return id;
    }

    private void grow() {
        int capacity = kinds.length * 2;
        kinds = java.util.Arrays.copyOf(kinds, capacity);
        a = java.util.Arrays.copyOf(a, capacity);
        b = java.util.Arrays.copyOf(b, capacity);
        results = java.util.Arrays.copyOf(results, capacity);
        invokeNanos = java.util.Arrays.copyOf(invokeNanos, capacity);
        completeNanos = java.util.Arrays.copyOf(completeNanos, capacity);
        processes = java.util.Arrays.copyOf(processes, capacity);
        historyIndexes = java.util.Arrays.copyOf(historyIndexes, capacity);
    }

    /**
     * The register after operation op from state, or -1 where op cannot happen in that state (the model's step,
     * free of allocation).
     */
    int step(int op, int state) {
        switch (kinds[op]) {
            case READ:
                return state == results[op] ? state : -1;
            case WRITE:
                return a[op];
            case CAS:
                if (state == a[op]) {
                    return b[op];
                }
                return indeterminate(op) ? state : -1;
            case CAS_COMPARE_FAILED:
                return state != a[op] ? state : -1;
            default:
                throw new IllegalStateException("unknown kind " + kinds[op]);
        }
    }

    /**
     * The indeterminate writes and cas whose written value no operation observes. The search leaves them out (each may
     * not have happened), which spares it trying the 2^k placements of k such operations, as a crash's lost requests
     * make. A value is observed when a read returns it, a determinate cas expects it, or an indeterminate cas that is
     * kept expects it (a cas whose own value is observed: the smallest such set). The verdict is the same: in a
     * linearization with such an operation, what comes after it until the register changes again is a write (which
     * does not depend on the state) or an indeterminate cas that found another value and changed nothing (optional, so
     * it may go too); no read, and no cas that takes effect, can see the unobserved value. Not on a key with a
     * compare-failed cas, which observes every value but one.
     */
    boolean[] unobservedIndeterminateWrites() {
        boolean[] unobserved = new boolean[size];
        boolean[] observed = new boolean[values.size()];
        int[] waiting = new int[values.size() + 1]; // indeterminate cas ops by the value they write, as in a counting sort
        for (int op = 0; op < size; op++) {
            switch (kinds[op]) {
                case READ:
                    observed[results[op]] = true;
                    break;
                case CAS:
                    if (indeterminate(op)) {
                        waiting[b[op] + 1]++;
                    } else {
                        observed[a[op]] = true;
                    }
                    break;
                case CAS_COMPARE_FAILED:
                    return unobserved;
                default:
                    break;
            }
        }
        for (int v = 0; v < values.size(); v++) {
            waiting[v + 1] += waiting[v];
        }
        int[] casByValue = new int[waiting[values.size()]];
        int[] fill = java.util.Arrays.copyOf(waiting, values.size());
        for (int op = 0; op < size; op++) {
            if (kinds[op] == Kind.CAS && indeterminate(op)) {
                casByValue[fill[b[op]]++] = op;
            }
        }
        // Every observed value makes the indeterminate cas ops that write it observe what they expect.
        int[] pending = new int[values.size()];
        int count = 0;
        for (int v = 0; v < values.size(); v++) {
            if (observed[v]) {
                pending[count++] = v;
            }
        }
        while (count > 0) {
            int v = pending[--count];
            for (int i = waiting[v]; i < waiting[v + 1]; i++) {
                int expected = a[casByValue[i]];
                if (!observed[expected]) {
                    observed[expected] = true;
                    pending[count++] = expected;
                }
            }
        }
        for (int op = 0; op < size; op++) {
            if (indeterminate(op) && (kinds[op] == Kind.WRITE && !observed[a[op]]
                    || kinds[op] == Kind.CAS && !observed[b[op]])) {
                unobserved[op] = true;
            }
        }
        return unobserved;
    }

    /** The value a determinate operation needs the register to hold (a read's result, a cas's expected), or -1. */
    int needs(int op) {
        if (indeterminate(op)) {
            return -1;
        }
        return kinds[op] == Kind.READ ? results[op] : kinds[op] == Kind.CAS ? a[op] : -1;
    }

    /** The value an operation may leave in the register (a write's, a cas's new one), or -1. */
    int produces(int op) {
        return kinds[op] == Kind.WRITE ? a[op] : kinds[op] == Kind.CAS ? b[op] : -1;
    }

    /** How many distinct values (ids 0 to this, exclusive). */
    int valueCount() {
        return values.size();
    }

    public String key() {
        return key;
    }

    public int size() {
        return size;
    }

    public boolean indeterminate(int op) {
        return completeNanos[op] == NEVER;
    }

    public long invokeNanos(int op) {
        return invokeNanos[op];
    }

    public long completeNanos(int op) {
        return completeNanos[op];
    }

    public int process(int op) {
        return processes[op];
    }

    public int historyIndex(int op) {
        return historyIndexes[op];
    }

    public Kind kind(int op) {
        return kinds[op];
    }

    /** The value with this id (0: null). */
    public JsonNode value(int id) {
        return values.get(id);
    }

    /** The register's value after op from the value with id state, as a value; null where op cannot happen. */
    public JsonNode after(int op, JsonNode state) {
        Integer id = valueIds.get(state);
        int next = step(op, id == null ? -2 : id);
        return next < 0 ? null : values.get(next);
    }

    /** The operation in words, as the reports name it: "cas [1,2] (indeterminate)", "read → 3". */
    public String describe(int op) {
        String what;
        switch (kinds[op]) {
            case READ:
                what = "read → " + values.get(results[op]);
                break;
            case WRITE:
                what = "write " + values.get(a[op]);
                break;
            case CAS:
                what = "cas [" + values.get(a[op]) + "," + values.get(b[op]) + "]";
                break;
            default:
                what = "cas [" + values.get(a[op]) + "," + values.get(b[op]) + "] failed";
                break;
        }
        return what + (indeterminate(op) ? " (indeterminate)" : "");
    }

    /** The operation in words with where it is in the history and when it began: "read → 3 (op 12, at 0.250 s)". */
    public String describeWithTime(int op) {
        return describe(op) + " (op " + historyIndexes[op] + ", at " + String.format(Locale.ROOT, "%.3f s",
                invokeNanos[op] / 1e9) + ")";
    }
}
