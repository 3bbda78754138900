package io.stagger.harness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.harness.report.RoleChart;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The election checker's failovers from results.json: {@code failovers} maps a kill's time (s) to its outcome. */
final class Failovers {
    private static final Pattern AGREED = Pattern.compile("agreed on a new master after ([0-9.]+) ms");

    private Failovers() {}

    static List<RoleChart.Failover> of(JsonNode results) {
        List<RoleChart.Failover> failovers = new ArrayList<>();
        JsonNode map = results == null ? null : results.path("workload").get("failovers");
        if (map == null || !map.isObject()) {
            return failovers;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = map.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            try {
                Matcher agreed = AGREED.matcher(field.getValue().asText());
                failovers.add(new RoleChart.Failover(Double.parseDouble(field.getKey()),
                        agreed.find() ? Double.valueOf(agreed.group(1)) : null));
            } catch (NumberFormatException e) {
                // A key that is not a time is not a failover this chart can place.
            }
        }
        return failovers;
    }
}
