package io.stagger.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jepsen's stats checker (counts of ok, fail and info per function; invalid when some function never succeeded)
 * and the latency distribution of each function's successful operations.
 */
public final class Stats {
    private Stats() {}

    public static CheckResult check(List<History.Pair> pairs) {
        Map<String, long[]> counts = new TreeMap<>();
        for (History.Pair pair : pairs) {
            long[] c = counts.computeIfAbsent(pair.invoke().f(), f -> new long[4]);
            c[0]++;
            if (pair.ok()) {
                c[1]++;
            } else if (pair.failed()) {
                c[2]++;
            } else {
                c[3]++;
            }
        }
        ObjectNode details = Json.object();
        ObjectNode byF = details.putObject("by-f");
        String never = null;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            byF.putObject(e.getKey()).put("count", c[0]).put("ok-count", c[1]).put("fail-count", c[2])
                    .put("info-count", c[3]);
            if (c[1] == 0 && never == null) {
                never = e.getKey();
            }
        }
        details.put("count", pairs.size());
        details.put("ok-count", pairs.stream().filter(History.Pair::ok).count());
        if (never != null) {
            return CheckResult.invalid("no " + never + " operation ever succeeded", details);
        }
        return CheckResult.valid(details);
    }

    /** Latency percentiles in ms of successful operations, overall and per function. */
    public static ObjectNode latency(List<History.Pair> pairs) {
        Map<String, List<Double>> byF = new TreeMap<>();
        List<Double> all = new ArrayList<>();
        for (History.Pair pair : pairs) {
            if (pair.ok()) {
                double millis = (pair.complete().time() - pair.invoke().time()) / 1e6;
                all.add(millis);
                byF.computeIfAbsent(pair.invoke().f(), f -> new ArrayList<>()).add(millis);
            }
        }
        ObjectNode json = Json.object();
        json.set("ok", Percentiles.summary(all.stream().mapToDouble(Double::doubleValue).toArray()));
        ObjectNode perF = json.putObject("by-f");
        byF.forEach((f, list) -> perF.set(f, Percentiles.summary(list.stream().mapToDouble(Double::doubleValue)
                .toArray())));
        return json;
    }
}
