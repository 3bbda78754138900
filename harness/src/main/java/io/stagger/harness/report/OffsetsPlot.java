package io.stagger.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.history.Op;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * offsets.svg (kafka): each acknowledged send's offset against the time it was acknowledged, a colour per key, and
 * each successful poll's highest offset of a key as a hollow mark; faults shaded. A key's points should climb.
 */
final class OffsetsPlot {
    private static final int MAX_POINTS = 20_000;
    private static final String[] COLOURS = {"#1565c0", "#2e7d32", "#c62828", "#6a1b9a", "#ef6c00", "#00838f",
            "#5d4037", "#ad1457"};

    private OffsetsPlot() {}

    static void write(List<Op> history, double endSeconds, Path file) throws IOException {
        List<Op> oks = history.stream().filter(op -> op.is(Op.Type.OK) && op.value() != null
                && (op.f().equals("send") || op.f().equals("poll"))).toList();
        double maxOffset = 1;
        for (Op op : oks) {
            maxOffset = Math.max(maxOffset, op.f().equals("send") ? op.value().path("offset").asDouble() : 0);
            for (JsonNode pairs : op.value().path("msgs")) {
                for (JsonNode pair : pairs) {
                    maxOffset = Math.max(maxOffset, pair.path(0).asDouble());
                }
            }
        }
        Chart chart = new Chart("Offsets per key: sends (dots) and polls' highest (rings)", "offset", endSeconds, 0,
                maxOffset * 1.05, false);
        FaultBands.of(history, endSeconds).forEach(b -> chart.band(b.fromSeconds(), b.toSeconds(), b.label()));
        Map<String, String> colours = new HashMap<>();
        int step = Math.max(1, oks.size() / MAX_POINTS);
        for (int i = 0; i < oks.size(); i += step) {
            Op op = oks.get(i);
            double x = chart.x(op.time() / 1e9);
            if (op.f().equals("send")) {
                String key = op.value().path("key").asText();
                chart.svg.circle(x, chart.y(op.value().path("offset").asDouble()), 1.8, colour(colours, key),
                        "key " + key + " offset " + op.value().path("offset").asLong());
            } else {
                op.value().path("msgs").fields().forEachRemaining(entry -> {
                    double highest = -1;
                    for (JsonNode pair : entry.getValue()) {
                        highest = Math.max(highest, pair.path(0).asDouble());
                    }
                    if (highest >= 0) {
                        chart.svg.raw(String.format(java.util.Locale.ROOT,
                                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"none\" stroke=\"%s\"/>", x, chart.y(highest),
                                colour(colours, entry.getKey())));
                    }
                });
            }
        }
        int row = 0;
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(colours).entrySet()) {
            if (row < 20) {
                chart.legend(row++, entry.getValue(), "key " + entry.getKey());
            }
        }
        chart.svg.write(file);
    }

    private static String colour(Map<String, String> colours, String key) {
        return colours.computeIfAbsent(key, k -> COLOURS[colours.size() % COLOURS.length]);
    }
}
