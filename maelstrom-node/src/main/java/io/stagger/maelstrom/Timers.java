package io.stagger.maelstrom;

import java.util.Comparator;
import java.util.TreeSet;

/** The node's timers, by deadline; ties fire in the order of arming, so a run is the same every time. */
final class Timers {
    private final TreeSet<Scheduled> byDeadline = new TreeSet<>(new ByDeadline());
    private long nextSequence;

    /** Deadline first, then order of arming. A class, not composed lambdas: it is made in a node's start. */
    private static final class ByDeadline implements Comparator<Scheduled> {
        @Override
        public int compare(Scheduled a, Scheduled b) {
            int byTime = Long.compare(a.deadlineNanos, b.deadlineNanos);
            return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
        }
    }

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
        if (byDeadline.isEmpty() || byDeadline.first().deadlineNanos > nowNanos) {
            return null; // the common case, without an iterator
        }
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
