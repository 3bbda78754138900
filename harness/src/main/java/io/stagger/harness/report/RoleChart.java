package io.stagger.harness.report;

import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The election's roles over time, an SVG: a row per node, coloured by the role the node last answered to a
 * {@code master} probe (MASTER, BACKUP, WAITING), grey while it is killed or its probes go unanswered; faults shaded;
 * each failover of the checker marked from the kill to the moment all live nodes agreed on a new master.
 * Drawn from the history alone, the same answers that the election checker judges.
 */
public final class RoleChart {
    /** One failover as the checker reports it: the kill, and how long until agreement (null: unresolved). */
    public record Failover(double killSeconds, Double agreedAfterMillis) {}

    static final String MASTER = "#2e7d32";
    static final String BACKUP = "#90caf9";
    static final String WAITING = "#ffd54f";
    static final String OTHER = "#ce93d8";
    static final String DOWN = "#616161";
    static final String UNANSWERED = "#e0e0e0";

    private static final double WIDTH = 900;
    private static final double LEFT = 60;
    private static final double RIGHT = 130;
    private static final double TOP = 56;
    private static final double ROW = 26;
    private static final double BOTTOM = 34;

    private record Change(double seconds, String state) {}

    private RoleChart() {}

    /** The SVG document for {@code history}, or null when it holds no answer to a master probe. */
    public static String svg(List<Op> history, List<Failover> failovers) {
        Map<String, List<Change>> changes = changes(history);
        if (changes.isEmpty()) {
            return null;
        }
        double endSeconds = 1;
        for (Op op : history) {
            endSeconds = Math.max(endSeconds, op.time() / 1e9);
        }
        double height = TOP + ROW * changes.size() + BOTTOM;
        Svg svg = new Svg(WIDTH, height);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double end = endSeconds;
        java.util.function.DoubleUnaryOperator x = s -> LEFT + plotWidth * Math.min(s, end) / end;
        svg.text(WIDTH / 2, 16, "Each node's role over time (from its answers to master probes)", 14, "middle", "black");
        int row = 0;
        for (Map.Entry<String, List<Change>> node : changes.entrySet()) {
            double y = TOP + row * ROW;
            svg.text(LEFT - 8, y + ROW / 2 + 4, node.getKey(), 12, "end", "black");
            List<Change> list = node.getValue();
            for (int i = 0; i < list.size(); i++) {
                Change change = list.get(i);
                double to = i + 1 < list.size() ? list.get(i + 1).seconds() : endSeconds;
                double from = x.applyAsDouble(change.seconds());
                svg.raw(String.format(Locale.ROOT, "<rect class=\"role %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                        + "height=\"%.1f\" fill=\"%s\"><title>%s %s from %.3f s to %.3f s</title></rect>",
                        change.state().toLowerCase(Locale.ROOT).replace(' ', '-'), from, y + 3,
                        Math.max(0.5, x.applyAsDouble(to) - from), ROW - 6, colour(change.state()), node.getKey(),
                        Svg.escape(change.state()), change.seconds(), to));
            }
            row++;
        }
        double bottom = TOP + ROW * changes.size();
        for (FaultBands.Band band : FaultBands.of(history, endSeconds)) {
            double from = x.applyAsDouble(band.fromSeconds());
            svg.rect(from, TOP - 6, Math.max(1, x.applyAsDouble(band.toSeconds()) - from), bottom - TOP + 6, "#f4b183",
                    0.3);
            svg.text(from + 2, TOP - 8, band.label(), 9, "start", "#8a4b08");
        }
        for (Failover failover : failovers) {
            double kill = x.applyAsDouble(failover.killSeconds());
            svg.line(kill, TOP - 18, kill, bottom, "#c62828", 1.5, "class=\"failover-kill\"");
            if (failover.agreedAfterMillis() != null) {
                double agreed = x.applyAsDouble(failover.killSeconds() + failover.agreedAfterMillis() / 1000);
                svg.line(agreed, TOP - 18, agreed, bottom, MASTER, 1.5, "stroke-dasharray=\"3,2\" class=\"failover-agreed\"");
                svg.line(kill, TOP - 18, agreed, TOP - 18, "#c62828", 1.5, "");
                svg.text(agreed + 3, TOP - 22, String.format(Locale.ROOT, "failover %.0f ms", failover.agreedAfterMillis()),
                        10, "start", "#c62828");
            } else {
                svg.text(kill + 3, TOP - 22, "failover unresolved", 10, "start", "#c62828");
            }
        }
        for (int i = 0; i <= 10; i++) {
            double seconds = endSeconds * i / 10;
            svg.line(x.applyAsDouble(seconds), bottom, x.applyAsDouble(seconds), bottom + 4, "black", 1, "");
            svg.text(x.applyAsDouble(seconds), bottom + 16, String.format(Locale.ROOT, "%.1f", seconds), 10, "middle",
                    "black");
        }
        svg.text(LEFT + plotWidth / 2, bottom + 30, "time (s)", 11, "middle", "black");
        String[][] legend = {{"MASTER", MASTER}, {"BACKUP", BACKUP}, {"WAITING", WAITING}, {"killed", DOWN},
                {"not answered", UNANSWERED}, {"fault", "#f4b183"}};
        for (int i = 0; i < legend.length; i++) {
            svg.rect(WIDTH - RIGHT + 14, TOP + i * 16, 10, 10, legend[i][1], 1);
            svg.text(WIDTH - RIGHT + 30, TOP + i * 16 + 9, legend[i][0], 11, "start", "black");
        }
        return svg.document();
    }

