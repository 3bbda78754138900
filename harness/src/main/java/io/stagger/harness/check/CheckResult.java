package io.stagger.harness.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.Json;

/** A checker's verdict: valid or not, the reason when not, and the figures it measured. */
public record CheckResult(boolean valid, String reason, ObjectNode details) {
  public static CheckResult valid(ObjectNode details) {
    return new CheckResult(true, null, details);
  }

  public static CheckResult invalid(String reason, ObjectNode details) {
    return new CheckResult(false, reason, details);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("valid?", valid);
    if (reason != null) {
      json.put("reason", reason);
    }
    json.setAll(details);
    return json;
  }
}
