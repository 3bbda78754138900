package io.stagger.harness.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.Json;
import io.stagger.harness.net.Endpoint;
import io.stagger.harness.net.Envelope;
import io.stagger.harness.net.Network;
import java.util.HashMap;
import java.util.Map;

/**
 * Maelstrom's key-value services lin-kv, seq-kv and lww-kv as one linearizable map (every linearizable answer is
 * also a sequentially consistent and a last-write-wins one): read, write, cas with Maelstrom's error codes.
 * Runs on the router thread, so it needs no locking.
 */
public final class KvService implements Endpoint {
  private final String name;
  private final Network network;
  private final Map<JsonNode, JsonNode> values = new HashMap<>();

  public KvService(String name, Network network) {
    this.name = name;
    this.network = network;
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
        reply.put("type", "cas_ok");
      } else {
        Errors.fill(reply, Errors.KEY_DOES_NOT_EXIST, "key does not exist");
      }
    } else if (current.equals(body.get("from"))) {
      values.put(key, body.get("to"));
      reply.put("type", "cas_ok");
    } else {
      Errors.fill(reply, Errors.PRECONDITION_FAILED, "expected " + body.get("from") + " but had " + current);
    }
  }
}
