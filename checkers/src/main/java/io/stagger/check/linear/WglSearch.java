package io.stagger.check.linear;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lowe's improved Wing-Gong search (as in Knossos and Porcupine) for a linearization of one key's history. The
 * invocations and completions sit in one doubly linked list in time order (int arrays, no nodes); an operation is
 * linearized by lifting its two entries out of the list and undone by putting them back, in place; a bitset of
 * linearized operations with its Zobrist hash and the register's state make the configuration, and a configuration
 * seen before is not explored again. Indeterminate operations have no completion entry: they may be linearized
 * whenever their invocation is reached, and the search ends when every determinate operation is linearized.
 */
public final class WglSearch {
  private static final int HEAD = 0;
  private static final int NIL = -1;
  private static final int TIME_CHECK_STEPS = 4096;

  private final KeyHistory history;
  private final int n;
  /** Entries 1..: an entry e is op (e - 1) / 2's invocation when e is odd, its completion when even. */
  private final int[] next;
  private final int[] prev;
  private final long[] zobrist;
  private final long[] linearized;

  private WglSearch(KeyHistory history) {
    this.history = history;
    this.n = history.size();
    this.next = new int[2 * n + 1];
    this.prev = new int[2 * n + 1];
    this.zobrist = new long[n];
    this.linearized = new long[(n + 63) / 64];
    SplittableRandom random = new SplittableRandom(0x5eed_11e5L);
    for (int op = 0; op < n; op++) {
      zobrist[op] = random.nextLong();
    }
    link();
  }

  /** Searches one key's history within the budget. */
  public static KeyVerdict check(KeyHistory history, Budget budget) {
    return new WglSearch(history).search(budget);
  }

  private static int call(int op) {
    return 2 * op + 1;
  }

  private static int ret(int op) {
    return 2 * op + 2;
  }

  private static int opOf(int entry) {
    return (entry - 1) / 2;
  }

  private static boolean isCall(int entry) {
    return (entry & 1) == 1;
  }

