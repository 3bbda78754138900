package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.stagger.harness.Json;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maelstrom's g-counter: add a non-negative delta, read the sum. Each final read (after the heal and recovery) must
 * lie between the sum of acknowledged adds and the sum of adds that may have happened (acknowledged or indeterminate).
 */
public final class GCounterWorkload implements Generator, OpClient {
  @Override
  public Request next(int process, SplittableRandom random) {
    if (random.nextBoolean()) {
      int delta = random.nextInt(5);
      return Request.to("add", IntNode.valueOf(delta), Json.object().put("type", "add").put("delta", delta));
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
      return value != null && value.isIntegralNumber() ? Completion.ok(value)
          : Completion.info("read_ok without an integer value");
    }
    return Completion.ok(request.value());
  }
}
