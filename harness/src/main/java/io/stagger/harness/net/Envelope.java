package io.stagger.harness.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;

/**
 * One Maelstrom message: source, destination, body, and its JSON line as sent to a node's stdin. The sender is who
 * put it on the network: usually its src, but a node may forward a client's request under the client's src (as
 * Maelstrom's Raft demo does); faults and statistics follow the sender, delivery follows dest.
 */
public record Envelope(String sender, String src, String dest, JsonNode body, String line) {

  /** A message that the harness itself creates (a client's request, a service's reply). */
  public static Envelope of(String src, String dest, ObjectNode body) {
    ObjectNode message = Json.object();
    message.put("src", src);
    message.put("dest", dest);
    message.set("body", body);
    return new Envelope(src, src, dest, body, Json.write(message));
  }

  public String type() {
    JsonNode type = body.get("type");
    return type == null ? "?" : type.asText();
  }
}