  /** Orders the entries by time; a completion before an invocation at the same instant (it finished first). */
  private void link() {
    int[] entries = new int[2 * n];
    int count = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int op = 0; op < n; op++) {
      entries[count++] = call(op);
      if (!history.indeterminate(op)) {
        entries[count++] = ret(op);
      }
      first = Math.min(first, history.invokeNanos(op));
      last = Math.max(last, history.indeterminate(op) ? history.invokeNanos(op) : history.completeNanos(op));
    }
    entries = Arrays.copyOf(entries, count);
    sort(entries, first, last);
    int previous = HEAD;
    prev[HEAD] = NIL;
    for (int e : entries) {
      next[previous] = e;
      prev[e] = previous;
      previous = e;
    }
    next[previous] = NIL;
  }

  /**
   * Sorts entries by (time, completion first): as packed longs (time since the first, then the kind, then the
   * entry) where they fit, which is a primitive sort without boxing; else with a comparator.
   */
  private void sort(int[] entries, long first, long last) {
    int entryBits = 64 - Long.numberOfLeadingZeros(Math.max(1, 2L * n));
    long span = last - first;
    if (n > 0 && span >= 0 && 64 - Long.numberOfLeadingZeros(Math.max(1, span)) + 1 + entryBits <= 63) {
      long[] packed = new long[entries.length];
      for (int i = 0; i < entries.length; i++) {
        int e = entries[i];
        packed[i] = (((time(e) - first) << 1 | (isCall(e) ? 1 : 0)) << entryBits) | e;
      }
      Arrays.sort(packed);
      long mask = (1L << entryBits) - 1;
      for (int i = 0; i < entries.length; i++) {
        entries[i] = (int) (packed[i] & mask);
      }
      return;
    }
    Integer[] boxed = Arrays.stream(entries).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, (x, y) -> {
      int byTime = Long.compare(time(x), time(y));
      return byTime != 0 ? byTime : Boolean.compare(isCall(x), isCall(y));
    });
    for (int i = 0; i < entries.length; i++) {
      entries[i] = boxed[i];
    }
  }

  private long time(int entry) {
    int op = opOf(entry);
    return isCall(entry) ? history.invokeNanos(op) : history.completeNanos(op);
  }

  private void unlink(int entry) {
    next[prev[entry]] = next[entry];
    if (next[entry] != NIL) {
      prev[next[entry]] = prev[entry];
    }
  }

  private void relink(int entry) {
    next[prev[entry]] = entry;
    if (next[entry] != NIL) {
      prev[next[entry]] = entry;
    }
  }

  private void lift(int op) {
    unlink(call(op));
    if (!history.indeterminate(op)) {
      unlink(ret(op));
    }
  }

  private void unlift(int op) {
    if (!history.indeterminate(op)) {
      relink(ret(op));
    }
    relink(call(op));
  }

  private KeyVerdict search(Budget budget) {
    long started = System.nanoTime();
    long deadline = started + budget.maxTime().toNanos();
    long maxConfigurations = Math.min(budget.maxConfigurations(),
        budget.maxCacheWords() / Math.max(1, linearized.length));
    ConfigurationCache cache = new ConfigurationCache(linearized.length);
    int[] stackOps = new int[n];
    int[] stackStates = new int[n];
    int depth = 0;
    int state = 0;
    long hash = 0;
    int remaining = 0;
    for (int op = 0; op < n; op++) {
      if (!history.indeterminate(op)) {
        remaining++;
      }
    }
    int[] best = new int[0];
    int bestStuck = -1;
    int[] bestCandidates = new int[0];
    long steps = 0;
    int entry = next[HEAD];
    while (remaining > 0) {
      if (++steps % TIME_CHECK_STEPS == 0 && System.nanoTime() > deadline) {
        return verdict(KeyVerdict.Status.UNKNOWN, cache, started, best, bestStuck, bestCandidates);
      }
      if (isCall(entry)) {
        int op = opOf(entry);
        int after = history.step(op, state);
        if (after >= 0) {
          linearized[op >>> 6] |= 1L << op;
          if (cache.add(hash ^ zobrist[op], after, linearized)) {
            if (cache.size() > maxConfigurations) {
              return verdict(KeyVerdict.Status.UNKNOWN, cache, started, best, bestStuck, bestCandidates);
            }
            stackOps[depth] = op;
            stackStates[depth] = state;
            depth++;
            state = after;
            hash ^= zobrist[op];
            lift(op);
            if (!history.indeterminate(op)) {
              remaining--;
            }
            entry = next[HEAD];
            continue;
          }
          linearized[op >>> 6] &= ~(1L << op);
        }
        entry = next[entry];
      } else {
        if (depth >= best.length && (depth > best.length || bestStuck < 0)) {
          best = Arrays.copyOf(stackOps, depth);
          bestStuck = opOf(entry);
          bestCandidates = candidates(entry);
        }
        if (depth == 0) {
          return verdict(KeyVerdict.Status.NOT_LINEARIZABLE, cache, started, best, bestStuck, bestCandidates);
        }
        depth--;
        int op = stackOps[depth];
        state = stackStates[depth];
        hash ^= zobrist[op];
        linearized[op >>> 6] &= ~(1L << op);
        unlift(op);
        if (!history.indeterminate(op)) {
          remaining++;
        }
        entry = next[call(op)];
      }
    }
    return verdict(KeyVerdict.Status.LINEARIZABLE, cache, started, Arrays.copyOf(stackOps, depth), -1, new int[0]);
  }

  /** The operations that could come next where the search is stuck: every invocation before that completion. */
  private int[] candidates(int stuckReturn) {
    int count = 0;
    for (int e = next[HEAD]; e != stuckReturn; e = next[e]) {
      if (isCall(e)) {
        count++;
      }
    }
    int[] ops = new int[count];
    int i = 0;
    for (int e = next[HEAD]; e != stuckReturn; e = next[e]) {
      if (isCall(e)) {
        ops[i++] = opOf(e);
      }
    }
    return ops;
  }

  private KeyVerdict verdict(KeyVerdict.Status status, ConfigurationCache cache, long started, int[] prefix,
      int stuck, int[] unplaceable) {
    return new KeyVerdict(history, status, cache.size(), System.nanoTime() - started, prefix, stuck, unplaceable);
  }
}
