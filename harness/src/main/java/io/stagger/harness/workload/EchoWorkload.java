package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stagger.history.Json;
import java.util.SplittableRandom;

/** Maelstrom's echo: a node answers {"type":"echo","echo":x} with echo_ok carrying the same x. */
public final class EchoWorkload implements Generator, OpClient {
    @Override
    public Request next(int process, SplittableRandom random) {
        String text = "Please echo " + random.nextInt(128);
        ObjectNode body = Json.object().put("type", "echo").put("echo", text);
        return Request.to("echo", TextNode.valueOf(text), body);
    }

    @Override
    public Completion complete(Request request, String node, JsonNode reply) {
        if (!OpClient.isOk(request, reply)) {
            return null;
        }
        return Completion.ok(reply.path("echo"));
    }
}
