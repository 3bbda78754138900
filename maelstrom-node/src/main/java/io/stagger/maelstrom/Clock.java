package io.stagger.maelstrom;

/** The node's time: a monotonic count of nanoseconds. Tests replace it with a {@link ManualClock}. */
@FunctionalInterface
public interface Clock {
    /** Now, in nanoseconds from an arbitrary origin; never goes backwards. */
    long nanos();

    /** The real monotonic clock ({@link System#nanoTime()}). */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
