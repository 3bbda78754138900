package io.stagger.harness.report;

import io.stagger.check.PnCounterChecker;
import io.stagger.history.Op;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * counter.svg (pn-counter): each read's value against its invocation time, over a grey bar from its lower to its
 * upper bound; green within them, red outside, final reads larger; faults shaded.
 */
final class CounterPlot {
    private static final int MAX_POINTS = 20_000;

    private CounterPlot() {}

    static void write(List<Op> history, double endSeconds, Path file) throws IOException {
        List<PnCounterChecker.BoundedRead> reads = PnCounterChecker.reads(history);
        double min = 0;
        double max = 1;
        for (PnCounterChecker.BoundedRead read : reads) {
            min = Math.min(min, Math.min(read.lower(), read.value()));
            max = Math.max(max, Math.max(read.upper(), read.value()));
        }
        double margin = (max - min) * 0.05 + 1;
        Chart chart = new Chart("Counter reads and their bounds", "value read", endSeconds, min - margin, max + margin,
                false);
        FaultBands.of(history, endSeconds).forEach(b -> chart.band(b.fromSeconds(), b.toSeconds(), b.label()));
        int step = Math.max(1, reads.size() / MAX_POINTS);
        for (int i = 0; i < reads.size(); i += step) {
            PnCounterChecker.BoundedRead read = reads.get(i);
            double x = chart.x(read.invokedNanos() / 1e9);
            chart.svg.line(x, chart.y(read.lower()), x, chart.y(read.upper()), "#bdbdbd", 2, "");
            chart.svg.circle(x, chart.y(read.value()), read.isFinal() ? 3 : 1.8, read.inBounds() ? "#2e7d32" : "#c62828",
                    read.node() + " read " + read.value() + " in [" + read.lower() + ", " + read.upper() + "]");
        }
        chart.legend(0, "#bdbdbd", "bounds");
        chart.legend(1, "#2e7d32", "read in bounds");
        chart.legend(2, "#c62828", "read out of bounds");
        chart.svg.write(file);
    }
}
