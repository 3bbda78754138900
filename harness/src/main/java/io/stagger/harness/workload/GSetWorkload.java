package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.stagger.harness.Json;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Maelstrom's g-set: {"type":"add","element":x} answered by add_ok, and {"type":"read"} answered by read_ok with the
 * whole set as "value" (an array). Half adds of fresh integers, half reads; after recovery, a final read of every
 * live node. The checker is {@code check.SetChecker.gSet()}.
 */
public final class GSetWorkload implements Generator, OpClient {
  private final AtomicInteger nextElement = new AtomicInteger();

  @Override
  public Request next(int process, SplittableRandom random) {
    if (random.nextBoolean()) {
      int element = nextElement.getAndIncrement();
      return Request.to("add", IntNode.valueOf(element), Json.object().put("type", "add").put("element", element));
    }
    return Request.read(null);
  }

  @Override
  public List<Request> finalRequests(List<String> liveNodes) {
    return liveNodes.stream().map(Request::read).toList();
  }

  @Override
  public Completion complete(Request request, String node, JsonNode reply) {
    if (!OpClient.isOk(request, reply)) {
      return null;
    }
    if (request.f().equals("read")) {
      JsonNode value = reply.get("value");
      return value != null && value.isArray() ? Completion.ok(value)
          : Completion.malformed(true, "read_ok without a value array");
    }
    return Completion.ok(request.value());
  }
}
