package io.stagger.harness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run: its verdict and summary, the command that repeats it, the checkers' anomalies, the plots, the message
 * diagram, the timeline, the election's roles, the trace validation, results.json as tables, and the node logs.
 */
final class RunPage {
    /** The tail of a log shown inline; the whole file is a link away. */
    static final int LOG_TAIL_BYTES = 64 * 1024;

    private static final Pattern ROLE_CHANGE = Pattern.compile("\\b([A-Z]+) -> ([A-Z]+)\\b");

    private RunPage() {}

    static String html(RunSummary run) throws IOException {
        String files = "/store/" + Html.url(run.workload()) + "/" + Html.url(run.id()) + "/";
        StringBuilder body = new StringBuilder();
        body.append("<p>verdict <span class=\"badge\" id=\"verdict\" style=\"background:").append(run.verdict().colour)
                .append("\">").append(run.verdict().label()).append("</span> ");
        if (run.reason() != null && !run.reason().isEmpty()) {
            body.append(Html.escape(run.reason()));
        }
        body.append("</p>\n");
        if (run.results() == null) {
            running(body, run);
            body.append(Polling.script("/api/run/" + Html.url(run.workload()) + "/" + Html.url(run.id())));
            return Html.page(run.workload() + " " + run.id(), body.toString());
        }
        body.append("<table><tr><th>workload</th><td>").append(Html.escape(run.workload())).append("</td></tr><tr><th>seed"
                + "</th><td>").append(Html.escape(run.seed())).append("</td></tr><tr><th>nodes</th><td>")
                .append(Html.escape(run.nodeCount())).append("</td></tr><tr><th>nemesis</th><td>")
                .append(Html.escape(run.nemeses())).append("</td></tr><tr><th>figures</th><td>")
                .append(Html.escape(run.figures())).append("</td></tr></table>\n");
        String command = ReproduceCommand.of(run.results());
        if (command != null) {
            body.append("<h2>Reproduce</h2>\n<pre class=\"command\" id=\"command\">").append(Html.escape(command))
                    .append("</pre>\n");
        }
        anomalies(body, run.results());
        body.append("<h2>Timeline</h2>\n<p><a href=\"timeline.html\">timeline.html</a>: every operation per client "
                + "process, from invocation to completion.</p>\n<iframe class=\"timeline\" id=\"timeline\" "
                + "src=\"timeline.html\"></iframe>\n");
        if (run.results().path("workload").has("failover-ms")) {
            body.append("<h2>Roles</h2>\n<img class=\"plot\" id=\"roles\" alt=\"each node's role over time\" "
                    + "src=\"roles.svg\">\n");
            roleChanges(body, run.files("node-logs"));
        }
        body.append("<h2>Plots</h2>\n");
        for (String plot : List.of("latency.svg", "rate.svg")) {
            if (run.file(plot).isPresent()) {
                body.append("<img class=\"plot\" alt=\"").append(plot).append("\" src=\"").append(files).append(plot)
                        .append("\"><br>\n");
            }
        }
        if (run.file("messages.svg").isPresent()) {
            body.append("<h2>Messages</h2>\n<p>The first messages as a Lamport diagram; hover over an arrow for the "
                    + "message.</p>\n<object class=\"plot\" type=\"image/svg+xml\" data=\"").append(files)
                    .append("messages.svg\">messages.svg</object>\n");
        }
        traceValidation(body, run);
        body.append("<h2>results.json</h2>\n").append(JsonTables.html(run.results())).append('\n');
        logs(body, run, files);
        return Html.page(run.workload() + " " + run.id(), body.toString());
    }

    private static void running(StringBuilder body, RunSummary run) throws IOException {
        long quietSeconds = (System.currentTimeMillis() - run.modifiedMillis()) / 1000;
        if (run.verdict() == Verdict.RUNNING) {
            body.append("<p>This run is still going on (last written ").append(quietSeconds)
                    .append(" s ago); this page reloads when its verdict is in.</p>\n");
        } else {
            body.append("<p>This run stopped without writing results.json (last written ")
                    .append(Duration.ofSeconds(quietSeconds).toMinutes()).append(" minutes ago).</p>\n");
        }
        Optional<Path> log = run.file("harness.log");
        if (log.isPresent()) {
            body.append("<h2>harness.log</h2>\n<pre>").append(Html.escape(tail(log.get()))).append("</pre>\n");
        }
    }

