package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;

/** One operation to invoke: its function and value for the history, the message body, and an optional node. */
public record Request(String f, JsonNode value, ObjectNode body, String node) {
    public static Request to(String f, JsonNode value, ObjectNode body) {
        return new Request(f, value, body, null);
    }

    /** {"type":"read"} to a node (null: the client's own node), as broadcast and g-counter read. */
    public static Request read(String node) {
        return new Request("read", NullNode.instance, Json.object().put("type", "read"), node);
    }
}
