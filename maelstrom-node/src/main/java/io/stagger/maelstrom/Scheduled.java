package io.stagger.maelstrom;

/** A timer armed by {@link Node#after}, {@link Node#at} or {@link Node#every}; {@link #cancel} stops it. */
public final class Scheduled {
    private final Timers timers;
    final Task action;
    /** Nanoseconds between firings of a periodic timer; 0 for a one-shot one. */
    final long periodNanos;
    long deadlineNanos;
    /** Order of arming: timers due at the same time fire in the order they were armed. */
    long sequence;
    boolean armed;

    Scheduled(Timers timers, Task action, long periodNanos) {
        this.timers = timers;
        this.action = action;
        this.periodNanos = periodNanos;
    }

    /** Stops the timer; it does not fire again. Cancelling twice, or after a one-shot timer fired, does nothing. */
    public void cancel() {
        timers.cancel(this);
    }

    /**
     * Moves the timer to {@code deadlineNanos} on the node's clock, arming it again if it had fired or was
     * cancelled: one timer object for a deadline that keeps changing, as a protocol's timers do.
     */
    public void moveTo(long deadlineNanos) {
        timers.cancel(this);
        timers.rearm(this, deadlineNanos);
    }

    /** The deadline on the node's clock at which it fires, if {@link #armed}. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** Whether the timer will still fire. */
    public boolean armed() {
        return armed;
    }
}
