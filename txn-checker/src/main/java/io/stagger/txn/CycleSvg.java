package io.stagger.txn;

import java.util.List;
import java.util.Locale;

/**
 * Draws one cycle as an SVG, like Elle's plots: its transactions on a circle, each with its micro-operations, and
 * each edge an arrow labelled with its kind and the key and values that make it.
 */
public final class CycleSvg {
    private static final int RADIUS = 180;
    private static final int MARGIN = 170;
    private static final int MAX_OPS_CHARS = 60;

    private CycleSvg() {}

    public static String render(Anomaly anomaly, Workload workload) {
        List<Anomaly.Step> steps = anomaly.cycle();
        if (steps.isEmpty()) {
            throw new IllegalArgumentException(anomaly.type().text() + " is not a cycle");
        }
        int n = steps.size();
        int size = 2 * (RADIUS + MARGIN);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n", size, size + 40 + 16 * n));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\"/></marker></defs>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                escape(anomaly.type().text() + ": " + anomaly.cycleText())));
        double[] x = new double[n];
        double[] y = new double[n];
        double[] angles = new double[n];
        for (int i = 0; i < n; i++) {
            angles[i] = -Math.PI / 2 + 2 * Math.PI * i / n;
            x[i] = size / 2.0 + RADIUS * Math.cos(angles[i]);
            y[i] = size / 2.0 + RADIUS * Math.sin(angles[i]);
        }
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            Anomaly.Step step = steps.get(i);
            double dx = x[j] - x[i];
            double dy = y[j] - y[i];
            double length = Math.max(1, Math.hypot(dx, dy));
            double shrink = 34 / length;
            double x1 = x[i] + dx * shrink;
            double y1 = y[i] + dy * shrink;
            double x2 = x[j] - dx * shrink;
            double y2 = y[j] - dy * shrink;
            // Bend each arrow outward so that the two arrows of a two-cycle do not overlap.
            double cx = (x1 + x2) / 2 + dy / length * 40;
            double cy = (y1 + y2) / 2 - dx / length * 40;
            String color = color(step.type());
            svg.append(String.format(Locale.ROOT,
                    "<path d=\"M %.1f %.1f Q %.1f %.1f %.1f %.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                            + "marker-end=\"url(#arrow)\"/>%n", x1, y1, cx, cy, x2, y2, color));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\" font-weight=\"bold\">%s</text>%n",
                    (x1 + x2) / 4 + cx / 2, (y1 + y2) / 4 + cy / 2, color, escape(step.type().label())));
        }
        for (int i = 0; i < n; i++) {
            Txn txn = steps.get(i).from();
            svg.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"30\" fill=\"#f4f4f4\" stroke=\"#333\"/>%n", x[i], y[i]));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>%n",
                    x[i], y[i] + 4, escape(txn.name())));
            // The micro-operations go outside the circle, away from the arrows.
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">%s</text>%n",
                    x[i] + 60 * Math.cos(angles[i]), y[i] + 46 * Math.sin(angles[i]) + 4, escape(opsText(txn, workload))));
        }
        int line = size + 10;
        for (Anomaly.Step step : steps) {
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" fill=\"%s\">%s</text>%n", line,
                    color(step.type()), escape(step.because() + " (" + step.type().label() + ")")));
            line += 16;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String opsText(Txn txn, Workload workload) {
        String ops = txn.mopsText(workload);
        return ops.length() > MAX_OPS_CHARS ? ops.substring(0, MAX_OPS_CHARS - 3) + "..." : ops;
    }

    private static String color(EdgeType type) {
        return switch (type) {
            case WW -> "#1f5fbf";
            case WR -> "#2a8a2a";
            case RW -> "#c0392b";
            case PROCESS -> "#8e44ad";
            case REALTIME -> "#b9770e";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
