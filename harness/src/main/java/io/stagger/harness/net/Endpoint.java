package io.stagger.harness.net;

/** Something the network delivers to: a node process, a client, or a service. Called on the router thread. */
public interface Endpoint {
    void deliver(Envelope envelope);

    /**
     * The router has delivered every message due for now: an endpoint that gathers what it is delivered (a node's
     * stdin) hands it on here, so that a burst of messages costs one hand-over, not one per message.
     */
    default void delivered() {}
}
