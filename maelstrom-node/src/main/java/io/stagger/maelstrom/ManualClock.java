package io.stagger.maelstrom;

import java.time.Duration;

/** A clock that moves only when told: virtual time for tests, so timers fire without sleeping. */
public final class ManualClock implements Clock {
    private long nanos;

    @Override
    public long nanos() {
        return nanos;
    }

    /** Moves time forward by {@code step}. */
    public void advance(Duration step) {
        set(nanos + step.toNanos());
    }

    /** Sets time to {@code nanos}; it must not go backwards. */
    public void set(long nanos) {
        if (nanos < this.nanos) {
            throw new IllegalArgumentException("time goes backwards: " + nanos + " < " + this.nanos);
        }
        this.nanos = nanos;
    }
}
