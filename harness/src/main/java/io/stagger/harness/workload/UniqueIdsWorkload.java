package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.stagger.history.Json;
import java.util.SplittableRandom;

/** Maelstrom's unique-ids: generate answers generate_ok with an id that no other generate ever returned. */
public final class UniqueIdsWorkload implements Generator, OpClient {
    @Override
    public Request next(int process, SplittableRandom random) {
        return Request.to("generate", NullNode.instance, Json.object().put("type", "generate"));
    }

    @Override
    public boolean idempotent(String f) {
        return true;
    }

    @Override
    public Completion complete(Request request, String node, JsonNode reply) {
        if (!OpClient.isOk(request, reply)) {
            return null;
        }
        JsonNode id = reply.get("id");
        return id == null ? Completion.info("generate_ok without an id") : Completion.ok(id);
    }
}
