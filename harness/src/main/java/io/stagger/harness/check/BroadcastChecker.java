package io.stagger.harness.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.Json;
import io.stagger.harness.history.History;
import io.stagger.harness.history.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/** The broadcast checker: like Jepsen's set-full, every acknowledged value is in every node's final read, and no
 * read holds a value that was never broadcast. */
public final class BroadcastChecker implements Checker {
  @Override
  public CheckResult check(CheckContext context) {
    Set<Long> attempted = new HashSet<>();
    Set<Long> acknowledged = new HashSet<>();
    Set<Long> unexpected = new TreeSet<>();
    Map<String, Set<Long>> finalReads = new java.util.TreeMap<>();
    for (History.Pair pair : History.pairs(context.history())) {
      Op invoke = pair.invoke();
      if (invoke.f().equals("broadcast")) {
        attempted.add(invoke.value().asLong());
        if (pair.ok()) {
          acknowledged.add(invoke.value().asLong());
        }
      }
    }
    for (History.Pair pair : History.pairs(context.history())) {
      if (pair.invoke().f().equals("read") && pair.ok()) {
        Set<Long> seen = new HashSet<>();
        pair.complete().value().forEach(v -> seen.add(v.asLong()));
        for (Long value : seen) {
          if (!attempted.contains(value)) {
            unexpected.add(value);
          }
        }
        if (pair.invoke().isFinal()) {
          finalReads.put(pair.invoke().node(), seen);
        }
      }
    }
    Set<Long> lost = new TreeSet<>();
    for (Set<Long> seen : finalReads.values()) {
      for (Long value : acknowledged) {
        if (!seen.contains(value)) {
          lost.add(value);
        }
      }
    }
    ObjectNode details = Json.object().put("attempted-count", attempted.size())
        .put("acknowledged-count", acknowledged.size()).put("lost-count", lost.size())
        .put("unexpected-count", unexpected.size()).put("final-read-count", finalReads.size());
    lost.stream().limit(50).forEach(details.putArray("lost")::add);
    unexpected.stream().limit(50).forEach(details.putArray("unexpected")::add);
    if (!lost.isEmpty()) {
      return CheckResult.invalid(lost.size() + " acknowledged broadcasts are missing from final reads, e.g. "
          + lost.stream().limit(10).toList(), details);
    }
    if (!unexpected.isEmpty()) {
      return CheckResult.invalid(unexpected.size() + " values were read that were never broadcast", details);
    }
    if (finalReads.isEmpty()) {
      return CheckResult.invalid("no final read succeeded", details);
    }
    return CheckResult.valid(details);
  }
}
