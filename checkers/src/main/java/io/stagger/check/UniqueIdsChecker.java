package io.stagger.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;
import java.util.HashMap;
import java.util.Map;

/** Maelstrom's unique-ids checker: no id was returned by two generate operations. */
public final class UniqueIdsChecker implements Checker {
    @Override
    public CheckResult check(CheckContext context) {
        Map<JsonNode, Integer> counts = new HashMap<>();
        int attempted = 0;
        for (History.Pair pair : History.pairs(context.history())) {
            attempted++;
            if (pair.ok()) {
                counts.merge(pair.complete().value(), 1, Integer::sum);
            }
        }
        int acknowledged = counts.values().stream().mapToInt(Integer::intValue).sum();
        ObjectNode duplicated = Json.object();
        counts.forEach((id, count) -> {
            if (count > 1 && duplicated.size() < 20) {
                duplicated.put(Json.write(id), count);
            }
        });
        long duplicatedCount = counts.values().stream().filter(c -> c > 1).count();
        ObjectNode details = Json.object().put("attempted-count", attempted).put("acknowledged-count", acknowledged)
                .put("duplicated-count", duplicatedCount);
        details.set("duplicated", duplicated);
        if (duplicatedCount > 0) {
            return CheckResult.invalid(duplicatedCount + " ids were generated more than once", details);
        }
        return CheckResult.valid(details);
    }
}
