package io.stagger.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import java.util.Arrays;

/** Summary of a sample in milliseconds: count, min, p50, p95, p99, max (nearest-rank percentiles). */
public final class Percentiles {
    private Percentiles() {}

    public static double of(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static ObjectNode summary(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        ObjectNode json = Json.object().put("count", sorted.length);
        if (sorted.length > 0) {
            json.put("min", round(sorted[0]));
            json.put("p50", round(of(sorted, 0.5)));
            json.put("p95", round(of(sorted, 0.95)));
            json.put("p99", round(of(sorted, 0.99)));
            json.put("max", round(sorted[sorted.length - 1]));
        }
        return json;
    }

    public static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
