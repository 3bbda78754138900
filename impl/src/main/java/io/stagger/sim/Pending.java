package io.stagger.sim;

import java.util.Comparator;

/**
 * An entry of the event queue. At the same instant a fault comes first, then deliveries, then timers (a message
 * that arrives exactly at a deadline is heard before the deadline fires), then the order of scheduling: so the run
 * is fixed by the seed.
 */
record Pending(long atMicros, int order, long sequence, int server, Object what, long generation) {
    static final int FAULT = 0;
    static final int DELIVERY = 1;
    static final int TIMER = 2;

    static final Comparator<Pending> ORDER = Comparator.comparingLong(Pending::atMicros)
            .thenComparingInt(Pending::order)
            .thenComparingLong(Pending::sequence);
}
