package io.stagger.harness.workload;

/**
 * Maelstrom's pn-counter: add a delta from -5 to 4, read the sum as read_ok's integer "value"; the checker is
 * {@code check.PnCounterChecker}.
 */
public final class PnCounterWorkload extends WriteOrRead {
    public PnCounterWorkload() {
        super("add", "delta", random -> random.nextInt(10) - 5, "value", false);
    }
}
