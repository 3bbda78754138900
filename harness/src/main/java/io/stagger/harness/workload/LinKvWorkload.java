package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import java.util.SplittableRandom;

/**
 * Maelstrom's lin-kv: read, write and cas on a few keys; the history of each key must be linearizable as a single
 * register (a read of a missing key, error 20, reads null). Values in the history are [key, value] pairs.
 */
public final class LinKvWorkload implements Generator, OpClient {
    private static final int VALUES = 5;
    private final int keyCount;

    public LinKvWorkload(int keyCount) {
        this.keyCount = keyCount;
    }

    @Override
    public Request next(int process, SplittableRandom random) {
        int key = random.nextInt(keyCount);
        ArrayNode value = Json.MAPPER.createArrayNode().add(key);
        ObjectNode body = Json.object().put("key", key);
        int choice = random.nextInt(3);
        if (choice == 0) {
            value.addNull();
            body.put("type", "read");
            return Request.to("read", value, body);
        }
        if (choice == 1) {
            int v = random.nextInt(VALUES);
            value.add(v);
            body.put("type", "write").put("value", v);
            return Request.to("write", value, body);
        }
        int from = random.nextInt(VALUES);
        int to = random.nextInt(VALUES);
        value.addArray().add(from).add(to);
        body.put("type", "cas").put("from", from).put("to", to);
        return Request.to("cas", value, body);
    }

    @Override
    public Completion complete(Request request, String node, JsonNode reply) {
        if (request.f().equals("read") && reply.path("type").asText().equals("error") && reply.path("code").asInt() == 20) {
            return Completion.ok(Json.MAPPER.createArrayNode().add(request.value().get(0)).addNull());
        }
        if (!OpClient.isOk(request, reply)) {
            return null;
        }
        if (request.f().equals("read")) {
            return Completion.ok(Json.MAPPER.createArrayNode().add(request.value().get(0))
                    .add(reply.has("value") ? reply.get("value") : NullNode.instance));
        }
        return Completion.ok(request.value());
    }
}
