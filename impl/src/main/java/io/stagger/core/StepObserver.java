package io.stagger.core;

/** Told of every step a server takes, after it took it: the hook for traces and tests. */
@FunctionalInterface
public interface StepObserver {

    /** {@code server} took {@code action} because of {@code cause} at {@code nowMicros}; its state is the state after. */
    void stepped(Server server, Action action, Event cause, long nowMicros);

    /** Tells no one. (A class, not a lambda: it is made in every node's start; see MaelstromNode.) */
    StepObserver NONE = new StepObserver() {
        @Override
        public void stepped(Server server, Action action, Event cause, long nowMicros) {}
    };
}
