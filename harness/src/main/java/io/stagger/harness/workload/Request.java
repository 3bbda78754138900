package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One operation to invoke: its function and value for the history, the message body, and an optional node. */
public record Request(String f, JsonNode value, ObjectNode body, String node) {
  public static Request to(String f, JsonNode value, ObjectNode body) {
    return new Request(f, value, body, null);
  }
}
