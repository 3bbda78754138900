package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.harness.history.Op;

/** How a reply completes an operation: its type in the history, its value, and an error text if any. */
public record Completion(Op.Type type, JsonNode value, String error) {
  public static Completion ok(JsonNode value) {
    return new Completion(Op.Type.OK, value, null);
  }

  public static Completion fail(String error) {
    return new Completion(Op.Type.FAIL, null, error);
  }

  public static Completion info(String error) {
    return new Completion(Op.Type.INFO, null, error);
  }
}
