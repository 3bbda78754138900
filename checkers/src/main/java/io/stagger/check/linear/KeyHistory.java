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
