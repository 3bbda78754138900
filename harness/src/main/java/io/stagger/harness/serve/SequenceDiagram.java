package io.stagger.harness.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sequence diagram of the servers, step by step, as SVG: a lifeline per server coloured by its role during each
 * step (MASTER, BACKUP, WAITING, down), a row per step with its number and text, a dot on the server that acted, and
 * an arrow per message from the step that sent it to the step that received it (dashed: never received).
 */
final class SequenceDiagram {
    /** One step: its text, the server that acted (0: none), every server's state after it, highlighted or not. */
    record Step(String text, int actor, List<String> states, boolean highlighted) {}

    /** A message from server {@code from} at step {@code fromStep} to {@code to} at {@code toStep} (-1: never). */
    record Arrow(int from, int fromStep, int to, int toStep, String label) {}

    private static final double COLUMN = 110;
    private static final double LEFT = 50;
    private static final double TOP = 40;
    private static final double ROW = 22;
    private static final int MAX_TEXT = 150;

    private final int servers;
    private final List<Step> steps = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private int loopFrom = -1;
    private int firstNumber = 1;

    SequenceDiagram(int servers) {
        this.servers = servers;
    }

    /** Adds a step; returns its index. */
    int step(Step step) {
        steps.add(step);
        return steps.size() - 1;
    }

    void arrow(Arrow arrow) {
        arrows.add(arrow);
    }

    List<Step> steps() {
        return steps;
    }

    /** The steps from {@code index} on repeat forever (a temporal counterexample's loop). */
    void loopFrom(int index) {
        loopFrom = index;
    }

    /** The number shown for the first step (a window into a long trace starts later). */
    void firstNumber(int number) {
        firstNumber = number;
    }

    String svg() {
        double width = LEFT + COLUMN * servers + 900;
        double height = TOP + ROW * steps.size() + 30;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sequence\" width=\"%.0f\" height=\"%.0f\" "
                        + "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"11\">%n"
                        + "<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                        + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height, width, height));
        for (int s = 1; s <= servers; s++) {
            svg.append(text(x(s), TOP - 20, "n" + s, "middle", "font-weight=\"bold\" font-size=\"13\""));
        }
        for (int k = 0; k < steps.size(); k++) {
            Step step = steps.get(k);
            double y = TOP + k * ROW;
            if (step.highlighted()) {
                svg.append(String.format(Locale.ROOT, "<rect class=\"highlight\" x=\"0\" y=\"%.1f\" width=\"%.0f\" "
                        + "height=\"%.1f\" fill=\"#F3B3B9\"/>%n", y, width, ROW));
            }
            for (int s = 1; s <= servers; s++) {
                String state = s - 1 < step.states().size() ? step.states().get(s - 1) : "";
                String before = k == 0 || s - 1 >= steps.get(k - 1).states().size() ? null : steps.get(k - 1).states()
                        .get(s - 1);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>n%d %s</title></rect>%n", x(s) - 4, y, ROW, colour(state), s, escape(state)));
                if (!state.equals(before) && !state.isEmpty()) {
                    svg.append(text(x(s) + 7, y + 10, state, "start", "font-size=\"9\" fill=\"#555\""));
                }
            }
            if (step.actor() > 0) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#222\"/>%n",
                        x(step.actor()), y + ROW / 2));
            }
            String label = (firstNumber + k) + ". " + step.text();
            svg.append("<text x=\"").append(num(LEFT + COLUMN * servers + 10)).append("\" y=\"")
                    .append(num(y + ROW / 2 + 4)).append("\" class=\"step\"><title>").append(escape(label))
                    .append("</title>").append(escape(label.length() > MAX_TEXT ? label.substring(0, MAX_TEXT) + "…" : label))
                    .append("</text>\n");
        }
        for (Arrow arrow : arrows) {
            double x1 = x(arrow.from());
            double y1 = TOP + arrow.fromStep() * ROW + ROW / 2;
            double x2 = x(arrow.to());
            double y2 = arrow.toStep() < 0 ? TOP + steps.size() * ROW + 10 : TOP + arrow.toStep() * ROW + ROW / 2;
            if (x1 != x2) {
                x2 += x2 > x1 ? -5 : 5;
            }
            svg.append(String.format(Locale.ROOT, "<line class=\"message\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                    + "y2=\"%.1f\" stroke=\"#333\" stroke-width=\"1.2\" marker-end=\"url(#head)\"%s><title>%s</title></line>%n",
                    x1, y1, x2, y2, arrow.toStep() < 0 ? " stroke-dasharray=\"4,3\"" : "", escape(arrow.label()
                            + (arrow.toStep() < 0 ? " (never received)" : ""))));
            svg.append(text((x1 + x2) / 2, (y1 + y2) / 2 - 3, arrow.label(), "middle", "font-size=\"9\" fill=\"#024\""));
        }
        if (loopFrom >= 0) {
            double y1 = TOP + loopFrom * ROW;
            double y2 = TOP + steps.size() * ROW;
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f,%.1f h-8 V%.1f h8\" fill=\"none\" stroke=\"#c62828\" "
                    + "stroke-width=\"2\"/>%n", LEFT - 30, y1, y2));
            svg.append(text(LEFT - 40, y1 - 4, "forever", "start", "fill=\"#c62828\""));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(int server) {
        return LEFT + COLUMN * (server - 0.5);
    }

    static String colour(String state) {
        if (state.startsWith("MASTER")) {
            return "#2e7d32";
        } else if (state.startsWith("BACKUP")) {
            return "#90caf9";
        } else if (state.startsWith("WAITING")) {
            return "#ffd54f";
        } else if (state.startsWith("down")) {
            return "#616161";
        }
        return "#e0e0e0";
    }

    private static String text(double x, double y, String text, String anchor, String extra) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n", x, y, anchor,
                extra, escape(text));
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return Html.escape(text);
    }
}
