package io.stagger.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.check.linear.KeyHistory;
import io.stagger.check.linear.RegisterModel;
import io.stagger.history.Op;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A page per key that is not linearizable (as Porcupine's visualisation): the key's operations on a time line, a
 * row per process, the longest linearizable prefix marked with its order and linearization points, and the
 * operations that cannot be placed after it; plain SVG and a few lines of JavaScript (details on hover, a slider
 * through the linearization's steps).
 */
public final class LinearizabilityPage {
    /** Where the pages go, under the run's directory. */
    public static final String DIRECTORY = "linearizability";

    private static final int LEFT = 90;
    private static final int ROW = 30;
    private static final int TOP = 40;

    private static final String STYLE = """
      body { font: 13px sans-serif; margin: 16px; }
      svg text { font: 11px sans-serif; pointer-events: none; }
      .op rect { fill: #e0e0e0; stroke: #888; }
      .op.linearized rect { fill: #b7e1b0; stroke: #2e7d32; }
      .op.unplaceable rect { fill: #ffd8a8; stroke: #e67700; }
      .op.stuck rect { fill: #ffb3b3; stroke: #c62828; stroke-width: 2; }
      .op.indeterminate rect { stroke-dasharray: 4 3; }
      .op:hover rect { stroke: #000; }
      .point { fill: #2e7d32; }
      .linearization { fill: none; stroke: #2e7d32; stroke-width: 1.5; }
      .hidden { display: none; }
      .op.linearized.hidden-step rect { fill: #e0e0e0; stroke: #888; }
      #details { position: sticky; top: 0; background: #fffbe6; border: 1px solid #e6d98c; padding: 6px;
        min-height: 1.4em; }
      table { border-collapse: collapse; margin-top: 12px; } td, th { border: 1px solid #ccc; padding: 2px 6px; }
      """;

    private static final String SCRIPT = """
      const details = document.getElementById('details');
      document.querySelectorAll('.op').forEach(op => op.addEventListener('mouseenter', () => {
        details.textContent = op.dataset.describe;
      }));
      const slider = document.getElementById('step');
      const shown = document.getElementById('shown');
      function show(n) {
        document.querySelectorAll('.point').forEach(p => p.classList.toggle('hidden', +p.dataset.order > n));
        document.querySelectorAll('.op.linearized').forEach(o => o.classList.toggle('hidden-step',
            +o.dataset.order > n));
        shown.textContent = n;
      }
      slider.addEventListener('input', () => show(+slider.value));
      show(+slider.value);
      """;

    private LinearizabilityPage() {}

    /**
     * Writes a page for every key the workload's linearizability check found invalid, and names it in that key's
     * results ("page", relative to the run's directory). Results without linearizability keys are left as they are.
     */
    public static void writeAll(Path runDirectory, List<Op> ops, ObjectNode results) throws IOException {
        JsonNode workload = results.path("workload");
        JsonNode keys = workload.path("keys");
        if (!keys.isObject() || !workload.has("model")) {
            return;
        }
        RegisterModel model = new RegisterModel(workload.path("model").asText().equals("kv"),
                RegisterModel.FailedCas.parse(workload.path("failed-cas").asText("did-not-happen")));
        Map<String, KeyHistory> histories = new HashMap<>();
        for (var entry : keys.properties()) {
            if (entry.getValue().path("valid?").isBoolean() && !entry.getValue().path("valid?").asBoolean()) {
                if (histories.isEmpty()) {
                    model.split(ops).forEach(h -> histories.put(h.key(), h));
                }
                KeyHistory history = histories.get(entry.getKey());
                String file = DIRECTORY + "/key-" + entry.getKey().replaceAll("[^A-Za-z0-9_.-]", "_") + ".html";
                Files.createDirectories(runDirectory.resolve(DIRECTORY));
                Files.writeString(runDirectory.resolve(file), html(history, entry.getValue()), StandardCharsets.UTF_8);
                ((ObjectNode) entry.getValue()).put("page", file);
            }
        }
    }

    static String html(KeyHistory history, JsonNode key) {
        Map<Integer, Integer> order = new HashMap<>();
        int step = 0;
        for (JsonNode linearized : key.path("linearized-prefix")) {
            order.put(linearized.path("index").asInt(), ++step);
        }
        Set<Integer> unplaceable = new HashSet<>();
        key.path("unplaceable").forEach(u -> unplaceable.add(u.path("index").asInt()));
        int stuck = key.path("stuck-index").asInt(-1);
        TreeSet<Integer> processes = new TreeSet<>();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int op = 0; op < history.size(); op++) {
            processes.add(history.process(op));
            start = Math.min(start, history.invokeNanos(op));
            end = Math.max(end, history.indeterminate(op) ? history.invokeNanos(op) : history.completeNanos(op));
        }
        long span = Math.max(1, end - start);
        long open = end + span / 20 + 1;
        int width = Math.max(1200, Math.min(100_000, history.size() * 40));
        double scale = (width - LEFT - 20) / (double) (open - start);
        Map<Integer, Integer> rows = new HashMap<>();
        for (int process : processes) {
            rows.put(process, rows.size());
        }
        int height = TOP + rows.size() * ROW + 20;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\">\n");
        for (Map.Entry<Integer, Integer> row : rows.entrySet()) {
            int y = TOP + row.getValue() * ROW;
            svg.append("<text x=\"4\" y=\"").append(y + 15).append("\">process ").append(row.getKey()).append("</text>\n");
        }
        long[] pointTimes = new long[step + 1];
        int[] pointRows = new int[step + 1];
        for (int op = 0; op < history.size(); op++) {
            int index = history.historyIndex(op);
            String kind = order.containsKey(index) ? "linearized" : index == stuck ? "stuck"
                    : unplaceable.contains(index) ? "unplaceable" : "other";
            long from = history.invokeNanos(op);
            long to = history.indeterminate(op) ? open : history.completeNanos(op);
            double x = LEFT + (from - start) * scale;
            double w = Math.max(3, (to - from) * scale);
            int y = TOP + rows.get(history.process(op)) * ROW;
            String describe = history.describeWithTime(op) + ", process " + history.process(op) + (order.containsKey(index) ? ", linearized " + order.get(index) + "." : "")
                    + (kind.equals("stuck") ? ": its completion cannot be passed" : "")
                    + (kind.equals("unplaceable") ? ": cannot be placed after the prefix" : "");
            svg.append("<g class=\"op ").append(kind).append(history.indeterminate(op) ? " indeterminate" : "")
                    .append("\" data-index=\"").append(index).append("\" data-order=\"")
                    .append(order.getOrDefault(index, 0)).append("\" data-describe=\"").append(Svg.escape(describe))
                    .append("\"><rect x=\"").append(num(x)).append("\" y=\"").append(y).append("\" width=\"").append(num(w))
                    .append("\" height=\"20\" rx=\"3\"/><text x=\"").append(num(x + 3)).append("\" y=\"").append(y + 14)
                    .append("\">").append(order.containsKey(index) ? order.get(index) + ". " : "")
                    .append(Svg.escape(history.describe(op))).append("</text></g>\n");
            if (order.containsKey(index)) {
                pointTimes[order.get(index)] = from;
                pointRows[order.get(index)] = y;
            }
        }
        StringBuilder line = new StringBuilder();
        long previous = Long.MIN_VALUE;
        for (int i = 1; i <= step; i++) {
            long at = Math.max(pointTimes[i], previous);
            previous = at;
            double x = LEFT + (at - start) * scale;
            line.append(num(x)).append(',').append(pointRows[i] + 10).append(' ');
            svg.append("<circle class=\"point\" data-order=\"").append(i).append("\" cx=\"").append(num(x))
                    .append("\" cy=\"").append(pointRows[i] + 10).append("\" r=\"4\"/>\n");
        }
        if (step > 1) {
            svg.append("<polyline class=\"linearization\" points=\"").append(line.toString().strip()).append("\"/>\n");
        }
        svg.append("</svg>\n");
        StringBuilder page = new StringBuilder();
        String title = "key " + history.key() + ": not linearizable";
        page.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(Svg.escape(title))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>").append(Svg.escape(title))
                .append("</h1>\n<p>").append(history.size()).append(" operations. The longest linearizable prefix has ")
                .append(step).append(" (green, numbered in their order, with their linearization points); after it, ")
                .append(unplaceable.size()).append(" cannot be placed (orange), and the completion of <b>")
                .append(Svg.escape(key.path("stuck-at").asText())).append("</b> (red) cannot be passed. Dashed: ")
                .append("indeterminate.</p>\n<p><label>Linearization steps shown: <input type=\"range\" id=\"step\" min=\"0\" ")
                .append("max=\"").append(step).append("\" value=\"").append(step).append("\"> <span id=\"shown\"></span>")
                .append("</label></p>\n<div id=\"details\">hover over an operation</div>\n").append(svg);
        page.append("<table id=\"prefix\"><tr><th>#</th><th>history index</th><th>operation</th><th>value after</th></tr>\n");
        int i = 0;
        for (JsonNode linearized : key.path("linearized-prefix")) {
            page.append("<tr><td>").append(++i).append("</td><td>").append(linearized.path("index").asInt())
                    .append("</td><td>").append(Svg.escape(linearized.path("op").asText())).append("</td><td>")
                    .append(Svg.escape(linearized.path("after").toString())).append("</td></tr>\n");
        }
        page.append("</table>\n<h2>Cannot be placed after the prefix</h2>\n<ul id=\"unplaceable\">\n");
        key.path("unplaceable").forEach(u -> page.append("<li>").append(u.path("index").asInt()).append(": ")
                .append(Svg.escape(u.path("op").asText())).append("</li>\n"));
        page.append("</ul>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return page.toString();
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
