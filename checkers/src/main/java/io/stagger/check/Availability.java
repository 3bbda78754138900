package io.stagger.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;
import java.util.List;

/** Maelstrom's --availability: the fraction of client operations that must succeed (a number, or total = all). */
public final class Availability {
    private Availability() {}

    /** expected is null (always valid), "total", or a fraction from 0 to 1. */
    public static CheckResult check(List<History.Pair> pairs, String expected) {
        long ok = pairs.stream().filter(History.Pair::ok).count();
        double fraction = pairs.isEmpty() ? 1 : (double) ok / pairs.size();
        ObjectNode details = Json.object().put("ok-fraction", Math.round(fraction * 10_000) / 10_000.0)
                .put("ok-count", ok).put("op-count", pairs.size());
        if (expected == null) {
            return CheckResult.valid(details);
        }
        double required = expected.equals("total") ? 1 : Double.parseDouble(expected);
        details.put("expected", expected);
        if (fraction < required) {
            return CheckResult.invalid(String.format(java.util.Locale.ROOT,
                    "only %.2f%% of operations succeeded, %s required", fraction * 100,
                    expected.equals("total") ? "all" : required * 100 + "%"), details);
        }
        return CheckResult.valid(details);
    }
}
