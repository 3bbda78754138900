package io.stagger.harness.net;

/** Something the network delivers to: a node process, a client, or a service. Called on the router thread. */
public interface Endpoint {
    void deliver(Envelope envelope);
}
