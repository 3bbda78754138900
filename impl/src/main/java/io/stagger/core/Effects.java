package io.stagger.core;

/**
 * Where the core puts what a step decided: messages to send and timers to arm or cancel. The driver (runtime,
 * simulator, benchmark) applies them; the core never sends or sleeps itself. Passing a sink instead of returning a
 * list keeps the steady-state path free of allocation.
 */
public interface Effects {

    /** Send {@code message} to server {@code to}. */
    void send(String to, Message message);

    /** Arm {@code timer} to fire at {@code deadlineMicros}, replacing any earlier arming of it. */
    void arm(Timer timer, long deadlineMicros);

    /** Cancel {@code timer} if it is armed. */
    void cancel(Timer timer);

    /** Effects that go nowhere: for a caller that only wants the state change. */
    Effects NONE = new Effects() {
        @Override
        public void send(String to, Message message) {}

        @Override
        public void arm(Timer timer, long deadlineMicros) {}

        @Override
        public void cancel(Timer timer) {}
    };
}
