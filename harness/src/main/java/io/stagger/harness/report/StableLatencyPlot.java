package io.stagger.harness.report;

import io.stagger.check.SetFull;
import io.stagger.history.Op;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * stable-latency.svg (broadcast, g-set): each element's stable latency (the time until every read shows it) against
 * the time of its add; lost elements as red marks and never-read ones as grey marks along the bottom; faults shaded.
 */
final class StableLatencyPlot {
    private static final int MAX_POINTS = 20_000;

    private StableLatencyPlot() {}

    static void write(List<Op> history, String addF, double endSeconds, Path file) throws IOException {
        List<SetFull.Element> elements = SetFull.analyse(history, addF);
        double maxMillis = 1;
        for (SetFull.Element element : elements) {
            maxMillis = Math.max(maxMillis, element.stableLatencyMillis());
        }
        Chart chart = new Chart("Stable latency of each element (until every read shows it)", "stable latency (ms)",
                endSeconds, 0, maxMillis * 1.1, false);
        FaultBands.of(history, endSeconds).forEach(b -> chart.band(b.fromSeconds(), b.toSeconds(), b.label()));
        int step = Math.max(1, elements.size() / MAX_POINTS);
        for (int i = 0; i < elements.size(); i += step) {
            SetFull.Element element = elements.get(i);
            double x = chart.x(element.addedNanos() / 1e9);
            switch (element.outcome()) {
                case STABLE:
                    chart.svg.circle(x, chart.y(element.stableLatencyMillis()), 1.8, "#2e7d32",
                            element.value() + ": " + element.stableLatencyMillis() + " ms");
                    break;
                case LOST:
                    chart.svg.line(x, chart.y(0), x, chart.y(0) - 8, "#c62828", 1.5, "");
                    break;
                default:
                    chart.svg.line(x, chart.y(0), x, chart.y(0) - 5, "#9e9e9e", 1, "");
                    break;
            }
        }
        chart.legend(0, "#2e7d32", "stable");
        chart.legend(1, "#c62828", "lost");
        chart.legend(2, "#9e9e9e", "never read");
        chart.svg.write(file);
    }
}
