package io.stagger.core;

import java.util.Arrays;

/** What a driver hands to {@link Server#step}: the inputs of the state machine, with the time passed beside them. */
public sealed interface Event permits Event.Start, Event.Restart, Event.Receive, Event.TimerFired {

    /** The initial group is formed (rule 8). */
    record Start() implements Event {
        public static final Start INSTANCE = new Start();
    }

    /** The server comes back after a crash with its state lost (rule 9). */
    record Restart() implements Event {
        public static final Restart INSTANCE = new Restart();
    }

    /** A protocol message from another member of the group. */
    record Receive(String from, Message message) implements Event {}

    /** A timer that the server armed has reached its deadline. */
    record TimerFired(Timer timer) implements Event {
        private static final TimerFired[] EACH = Arrays.stream(Timer.values())
                .map(TimerFired::new).toArray(TimerFired[]::new);

        /** The firing of {@code timer}, one shared instance per timer: a driver fires timers without allocating. */
        public static TimerFired of(Timer timer) {
            return EACH[timer.ordinal()];
        }
    }
}
