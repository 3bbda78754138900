package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Maelstrom's broadcast: broadcast a value, read all values a node has seen. Like Jepsen's set-full checker, every
 * acknowledged value must be in every node's final read (after the heal and recovery), and no read may hold a value
 * that was never broadcast.
 */
public final class BroadcastWorkload implements Generator, OpClient {
  private final String topology;
  private final AtomicInteger nextValue = new AtomicInteger();

  public BroadcastWorkload(String topology) {
    this.topology = topology;
  }

  @Override
  public List<Request> setup(List<String> nodeIds) {
    Map<String, List<String>> neighbours = Topology.of(topology, nodeIds);
    List<Request> requests = new ArrayList<>();
    for (String node : nodeIds) {
      ObjectNode body = Json.object().put("type", "topology");
      ObjectNode map = body.putObject("topology");
      neighbours.forEach((n, list) -> list.forEach(map.withArray(n)::add));
      requests.add(new Request("topology", NullNode.instance, body, node));
    }
    return requests;
  }

  @Override
  public Request next(int process, SplittableRandom random) {
    if (random.nextBoolean()) {
      int value = nextValue.getAndIncrement();
      return Request.to("broadcast", IntNode.valueOf(value),
          Json.object().put("type", "broadcast").put("message", value));
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
      JsonNode messages = reply.get("messages");
      return messages != null && messages.isArray() ? Completion.ok(messages)
          : Completion.info("read_ok without a messages array");
    }
    return Completion.ok(request.value());
  }
}
