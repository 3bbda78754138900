package io.stagger.harness.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.net.Envelope;
import io.stagger.harness.net.Network;
import io.stagger.history.History;

/** Registers Maelstrom's services with the network, and sends their replies. */
public final class Services {
    private Services() {}

    public static void registerAll(Network network) {
        registerAll(network, null);
    }

    /** As above; with a history, every change of lin-kv's name-server key is recorded in it (see KvService). */
    public static void registerAll(Network network, History history) {
        for (String name : new String[] {"lin-kv", "seq-kv", "lww-kv"}) {
            network.register(name, new KvService(name, network, name.equals("lin-kv") ? history : null), false);
        }
        network.register(TsoService.NAME, new TsoService(network), false);
    }

    static void reply(Network network, String service, Envelope request, ObjectNode reply) {
        if (request.body().has("msg_id")) {
            reply.set("in_reply_to", request.body().get("msg_id"));
        }
        network.sendFromRouter(Envelope.of(service, request.src(), reply));
    }
}
