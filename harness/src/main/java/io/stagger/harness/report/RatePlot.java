package io.stagger.harness.report;

import io.stagger.history.Op;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** rate.svg: completed operations per second, one line per function and outcome, faults shaded. */
final class RatePlot {
    private static final String[] PALETTE = {"#1565c0", "#2e7d32", "#c62828", "#ef6c00", "#6a1b9a", "#00838f",
            "#5d4037", "#9e9d24"};

    private RatePlot() {}

    static void write(List<Op> history, double endSeconds, Path file) throws IOException {
        int buckets = (int) Math.ceil(Math.max(endSeconds, 1));
        Map<String, double[]> series = new TreeMap<>();
        for (Op op : history) {
            if (op.process() == Op.NEMESIS || op.is(Op.Type.INVOKE)) {
                continue;
            }
            String key = op.f() + " " + op.type().name().toLowerCase(java.util.Locale.ROOT);
            int bucket = (int) Math.min(buckets - 1, op.time() / 1_000_000_000L);
            series.computeIfAbsent(key, k -> new double[buckets])[bucket]++;
        }
        double max = 1;
        for (double[] counts : series.values()) {
            for (double c : counts) {
                max = Math.max(max, c);
            }
        }
        Chart chart = new Chart("Throughput of client operations", "operations per second", endSeconds, 0, max * 1.1,
                false);
        FaultBands.of(history, endSeconds).forEach(b -> chart.band(b.fromSeconds(), b.toSeconds(), b.label()));
        int row = 0;
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            String colour = PALETTE[row % PALETTE.length];
            StringBuilder points = new StringBuilder();
            double[] counts = entry.getValue();
            for (int i = 0; i < counts.length; i++) {
                points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", chart.x(i + 0.5), chart.y(counts[i])));
            }
            chart.svg.raw("<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\" points=\"" + points
                    + "\"/>");
            chart.legend(row++, colour, entry.getKey());
        }
        chart.svg.write(file);
    }
}
