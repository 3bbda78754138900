package io.stagger.harness.report;

import java.util.Locale;

/** Axes of a time-series chart: maps seconds and values to SVG coordinates, and draws ticks and labels. */
final class Chart {
    static final double WIDTH = 900;
    static final double HEIGHT = 420;
    static final double LEFT = 70;
    static final double RIGHT = 150;
    static final double TOP = 40;
    static final double BOTTOM = 50;

    final Svg svg = new Svg(WIDTH, HEIGHT);
    private final double maxSeconds;
    private final double minValue;
    private final double maxValue;
    private final boolean logarithmic;

    Chart(String title, String yLabel, double maxSeconds, double minValue, double maxValue, boolean logarithmic) {
        this.maxSeconds = Math.max(maxSeconds, 1e-3);
        this.logarithmic = logarithmic;
        this.minValue = logarithmic ? Math.max(minValue, 0.01) : minValue;
        this.maxValue = Math.max(maxValue, this.minValue * 10);
        svg.text(WIDTH / 2, 24, title, 16, "middle", "black");
        svg.text(LEFT + plotWidth() / 2, HEIGHT - 10, "time (s)", 12, "middle", "black");
        svg.raw(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" font-family=\"sans-serif\" font-size=\"12\" "
                + "transform=\"rotate(-90 16 %.1f)\" text-anchor=\"middle\">%s</text>", TOP + plotHeight() / 2,
                TOP + plotHeight() / 2, Svg.escape(yLabel)));
        svg.line(LEFT, TOP + plotHeight(), LEFT + plotWidth(), TOP + plotHeight(), "black", 1, "");
        svg.line(LEFT, TOP, LEFT, TOP + plotHeight(), "black", 1, "");
        for (int i = 0; i <= 10; i++) {
            double seconds = this.maxSeconds * i / 10;
            svg.text(x(seconds), TOP + plotHeight() + 16, String.format(Locale.ROOT, "%.1f", seconds), 10, "middle",
                    "black");
        }
        for (int i = 0; i <= 5; i++) {
            double value = logarithmic
                    ? Math.pow(10, Math.log10(this.minValue) + (Math.log10(this.maxValue) - Math.log10(this.minValue)) * i / 5)
                    : this.minValue + (this.maxValue - this.minValue) * i / 5;
            svg.text(LEFT - 6, y(value) + 4, String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.0f", value), 10, "end",
                    "black");
            svg.line(LEFT, y(value), LEFT + plotWidth(), y(value), "#dddddd", 0.5, "");
        }
    }

    static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    double x(double seconds) {
        return LEFT + plotWidth() * Math.min(seconds, maxSeconds) / maxSeconds;
    }

    double y(double value) {
        double fraction = logarithmic
                ? (Math.log10(Math.max(value, minValue)) - Math.log10(minValue)) / (Math.log10(maxValue) - Math.log10(minValue))
                : (value - minValue) / (maxValue - minValue);
        return TOP + plotHeight() * (1 - Math.max(0, Math.min(1, fraction)));
    }

    /** A shaded band for a fault's duration. */
    void band(double fromSeconds, double toSeconds, String label) {
        svg.rect(x(fromSeconds), TOP, Math.max(1, x(toSeconds) - x(fromSeconds)), plotHeight(), "#f4b183", 0.35);
        svg.text(x(fromSeconds) + 2, TOP + 10, label, 9, "start", "#8a4b08");
    }

    void legend(int row, String colour, String label) {
        double y = TOP + 10 + row * 16;
        svg.rect(WIDTH - RIGHT + 12, y - 8, 10, 10, colour, 1);
        svg.text(WIDTH - RIGHT + 28, y + 1, label, 11, "start", "black");
    }
}