    /** Per node, in time order, each change of what the chart shows: a role answered, killed, or unanswered. */
    private static Map<String, List<Change>> changes(List<Op> history) {
        Map<String, List<Change>> changes = new TreeMap<>((a, b) -> a.length() != b.length()
                ? Integer.compare(a.length(), b.length()) : a.compareTo(b));
        Map<Integer, String> nodeOfProcess = new LinkedHashMap<>();
        boolean anyAnswer = false;
        for (Op op : history) {
            double seconds = op.time() / 1e9;
            if (op.process() == Op.NEMESIS) {
                if (op.value() != null && op.value().isArray() && (op.f().equals("kill") || op.f().equals("restart"))) {
                    String state = op.f().equals("kill") ? "killed" : "no answer";
                    op.value().forEach(node -> add(changes, node.asText(), seconds, state));
                }
                continue;
            }
            if (!op.f().equals("master")) {
                continue;
            }
            if (op.is(Op.Type.INVOKE)) {
                nodeOfProcess.put(op.process(), op.node());
            } else if (op.is(Op.Type.OK) && op.value() != null && op.value().hasNonNull("role")) {
                anyAnswer = true;
                add(changes, op.node() != null ? op.node() : nodeOfProcess.get(op.process()), seconds,
                        op.value().get("role").asText());
            } else {
                String node = op.node() != null ? op.node() : nodeOfProcess.get(op.process());
                List<Change> list = node == null ? null : changes.get(node);
                if (list != null && !list.get(list.size() - 1).state().equals("killed")) {
                    add(changes, node, seconds, "no answer");
                }
            }
        }
        return anyAnswer ? changes : Map.of();
    }

    private static void add(Map<String, List<Change>> changes, String node, double seconds, String state) {
        if (node == null) {
            return;
        }
        List<Change> list = changes.computeIfAbsent(node, n -> new ArrayList<>());
        if (list.isEmpty() || !list.get(list.size() - 1).state().equals(state)) {
            list.add(new Change(seconds, state));
        }
    }

    static String colour(String state) {
        return switch (state) {
            case "MASTER" -> MASTER;
            case "BACKUP" -> BACKUP;
            case "WAITING" -> WAITING;
            case "killed" -> DOWN;
            case "no answer" -> UNANSWERED;
            default -> OTHER;
        };
    }
}
