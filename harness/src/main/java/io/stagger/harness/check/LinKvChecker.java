package io.stagger.harness.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.Json;
import io.stagger.harness.history.History;
import io.stagger.harness.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Maelstrom's lin-kv checker: the history of each key is linearizable as a single register; values are [key,
 * value] pairs, and a read of a missing key (error 20) reads null. */
public final class LinKvChecker implements Checker {
  @Override
  public CheckResult check(CheckContext context) {
    Map<Integer, List<RegisterOp>> byKey = new TreeMap<>();
    for (History.Pair pair : History.pairs(context.history())) {
      Op invoke = pair.invoke();
      boolean indeterminate = pair.complete() == null || pair.complete().is(Op.Type.INFO);
      if (pair.failed() || (indeterminate && invoke.f().equals("read"))) {
        continue;
      }
      int key = invoke.value().get(0).asInt();
      List<RegisterOp> ops = byKey.computeIfAbsent(key, k -> new ArrayList<>());
      JsonNode argument = invoke.value().get(1);
      JsonNode result = pair.ok() ? pair.complete().value().get(1) : null;
      long completed = pair.complete() == null ? Long.MAX_VALUE : pair.complete().time();
      ops.add(new RegisterOp(ops.size(), invoke.f(), argument, result, invoke.time(), completed, indeterminate));
    }
    ObjectNode details = Json.object();
    ObjectNode keys = details.putObject("keys");
    String reason = null;
    boolean unknown = false;
    for (Map.Entry<Integer, List<RegisterOp>> entry : byKey.entrySet()) {
      Linearizability.Outcome outcome = Linearizability.check(entry.getValue());
      ObjectNode key = keys.putObject(String.valueOf(entry.getKey()));
      key.put("op-count", entry.getValue().size());
      key.put("configurations", outcome.configurations());
      if (outcome.linearizable() == null) {
        key.put("valid?", "unknown");
        unknown = true;
      } else {
        key.put("valid?", outcome.linearizable());
        if (!outcome.linearizable()) {
          key.put("stuck-at", outcome.stuckAt());
          if (reason == null) {
            reason = "key " + entry.getKey() + " is not linearizable: no order of its operations explains "
                + outcome.stuckAt();
          }
        }
      }
    }
    if (reason != null) {
      return CheckResult.invalid(reason, details);
    }
    if (unknown) {
      return CheckResult.invalid("the linearizability search exceeded " + Linearizability.MAX_CONFIGURATIONS
          + " configurations for some key: unknown", details);
    }
    return CheckResult.valid(details);
  }
}