    /** The checkers' verdicts and whatever they name as wrong: reasons, violations, problems, failovers. */
    private static void anomalies(StringBuilder body, JsonNode results) {
        body.append("<h2>Checkers</h2>\n<table><tr><th>checker</th><th>valid?</th><th>reason and anomalies</th></tr>");
        for (Iterator<Map.Entry<String, JsonNode>> fields = results.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode check = field.getValue();
            if (!check.isObject() || !check.has("valid?")) {
                continue;
            }
            Verdict verdict = Verdict.of(check.get("valid?"));
            body.append("<tr><td>").append(Html.escape(field.getKey())).append("</td><td style=\"background:")
                    .append(verdict.colour).append("\">").append(verdict.label()).append("</td><td>")
                    .append(Html.escape(check.path("reason").asText("")));
            for (String anomaly : List.of("violations", "failovers", "problems", "lost", "unexpected")) {
                if (check.has(anomaly) && !check.get(anomaly).isEmpty()) {
                    body.append("<details><summary>").append(anomaly).append("</summary>")
                            .append(JsonTables.html(check.get(anomaly))).append("</details>");
                }
            }
            body.append("</td></tr>");
        }
        body.append("</table>\n");
        if (results.path("problems").size() > 0) {
            body.append("<p>Problems: ").append(JsonTables.html(results.get("problems"))).append("</p>\n");
        }
    }

    /** The role changes each node logged, in order (node logs carry no times; the chart above places them). */
    private static void roleChanges(StringBuilder body, List<Path> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        body.append("<details><summary>role changes in the node logs</summary><table><tr><th>node</th><th>changes, "
                + "in order</th></tr>");
        for (Path file : files) {
            List<String> changes = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher change = ROLE_CHANGE.matcher(line);
                if (line.contains("init:")) {
                    changes.add("(start)");
                } else if (change.find()) {
                    changes.add(change.group(1) + " → " + change.group(2));
                }
            }
            body.append("<tr><td>").append(Html.escape(file.getFileName().toString())).append("</td><td>")
                    .append(Html.escape(String.join(", ", changes))).append("</td></tr>");
        }
        body.append("</table></details>\n");
    }

    private static void traceValidation(StringBuilder body, RunSummary run) throws IOException {
        Optional<Path> verdict = run.file("trace-validation.txt");
        if (verdict.isEmpty()) {
            return;
        }
        body.append("<h2>Trace validation</h2>\n<pre>").append(Html.escape(Files.readString(verdict.get(),
                StandardCharsets.UTF_8))).append("</pre>\n");
        if (run.file(TracePage.TRACE_DATA).isPresent()) {
            body.append("<p><a href=\"trace\">the trace as a sequence diagram</a></p>\n");
        }
    }

    private static void logs(StringBuilder body, RunSummary run, String files) throws IOException {
        body.append("<h2>Files</h2>\n<ul>");
        for (Path file : run.files("")) {
            String name = file.getFileName().toString();
            {
                body.append("<li><a href=\"").append(files).append(Html.url(name)).append("\">").append(Html.escape(name))
                        .append("</a> <span class=\"muted\">").append(Files.size(file)).append(" bytes</span></li>");
            }
        }
        body.append("</ul>\n<h2>Node logs</h2>\n");
        for (Path log : run.files("node-logs")) {
            String name = log.getFileName().toString();
            body.append("<details><summary><a href=\"").append(files).append("node-logs/").append(Html.url(name))
                    .append("\">").append(Html.escape(name)).append("</a> <span class=\"muted\">").append(Files.size(log))
                    .append(" bytes</span></summary><pre>").append(Html.escape(tail(log))).append("</pre></details>\n");
        }
    }

    /** The last {@link #LOG_TAIL_BYTES} of a file. */
    static String tail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            return (start > 0 ? "… (the last " + LOG_TAIL_BYTES / 1024 + " KiB)\n" : "")
                    + new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
