package io.stagger.check.linear;

import java.util.List;

/**
 * P-compositional linearizability: a history of independent registers is linearizable when each key's is
 * (Herlihy and Wing's locality), so the keys are searched apart, in parallel on the common fork-join pool.
 */
public final class Linearizability {
  private Linearizability() {}

  /** Each key's verdict, in the order of the keys. */
  public static List<KeyVerdict> check(List<KeyHistory> keys, Budget budget) {
    return keys.parallelStream().map(key -> WglSearch.check(key, budget)).toList();
  }
}
