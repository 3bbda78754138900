package io.stagger.harness.workload;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Maelstrom's g-set: {"type":"add","element":x} answered by add_ok, and {"type":"read"} answered by read_ok with the
 * whole set as "value" (an array). Half adds of fresh integers, half reads; after recovery, a final read of every
 * live node. The checker is {@code check.SetChecker.gSet()}.
 */
public final class GSetWorkload extends WriteOrRead {
    public GSetWorkload() {
        this(new AtomicInteger());
    }

    private GSetWorkload(AtomicInteger nextElement) {
        super("add", "element", random -> nextElement.getAndIncrement(), "value", true);
    }
}
