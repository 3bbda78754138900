package io.stagger.check.linear;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lowe's improved Wing-Gong search (as in Knossos and Porcupine) for a linearization of one key's history. The
 * invocations and completions sit in one doubly linked list in time order (int arrays, no nodes); an operation is
 * linearized by lifting its two entries out of the list and undone by putting them back, in place; a bitset of
 * linearized operations with its Zobrist hash and the register's state make the configuration, and a configuration
 * seen before is not explored again. Indeterminate operations have no completion entry: they may be linearized
 * whenever their invocation is reached, and the search ends when every determinate operation is linearized; those
 * whose written value nothing observes are left out ({@link KeyHistory#unobservedIndeterminateWrites()}). At each
 * point the candidates are tried in WGL's list order; a search that has not ended within
 * {@link #LIST_ORDER_CONFIGURATIONS} starts again in a just-in-time order ({@link #nextCandidate}).
 */
public final class WglSearch {
    private static final int HEAD = 0;
    private static final int NIL = -1;
    private static final int TIME_CHECK_STEPS = 4096;
    /**
     * The configurations the search spends in WGL's list order (the fastest per step) before it starts again in the
     * just-in-time order, which costs more per step but does not get lost among operations that stay open long.
     */
    static final long LIST_ORDER_CONFIGURATIONS = 200_000;

    private final KeyHistory history;
    /** The just-in-time order of candidates ({@link #nextCandidate}), else WGL's list order. */
    private final boolean guided;
    private final int n;
    /** Entries 1..: an entry e is op (e - 1) / 2's invocation when e is odd, its completion when even. */
    private final int[] next;
    private final int[] prev;
    private final long[] zobrist;
    private final long[] linearized;
    /** Per value: open determinate operations that need it, open operations that may write it, whether any could. */
    private final int[] needing;
    private final int[] producing;
    private final boolean[] producible;
    /** Values some open operation needs and none can write any more: unless the register holds it, a dead end. */
    private int blocked;

    private WglSearch(KeyHistory history, boolean guided) {
        this.history = history;
        this.guided = guided;
        this.n = history.size();
        this.next = new int[2 * n + 1];
        this.prev = new int[2 * n + 1];
        this.zobrist = new long[n];
        this.linearized = new long[(n + 63) / 64];
        SplittableRandom random = new SplittableRandom(0x5eed_11e5L);
        for (int op = 0; op < n; op++) {
            zobrist[op] = random.nextLong();
        }
        this.needing = new int[history.valueCount()];
        this.producing = new int[history.valueCount()];
        this.producible = new boolean[history.valueCount()];
        producible[0] = true; // the initial null
        link();
    }

    /** Searches one key's history within the budget. */
    public static KeyVerdict check(KeyHistory history, Budget budget) {
        Budget listOrder = new Budget(Math.min(budget.maxConfigurations(), LIST_ORDER_CONFIGURATIONS),
                budget.maxCacheWords(), budget.maxTime());
        KeyVerdict first = new WglSearch(history, false).search(listOrder);
        if (first.status() != KeyVerdict.Status.UNKNOWN || listOrder.maxConfigurations() == budget.maxConfigurations()) {
            return first;
        }
        KeyVerdict second = new WglSearch(history, true).search(budget);
        return new KeyVerdict(history, second.status(), first.configurations() + second.configurations(),
                first.elapsedNanos() + second.elapsedNanos(), second.prefix(), second.stuck(), second.unplaceable());
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
        boolean[] leftOut = history.unobservedIndeterminateWrites();
        for (int op = 0; op < n; op++) {
            if (leftOut[op]) {
                continue;
            }
            if (history.needs(op) >= 0) {
                needing[history.needs(op)]++;
            }
            if (history.produces(op) >= 0) {
                producing[history.produces(op)]++;
                producible[history.produces(op)] = true;
            }
            entries[count++] = call(op);
            if (!history.indeterminate(op)) {
                entries[count++] = ret(op);
            }
            first = Math.min(first, history.invokeNanos(op));
            last = Math.max(last, history.indeterminate(op) ? history.invokeNanos(op) : history.completeNanos(op));
        }
        for (int v = 0; v < needing.length; v++) {
            if (isBlocked(v)) {
                blocked++;
            }
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
        count(op, -1);
    }

    private void unlift(int op) {
        if (!history.indeterminate(op)) {
            relink(ret(op));
        }
        relink(call(op));
        count(op, 1);
    }

    /** Counts op as open (+1) or linearized (-1) in needing and producing, keeping blocked up to date. */
    private void count(int op, int delta) {
        int need = history.needs(op);
        int produce = history.produces(op);
        int other = produce == need ? -1 : produce;
        blocked -= (need >= 0 && isBlocked(need) ? 1 : 0) + (other >= 0 && isBlocked(other) ? 1 : 0);
        if (need >= 0) {
            needing[need] += delta;
        }
        if (produce >= 0) {
            producing[produce] += delta;
        }
        blocked += (need >= 0 && isBlocked(need) ? 1 : 0) + (other >= 0 && isBlocked(other) ? 1 : 0);
    }

    /** An open operation needs v and none left can write it (v was writable once: a value nobody wrote is not). */
    private boolean isBlocked(int v) {
        return needing[v] > 0 && producing[v] == 0 && producible[v];
    }

    /** No linearization continues from here: an open operation needs a value the register lost for good. */
    private boolean deadEnd(int state) {
        return blocked > (isBlocked(state) ? 1 : 0);
    }

    /** The completion of an open operation that needs a value the register lost for good (see deadEnd). */
    private int blockedReturn(int state) {
        for (int e = next[HEAD]; e != NIL; e = next[e]) {
            if (!isCall(e)) {
                int need = history.needs(opOf(e));
                if (need >= 0 && need != state && isBlocked(need)) {
                    return e;
                }
            }
        }
        throw new IllegalStateException("a dead end without a blocked operation");
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
        int[] stackFirstReturns = new int[n];
        int tried = NIL; // the operation last tried at this point
        int firstReturn = remaining > 0 ? firstReturn() : NIL; // kept up to date as operations are placed and undone
        int wanted = remaining > 0 ? wanted(firstReturn, state) : NIL;
        boolean dead = deadEnd(state);
        while (remaining > 0) {
            if (++steps % TIME_CHECK_STEPS == 0 && System.nanoTime() > deadline) {
                return verdict(KeyVerdict.Status.UNKNOWN, cache, started, best, bestStuck, bestCandidates);
            }
            int op = dead ? NIL : !guided ? nextInList(tried)
                    : tried == NIL && wanted == NIL ? opOf(firstReturn) : nextCandidate(tried, wanted);
            if (op == NIL) {
                int stuck = dead ? blockedReturn(state) : firstReturn;
                dead = false;
                if (depth >= best.length && (depth > best.length || bestStuck < 0)) {
                    best = Arrays.copyOf(stackOps, depth);
                    bestStuck = opOf(stuck);
                    bestCandidates = candidates(stuck);
                }
                if (depth == 0) {
                    return verdict(KeyVerdict.Status.NOT_LINEARIZABLE, cache, started, best, bestStuck, bestCandidates);
                }
                depth--;
                tried = stackOps[depth];
                state = stackStates[depth];
                hash ^= zobrist[tried];
                linearized[tried >>> 6] &= ~(1L << tried);
                unlift(tried);
                if (!history.indeterminate(tried)) {
                    remaining++;
                }
                firstReturn = stackFirstReturns[depth];
                wanted = wanted(firstReturn, state);
                continue;
            }
            tried = op;
            int after = history.step(op, state);
            if (after < 0) {
                continue;
            }
            linearized[op >>> 6] |= 1L << op;
            if (!cache.add(hash ^ zobrist[op], after, linearized)) {
                linearized[op >>> 6] &= ~(1L << op);
                continue;
            }
            if (cache.size() > maxConfigurations) {
                return verdict(KeyVerdict.Status.UNKNOWN, cache, started, best, bestStuck, bestCandidates);
            }
            stackOps[depth] = op;
            stackStates[depth] = state;
            stackFirstReturns[depth] = firstReturn;
            depth++;
            state = after;
            hash ^= zobrist[op];
            lift(op);
            if (!history.indeterminate(op)) {
                remaining--;
            }
            tried = NIL;
            if (!history.indeterminate(op) && ret(op) == firstReturn) {
                // The next completion after it (lifting an entry leaves its own link to what followed it).
                int e = next[firstReturn];
                while (e != NIL && isCall(e)) {
                    e = next[e];
                }
                firstReturn = e;
            }
            dead = deadEnd(state);
            if (remaining > 0 && !dead) {
                wanted = wanted(firstReturn, state);
            }
        }
        return verdict(KeyVerdict.Status.LINEARIZABLE, cache, started, Arrays.copyOf(stackOps, depth), -1, new int[0]);
    }

    /**
     * The candidate to try after {@code tried} (NIL: the first) at this point, or NIL when none is left. The candidates
     * are the invocations before the first completion in the list, as in WGL; the order in which they are tried is
     * Lowe's just-in-time one: the operation that must be placed first (the urgent one, whose completion is first) and,
     * if it cannot go yet because the register does not hold the value it needs, first the operations that can write
     * that value; then the rest in the order of their completions, indeterminate ones last. So an operation that stays
     * open long (a request queued at a partitioned master) is placed when it must be, not tried early at every point,
     * and an indeterminate write that a read saw is tried where that read needs it.
     */
    private int nextCandidate(int tried, int wanted) {
        int best = NIL;
        for (int e = next[HEAD]; e != NIL && isCall(e); e = next[e]) {
            int op = opOf(e);
            if ((tried == NIL || comesBefore(tried, op, wanted)) && (best == NIL || comesBefore(op, best, wanted))) {
                best = op;
            }
        }
        return best;
    }

    /** WGL's order: the invocation after {@code tried}'s in the list (NIL: the first), if it comes before a completion. */
    private int nextInList(int tried) {
        int e = tried == NIL ? next[HEAD] : next[call(tried)];
        return e != NIL && isCall(e) ? opOf(e) : NIL;
    }

    /** The value the urgent operation (that of the first completion) needs, where the register lacks it; else NIL. */
    private int wanted(int firstReturn, int state) {
        int need = history.needs(opOf(firstReturn));
        return need >= 0 && need != state ? need : NIL;
    }

    /** The order of candidates: writers of the wanted value first, then by completion, then by operation. */
    private boolean comesBefore(int x, int y, int wanted) {
        boolean xWrites = wanted != NIL && history.produces(x) == wanted;
        boolean yWrites = wanted != NIL && history.produces(y) == wanted;
        if (xWrites != yWrites) {
            return xWrites;
        }
        long cx = history.completeNanos(x);
        long cy = history.completeNanos(y);
        return cx < cy || cx == cy && x < y;
    }

    /** The first completion in the list: while a determinate operation is open there is one. */
    private int firstReturn() {
        int e = next[HEAD];
        while (isCall(e)) {
            e = next[e];
        }
        return e;
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
