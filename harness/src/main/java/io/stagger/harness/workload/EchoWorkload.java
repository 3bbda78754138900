package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stagger.harness.Json;
import io.stagger.harness.check.CheckResult;
import io.stagger.harness.history.History;
import java.util.SplittableRandom;

/** Maelstrom's echo: a node answers {"type":"echo","echo":x} with echo_ok carrying the same x. */
public final class EchoWorkload implements Workload {
  @Override
  public String name() {
    return "echo";
  }

  @Override
  public Request next(int process, SplittableRandom random) {
    String text = "Please echo " + random.nextInt(128);
    ObjectNode body = Json.object().put("type", "echo").put("echo", text);
    return Request.to("echo", TextNode.valueOf(text), body);
  }

  @Override
  public Completion complete(Request request, String node, JsonNode reply) {
    if (!Workload.isOk(request, reply)) {
      return null;
    }
    return Completion.ok(reply.path("echo"));
  }

  @Override
  public CheckResult check(CheckContext context) {
    int ok = 0;
    int mismatched = 0;
    String firstMismatch = null;
    for (History.Pair pair : History.pairs(context.history())) {
      if (pair.ok()) {
        ok++;
        if (!pair.invoke().value().equals(pair.complete().value())) {
          mismatched++;
          if (firstMismatch == null) {
            firstMismatch = "sent " + pair.invoke().value() + " but got " + pair.complete().value();
          }
        }
      }
    }
    ObjectNode details = Json.object().put("ok-count", ok).put("mismatched-count", mismatched);
    if (mismatched > 0) {
      return CheckResult.invalid(mismatched + " echo replies differ from their requests; first: " + firstMismatch,
          details);
    }
    return CheckResult.valid(details);
  }
}
