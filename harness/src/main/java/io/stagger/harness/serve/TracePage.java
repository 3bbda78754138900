package io.stagger.harness.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A trace validation: its verdict and a window of its trace as a sequence diagram, the rejected event marked. */
final class TracePage {
    /** Where a harness run with --validate-trace keeps the merged trace, under the run's directory. */
    static final String TRACE_DATA = "trace-check/trace/TraceData.tla";
    /** The verdict {@code stagger check --trace} writes next to TraceData.tla. */
    static final String REPORT = "report.txt";
    /** Events drawn at once. */
    static final int WINDOW = 200;

    private static final Pattern REJECTED = Pattern.compile("REJECTED at event (\\d+) of (\\d+)");

    private TracePage() {}

    /** The verdict in {@code file}, or null if there is none. */
    static String verdict(Path file) throws IOException {
        return file != null && Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    /** The page of the trace in {@code data} (TraceData.tla), whose verdict is in {@code verdictFile}. */
    static String html(String title, Path data, Path verdictFile, String fromParameter) throws IOException {
        if (data == null || !Files.isRegularFile(data)) {
            return Html.page("trace validation " + title, "<p>No TraceData.tla here.</p>");
        }
        String verdict = verdict(verdictFile);
        List<TraceDiagram.Event> events = TraceDiagram.events(Files.readAllLines(data, StandardCharsets.UTF_8));
        int rejected = -1;
        if (verdict != null) {
            Matcher matcher = REJECTED.matcher(verdict);
            if (matcher.find()) {
                rejected = Integer.parseInt(matcher.group(1)) - 1;
            }
        }
        int from = rejected >= 0 ? Math.max(0, rejected - WINDOW + 20) : 0;
        if (fromParameter != null && fromParameter.matches("\\d{1,9}")) {
            from = Math.max(0, Integer.parseInt(fromParameter) - 1);
        }
        from = Math.min(from, Math.max(0, events.size() - 1));
        int to = Math.min(events.size(), from + WINDOW);
        StringBuilder body = new StringBuilder();
        body.append("<pre id=\"trace-verdict\">").append(Html.escape(verdict == null ? "no verdict written" : verdict))
                .append("</pre>\n<p>").append(events.size()).append(" events, merged by time; events ").append(from + 1)
                .append("-").append(to).append(" drawn");
        if (rejected >= 0) {
            body.append(", the rejected event ").append(rejected + 1).append(" in red");
        }
        body.append(". A receive is drawn from the sender's latest event before it. ");
        if (from > 0) {
            body.append("<a href=\"?from=").append(Math.max(1, from + 1 - WINDOW)).append("\">earlier</a> ");
        }
        if (to < events.size()) {
            body.append("<a href=\"?from=").append(to + 1).append("\">later</a>");
        }
        body.append("</p>\n<div class=\"diagram\">").append(TraceDiagram.of(events, from, to, rejected).svg())
                .append("</div>\n");
        return Html.page("trace validation " + title, body.toString());
    }
}
