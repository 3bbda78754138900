package io.stagger.maelstrom.examples;

import io.stagger.maelstrom.Json;
import io.stagger.maelstrom.KvClient;
import io.stagger.maelstrom.Node;

/**
 * Maelstrom's lin-kv workload served by the {@code lin-kv} service: each read, write and cas goes to the service and
 * its answer, or its error (20 missing key, 22 cas mismatch, 0 time-out), goes back to the client. Stateless, so a
 * killed and restarted proxy loses nothing.
 */
public final class LinKvProxy {
    /** Registers the handlers on {@code node}. */
    public LinKvProxy(Node node) {
        KvClient kv = KvClient.linKv(node);
        node.on("read", request -> kv.read(request.require("key"), value -> {
            var reply = Json.body("read_ok");
            reply.set("value", value);
            node.reply(request, reply);
        }, error -> node.reply(request, error.toBody())));
        node.on("write", request -> kv.write(request.require("key"), request.require("value"),
                () -> node.reply(request, Json.body("write_ok")), error -> node.reply(request, error.toBody())));
        node.on("cas", request -> kv.cas(request.require("key"), request.require("from"), request.require("to"),
                request.body().path("create_if_not_exists").asBoolean(false),
                () -> node.reply(request, Json.body("cas_ok")), error -> node.reply(request, error.toBody())));
    }

    public static void main(String[] args) {
        Node node = new Node();
        new LinKvProxy(node);
        System.exit(node.run());
    }
}
