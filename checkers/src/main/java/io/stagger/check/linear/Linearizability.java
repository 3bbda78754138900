package io.stagger.check.linear;

import java.util.List;

/**
 * P-compositional linearizability: a history of independent registers is linearizable when each key's is
 * (Herlihy and Wing's locality), so the keys are searched apart, in parallel on the common fork-join pool.
 */
public final class Linearizability {
    /**
     * Below this many operations in all the keys, they are searched one after the other on the calling thread: the
     * search takes less than starting the pool's threads would (a small history checked by a cold `bin/stagger
     * analyze`).
     */
    static final int PARALLEL_FROM_OPERATIONS = 2_000;

    private Linearizability() {}

    /** Each key's verdict, in the order of the keys. */
    public static List<KeyVerdict> check(List<KeyHistory> keys, Budget budget) {
        int operations = keys.stream().mapToInt(KeyHistory::size).sum();
        return (operations < PARALLEL_FROM_OPERATIONS ? keys.stream() : keys.parallelStream())
                .map(key -> WglSearch.check(key, budget)).toList();
    }
}
