package io.stagger.harness.report;

import io.stagger.history.History;
import io.stagger.history.Op;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** latency.svg: each operation's latency against its invocation time, coloured by outcome, faults shaded. */
final class LatencyPlot {
    private static final int MAX_POINTS = 20_000;

    private LatencyPlot() {}

    static void write(List<Op> history, double endSeconds, Path file) throws IOException {
        List<History.Pair> pairs = History.pairs(history).stream().filter(p -> p.complete() != null).toList();
        double maxMillis = 1;
        for (History.Pair pair : pairs) {
            maxMillis = Math.max(maxMillis, (pair.complete().time() - pair.invoke().time()) / 1e6);
        }
        Chart chart = new Chart("Latency of client operations", "latency (ms, log scale)", endSeconds, 0.01,
                maxMillis * 1.2, true);
        FaultBands.of(history, endSeconds).forEach(b -> chart.band(b.fromSeconds(), b.toSeconds(), b.label()));
        int step = Math.max(1, pairs.size() / MAX_POINTS);
        for (int i = 0; i < pairs.size(); i += step) {
            History.Pair pair = pairs.get(i);
            double millis = (pair.complete().time() - pair.invoke().time()) / 1e6;
            chart.svg.circle(chart.x(pair.invoke().time() / 1e9), chart.y(millis), 1.8, colour(pair.complete().type()),
                    null);
        }
        chart.legend(0, colour(Op.Type.OK), "ok");
        chart.legend(1, colour(Op.Type.FAIL), "fail");
        chart.legend(2, colour(Op.Type.INFO), "info");
        chart.svg.write(file);
    }

    static String colour(Op.Type type) {
        switch (type) {
            case OK:
                return "#2e7d32";
            case FAIL:
                return "#c62828";
            default:
                return "#ef6c00";
        }
    }
}
