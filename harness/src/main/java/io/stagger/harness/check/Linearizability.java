package io.stagger.harness.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Wing-Gong-Lowe search (as in Knossos and Porcupine) for a linearization of one register's history: operations
 * are tried in every order their real-time intervals allow, with a cache of (linearized set, state) already seen.
 */
public final class Linearizability {
  /** Bound on the search's cache; beyond it the answer is "unknown". */
  public static final int MAX_CONFIGURATIONS = 2_000_000;

  /** The search's answer: linearizable, not, or unknown; and for "not", the operation that could not be placed. */
  public record Outcome(Boolean linearizable, String stuckAt, int configurations) {}

  private static final class Entry {
    final RegisterOp op;
    final boolean call;
    final long time;
    Entry match;
    Entry prev;
    Entry next;

    Entry(RegisterOp op, boolean call, long time) {
      this.op = op;
      this.call = call;
      this.time = time;
    }
  }

  private record Configuration(BitSet linearized, JsonNode state) {}

  private record Frame(Entry entry, JsonNode state) {}

  private Linearizability() {}

  public static Outcome check(List<RegisterOp> ops) {
    Entry head = buildList(ops);
    Set<Configuration> cache = new HashSet<>();
    Deque<Frame> stack = new ArrayDeque<>();
    BitSet linearized = new BitSet();
    JsonNode state = NullNode.instance;
    Entry entry = head.next;
    int deepest = -1;
    RegisterOp stuck = null;
    while (head.next != null) {
      if (entry.call) {
        JsonNode after = entry.op.step(state);
        if (after != null) {
          BitSet next = (BitSet) linearized.clone();
          next.set(entry.op.id());
          if (cache.add(new Configuration(next, after))) {
            if (cache.size() > MAX_CONFIGURATIONS) {
              return new Outcome(null, null, cache.size());
            }
            stack.push(new Frame(entry, state));
            state = after;
            linearized = next;
            lift(entry);
            entry = head.next;
            continue;
          }
        }
        entry = entry.next;
      } else {
        if (stack.size() > deepest) {
          deepest = stack.size();
          stuck = entry.op;
        }
        if (stack.isEmpty()) {
          return new Outcome(false, String.valueOf(stuck), cache.size());
        }
        Frame frame = stack.pop();
        state = frame.state;
        linearized.clear(frame.entry.op.id());
        unlift(frame.entry);
        entry = frame.entry.next;
      }
    }
    return new Outcome(true, null, cache.size());
  }

  private static Entry buildList(List<RegisterOp> ops) {
    List<Entry> entries = new ArrayList<>();
    for (RegisterOp op : ops) {
      Entry call = new Entry(op, true, op.invokeNanos());
      Entry ret = new Entry(op, false, op.indeterminate() ? Long.MAX_VALUE : op.completeNanos());
      call.match = ret;
      ret.match = call;
      entries.add(call);
      entries.add(ret);
    }
    // A return before a call at the same instant: the earlier op finished first.
    entries.sort(Comparator.comparingLong((Entry e) -> e.time).thenComparing(e -> e.call));
    Entry head = new Entry(null, false, Long.MIN_VALUE);
    Entry last = head;
    for (Entry e : entries) {
      last.next = e;
      e.prev = last;
      last = e;
    }
    return head;
  }

  private static void lift(Entry call) {
    call.prev.next = call.next;
    if (call.next != null) {
      call.next.prev = call.prev;
    }
    Entry ret = call.match;
    ret.prev.next = ret.next;
    if (ret.next != null) {
      ret.next.prev = ret.prev;
    }
  }

  private static void unlift(Entry call) {
    Entry ret = call.match;
    ret.prev.next = ret;
    if (ret.next != null) {
      ret.next.prev = ret;
    }
    call.prev.next = call;
    if (call.next != null) {
      call.next.prev = call;
    }
  }
}
