package io.stagger.maelstrom;

import java.util.Comparator;
import java.util.TreeSet;

/** The node's timers, by deadline; ties fire in the order of arming, so a run is the same every time. */
final class Timers {
    private final TreeSet<Scheduled> byDeadline = new TreeSet<>(
            Comparator.<Scheduled>comparingLong(timer -> timer.deadlineNanos).thenComparingLong(timer -> timer.sequence));
    private long nextSequence;

    Scheduled arm(long deadlineNanos, Task action, long periodNanos) {
        Scheduled timer = new Scheduled(this, action, periodNanos);
        rearm(timer, deadlineNanos);
        return timer;
    }

    void rearm(Scheduled timer, long deadlineNanos) {
        timer.deadlineNanos = deadlineNanos;
        timer.sequence = nextSequence++;
        timer.armed = true;
        byDeadline.add(timer);
    }

    void cancel(Scheduled timer) {
        if (timer.armed) {
            byDeadline.remove(timer);
            timer.armed = false;
        }
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE} if no timer is armed. */
    long nextDeadline() {
        return byDeadline.isEmpty() ? Long.MAX_VALUE : byDeadline.first().deadlineNanos;
    }

    /** How many timers have been armed so far: a timer armed from now on has a sequence at least this. */
    long sequenceNow() {
        return nextSequence;
    }

    /** Removes and returns the earliest timer due at {@code nowNanos} armed before {@code sequenceBound}, or null. */
    Scheduled takeDue(long nowNanos, long sequenceBound) {
        for (Scheduled timer : byDeadline) {
            if (timer.deadlineNanos > nowNanos) {
                return null;
            }
            if (timer.sequence < sequenceBound) {
                byDeadline.remove(timer);
                timer.armed = false;
                return timer;
            }
        }
        return null;
    }
}
