package io.stagger.harness.workload;

/**
 * Maelstrom's g-counter: add a non-negative delta (0-4), read the sum as read_ok's integer "value". Each final read
 * (after the heal and recovery) must lie between the sum of acknowledged adds and the sum of adds that may have
 * happened (acknowledged or indeterminate): {@code check.GCounterChecker}.
 */
public final class GCounterWorkload extends WriteOrRead {
    public GCounterWorkload() {
        super("add", "delta", random -> random.nextInt(5), "value", false);
    }
}
