package io.stagger.harness.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stagger.harness.net.Endpoint;
import io.stagger.harness.net.Envelope;
import io.stagger.harness.net.Network;
import io.stagger.history.History;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.HashMap;
import java.util.Map;

/**
 * Maelstrom's key-value services lin-kv, seq-kv and lww-kv as one linearizable map (every linearizable answer is
 * also a sequentially consistent and a last-write-wins one): read, write, cas with Maelstrom's error codes.
 * Runs on the router thread, so it needs no locking. Changes of {@link #NAME_KEY}, where the product's master
 * registers itself (claim 27), are recorded in the history, when one is given, as "name-server" events, so that the
 * election checker can report how long each registration lagged its failover.
 */
public final class KvService implements Endpoint {
    /** The key under which the product's master registers itself with the name server. */
    public static final JsonNode NAME_KEY = TextNode.valueOf("stagger-master");

    private final String name;
    private final Network network;
    private final History history;
    private final Map<JsonNode, JsonNode> values = new HashMap<>();

    public KvService(String name, Network network) {
        this(name, network, null);
    }

    public KvService(String name, Network network, History history) {
        this.name = name;
        this.network = network;
        this.history = history;
    }

    private void changed(JsonNode key, JsonNode value) {
        if (history != null && NAME_KEY.equals(key) && value != null) {
            history.add(Op.NEMESIS, Op.Type.INFO, Op.NAME_SERVER_EVENT, value, null, null, false);
        }
    }

    @Override
    public void deliver(Envelope request) {
        JsonNode body = request.body();
        ObjectNode reply = Json.object();
        JsonNode key = body.get("key");
        switch (body.path("type").asText()) {
            case "read":
                if (values.containsKey(key)) {
                    reply.put("type", "read_ok").set("value", values.get(key));
                } else {
                    Errors.fill(reply, Errors.KEY_DOES_NOT_EXIST, "key does not exist");
                }
                break;
            case "write":
                values.put(key, body.get("value"));
                changed(key, body.get("value"));
                reply.put("type", "write_ok");
                break;
            case "cas":
                cas(body, key, reply);
                break;
            default:
                Errors.fill(reply, Errors.NOT_SUPPORTED, name + " does not support " + body.path("type").asText());
        }
        Services.reply(network, name, request, reply);
    }

    private void cas(JsonNode body, JsonNode key, ObjectNode reply) {
        JsonNode current = values.get(key);
        if (current == null) {
            if (body.path("create_if_not_exists").asBoolean(false)) {
                values.put(key, body.get("to"));
                changed(key, body.get("to"));
                reply.put("type", "cas_ok");
            } else {
                Errors.fill(reply, Errors.KEY_DOES_NOT_EXIST, "key does not exist");
            }
        } else if (current.equals(body.get("from"))) {
            values.put(key, body.get("to"));
            changed(key, body.get("to"));
            reply.put("type", "cas_ok");
        } else {
            Errors.fill(reply, Errors.PRECONDITION_FAILED, "expected " + body.get("from") + " but had " + current);
        }
    }
}
