package io.stagger.harness.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.net.Endpoint;
import io.stagger.harness.net.Envelope;
import io.stagger.harness.net.Network;
import io.stagger.history.Json;

/** Maelstrom's lin-tso: {"type":"ts"} answers ts_ok with a timestamp larger than every earlier one. */
public final class TsoService implements Endpoint {
    public static final String NAME = "lin-tso";
    private final Network network;
    private long last;

    public TsoService(Network network) {
        this.network = network;
    }

    @Override
    public void deliver(Envelope request) {
        ObjectNode reply = Json.object();
        if (request.body().path("type").asText().equals("ts")) {
            reply.put("type", "ts_ok").put("ts", ++last);
        } else {
            Errors.fill(reply, Errors.NOT_SUPPORTED, NAME + " supports only ts");
        }
        Services.reply(network, NAME, request, reply);
    }
}
