package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.Json;
import io.stagger.harness.check.CheckResult;
import io.stagger.harness.check.ElectionChecker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The product's workload: clients ask every node {"type":"master"} periodically; a node answers master_ok with the
 * master it recognises, its role, epoch and rank. The checker is {@link ElectionChecker}.
 */
public final class ElectionWorkload implements Workload {
  private final Map<String, String> recognisedMaster = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "election";
  }

  @Override
  public Defaults defaults() {
    return Defaults.PRODUCT;
  }

  @Override
  public Request next(int process, SplittableRandom random) {
    return Request.to("master", NullNode.instance, Json.object().put("type", "master"));
  }

  @Override
  public List<Request> finalRequests(List<String> liveNodes) {
    return liveNodes.stream()
        .map(node -> new Request("master", NullNode.instance, Json.object().put("type", "master"), node))
        .toList();
  }

  @Override
  public boolean idempotent(String f) {
    return true;
  }

  @Override
  public Completion complete(Request request, String node, JsonNode reply) {
    if (!Workload.isOk(request, reply)) {
      return null;
    }
    ObjectNode view = Json.object();
    view.set("master", reply.path("master").isTextual() ? reply.get("master") : NullNode.instance);
    view.put("role", reply.path("role").asText("?"));
    if (reply.has("epoch")) {
      view.set("epoch", reply.get("epoch"));
    }
    if (reply.has("rank")) {
      view.set("rank", reply.get("rank"));
    }
    if (view.get("master").isTextual()) {
      recognisedMaster.put(node, view.get("master").asText());
    } else {
      recognisedMaster.remove(node);
    }
    return Completion.ok(view);
  }

  @Override
  public void nodeKilled(String node) {
    recognisedMaster.remove(node);
  }

  @Override
  public String likelyMaster() {
    Map<String, Integer> votes = new HashMap<>();
    recognisedMaster.values().forEach(m -> votes.merge(m, 1, Integer::sum));
    return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  @Override
  public CheckResult check(CheckContext context) {
    return new ElectionChecker(context).check();
  }
}
