package io.stagger.sim;

import io.stagger.core.Event;

/**
 * Something the simulation runs over the election on the same servers, queue, network and clock (the replicated
 * service of {@link ServiceSimulation}). The simulation tells it of every step, every crash, and hands back the
 * events it queued with {@link Simulation#enqueue}.
 */
interface Layer {

    /** Server {@code server} has just stepped on {@code cause} (its role may have changed, or it restarted). */
    void afterStep(int server, Event cause);

    /** Server {@code server} has stopped: it receives nothing until it restarts, and its timers are dropped. */
    void crashed(int server);

    /** An event the layer queued is due. */
    void fire(Pending pending);
}
