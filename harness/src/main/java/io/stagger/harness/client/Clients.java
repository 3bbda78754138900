package io.stagger.harness.client;

import io.stagger.harness.net.Network;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates clients with Maelstrom's ids c0, c1, ... and registers them with the network. */
public final class Clients {
    private final Network network;
    private final AtomicInteger next = new AtomicInteger();

    public Clients(Network network) {
        this.network = network;
    }

    public Client create() {
        Client client = new Client("c" + next.getAndIncrement(), network);
        network.registerClient(client.id(), client);
        return client;
    }
}
