package io.stagger.harness.report;

import io.stagger.harness.net.Journal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * messages.svg: a Lamport diagram of the run's first messages, like Maelstrom's. One vertical line per participant
 * (nodes, services, clients), time downwards (events evenly spaced in order), an arrow per message from its send to
 * its delivery labelled with its type; dropped messages end in a red cross. Hover an arrow for the whole message.
 */
final class MessageDiagram {
    private static final double COLUMN = 120;
    private static final double ROW = 18;
    private static final double TOP = 50;

    private MessageDiagram() {}

    static void write(List<Journal.Entry> entries, Path file) throws IOException {
        List<String> participants = participants(entries);
        TreeSet<Long> times = new TreeSet<>();
        for (Journal.Entry e : entries) {
            times.add(e.sentNanos());
            times.add(e.deliveredNanos());
        }
        List<Long> order = new ArrayList<>(times);
        double height = TOP + ROW * (order.size() + 2);
        Svg svg = new Svg(COLUMN * (participants.size() + 1), height);
        svg.raw("<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"3\" orient=\"auto\">"
                + "<path d=\"M0,0 L0,6 L7,3 z\" fill=\"#333\"/></marker></defs>");
        for (int i = 0; i < participants.size(); i++) {
            double x = COLUMN * (i + 1);
            svg.text(x, 30, participants.get(i), 13, "middle", "black");
            svg.line(x, TOP - 10, x, height - 10, "#999999", 1, "");
        }
        for (Journal.Entry e : entries) {
            double x1 = COLUMN * (participants.indexOf(e.envelope().src()) + 1);
            double x2 = COLUMN * (participants.indexOf(e.envelope().dest()) + 1);
            double y1 = TOP + ROW * Math.max(0, java.util.Collections.binarySearch(order, e.sentNanos()));
            double y2 = TOP + ROW * Math.max(0, java.util.Collections.binarySearch(order, e.deliveredNanos()));
            String title = Svg.escape(e.envelope().line());
            if (e.dropped() != null) {
                double xm = (x1 + x2) / 2;
                double ym = y1 + ROW;
                svg.raw(String.format(Locale.ROOT, "<g><title>%s (dropped: %s)</title><line x1=\"%.1f\" y1=\"%.1f\" "
                        + "x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c62828\" stroke-dasharray=\"4 3\"/></g>", title, e.dropped(), x1, y1,
                        xm, ym));
                svg.text(xm, ym + 4, "✗", 14, "middle", "#c62828");
                continue;
            }
            if (y2 <= y1) {
                y2 = y1 + ROW / 2;
            }
            svg.raw(String.format(Locale.ROOT, "<g><title>%s</title><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#333\" stroke-width=\"1\" marker-end=\"url(#arrow)\"/></g>", title, x1, y1, x2, y2));
            svg.text((x1 + x2) / 2, (y1 + y2) / 2 - 3, e.envelope().type(), 10, "middle", "#1565c0");
        }
        svg.write(file);
    }

    private static List<String> participants(List<Journal.Entry> entries) {
        Set<String> all = new LinkedHashSet<>();
        for (Journal.Entry e : entries) {
            all.add(e.envelope().src());
            all.add(e.envelope().dest());
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(MessageDiagram::kind).thenComparing(MessageDiagram::number)
                .thenComparing(Comparator.naturalOrder()));
        return sorted;
    }

    /** Nodes first, where most arrows are, then services, then clients. */
    private static int kind(String id) {
        if (id.matches("n\\d+")) {
            return 0;
        }
        return id.matches("c\\d+") ? 2 : 1;
    }

    private static int number(String id) {
        return id.matches("[cn]\\d+") ? Integer.parseInt(id.substring(1)) : 0;
    }
}
