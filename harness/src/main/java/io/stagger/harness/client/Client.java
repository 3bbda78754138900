package io.stagger.harness.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.net.Endpoint;
import io.stagger.harness.net.Envelope;
import io.stagger.harness.net.Network;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** A Maelstrom client (c1, c2, ...): sends a request through the network and waits for the reply to its msg_id. */
public final class Client implements Endpoint {
  private final String id;
  private final Network network;
  private final AtomicLong msgIds = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

  Client(String id, Network network) {
    this.id = id;
    this.network = network;
  }

  public String id() {
    return id;
  }

  /** Sends body to dest and returns the reply's body; a reply later than the timeout is discarded. */
  public JsonNode call(String dest, ObjectNode body, long timeoutMillis) throws TimeoutException, InterruptedException {
    long msgId = msgIds.incrementAndGet();
    body.put("msg_id", msgId);
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    waiting.put(msgId, reply);
    try {
      network.send(Envelope.of(id, dest, body));
      return reply.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      waiting.remove(msgId);
    }
  }

  @Override
  public void deliver(Envelope envelope) {
    JsonNode inReplyTo = envelope.body().get("in_reply_to");
    if (inReplyTo != null) {
      CompletableFuture<JsonNode> reply = waiting.get(inReplyTo.asLong());
      if (reply != null) {
        reply.complete(envelope.body());
      }
    }
  }
}
