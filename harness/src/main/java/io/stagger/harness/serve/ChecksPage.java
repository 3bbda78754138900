package io.stagger.harness.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The model checker's reports ({@code report.md} of each {@code bin/stagger check} run, and matrix reports) and the
 * trace validations (of {@code bin/stagger check --trace}, and of harness runs with --validate-trace).
 */
final class ChecksPage {
    /** How deep under a report directory reports are looked for. */
    static final int DEPTH = 4;

    private static final Pattern TITLE = Pattern.compile("^# (.+?): (.+)$");
    private static final Pattern ROW = Pattern.compile("^\\| (distinct states|wall time) \\| (.+) \\|$");

    private ChecksPage() {}

    static String html(List<SafeFiles> roots, List<RunSummary> runs) throws IOException {
        StringBuilder reports = new StringBuilder();
        StringBuilder traces = new StringBuilder();
        for (int k = 0; k < roots.size(); k++) {
            SafeFiles root = roots.get(k);
            for (String relative : candidates(root.root())) {
                if (relative.endsWith(".md")) {
                    String href = "/check/" + k + "/" + path(relative);
                    root.file(relative).ifPresent(file -> reportRow(reports, href, relative, file));
                } else if (relative.endsWith("TraceData.tla")) {
                    String directory = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : "";
                    String verdict = root.file(directory.isEmpty() ? TracePage.REPORT : directory + "/" + TracePage.REPORT)
                            .map(ChecksPage::read).orElse(null);
                    traceRow(traces, "/check-trace/" + k + "/" + path(directory), root.root().getFileName() + "/" + directory,
                            verdict);
                }
            }
        }
        for (RunSummary run : runs) {
            if (run.file(TracePage.TRACE_DATA).isPresent()) {
                traceRow(traces, run.href() + "trace", "run " + run.key(), run.file("trace-validation.txt")
                        .map(ChecksPage::read).orElse(null));
            }
        }
        StringBuilder body = new StringBuilder("<p class=\"muted\">Report directories: ");
        roots.forEach(root -> body.append("<code>").append(Html.escape(root.root().toString())).append("</code> "));
        body.append("</p>\n<h2>Model checks</h2>\n");
        if (reports.length() == 0) {
            body.append("<p>No reports yet: <code>bin/stagger check</code> writes one per configuration.</p>\n");
        } else {
            body.append("<table id=\"reports\"><tr><th>report</th><th>verdict</th><th>distinct states</th>"
                    + "<th>wall time</th></tr>\n").append(reports).append("</table>\n");
        }
        body.append("<h2>Trace validations</h2>\n");
        if (traces.length() == 0) {
            body.append("<p>None yet: <code>bin/stagger check --trace DIR</code>, or <code>bin/stagger test ... "
                    + "--validate-trace</code>.</p>\n");
        } else {
            body.append("<table id=\"traces\"><tr><th>trace</th><th>verdict</th></tr>\n").append(traces)
                    .append("</table>\n");
        }
        return Html.page("model checks and trace validations", body.toString());
    }

    private static void reportRow(StringBuilder rows, String href, String relative, Path file) {
        List<String> lines = read(file).lines().limit(40).toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
            return;
        }
        String verdict;
        Verdict colour;
        if (lines.get(0).startsWith("# Model-checking matrix")) {
            verdict = "matrix";
            colour = Verdict.RUNNING;
        } else {
            Matcher title = TITLE.matcher(lines.get(0));
            verdict = title.matches() ? title.group(2) : "";
            colour = verdict.startsWith("pass") ? Verdict.VALID : verdict.startsWith("FAIL") ? Verdict.INVALID
                    : Verdict.UNKNOWN;
        }
        String states = "";
        String wall = "";
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                if (row.group(1).equals("distinct states")) {
                    states = row.group(2);
                } else {
                    wall = row.group(2);
                }
            }
        }
        rows.append("<tr class=\"report ").append(colour.label()).append("\" style=\"background:").append(colour.colour)
                .append("\"><td><a href=\"").append(href).append("\">")
                .append(Html.escape(relative)).append("</a></td><td>").append(Html.escape(verdict)).append("</td><td class="
                        + "\"num\">").append(Html.escape(states)).append("</td><td class=\"num\">").append(Html.escape(wall))
                .append("</td></tr>\n");
    }

    private static void traceRow(StringBuilder rows, String href, String name, String verdict) {
        Verdict colour = verdict == null ? Verdict.UNKNOWN : verdict.contains("ACCEPTED") ? Verdict.VALID
                : verdict.contains("REJECTED") ? Verdict.INVALID : Verdict.UNKNOWN;
        String firstLine = verdict == null ? "no verdict written" : verdict.lines().findFirst().orElse("");
        rows.append("<tr class=\"trace ").append(colour.label()).append("\" style=\"background:").append(colour.colour)
                .append("\"><td><a href=\"").append(href).append("\">").append(Html.escape(name)).append("</a></td><td>")
                .append(Html.escape(firstLine)).append("</td></tr>\n");
    }

    /**
     * Every report.md, matrix report and validated TraceData.tla (TLC ran on it) under the root, as relative paths,
     * without following links.
     */
    private static List<String> candidates(Path root) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, DEPTH)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = root.relativize(file).toString().replace('\\', '/');
                String name = file.getFileName().toString();
                boolean validated = name.equals("TraceData.tla") && (Files.exists(file.resolveSibling("tlc.log"))
                        || Files.exists(file.resolveSibling(TracePage.REPORT)));
                if (!relative.contains("states/") && (name.equals("report.md") || validated
                        || (name.endsWith(".md") && read(file).startsWith("# Model-checking matrix")))) {
                    found.add(relative);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    private static String path(String relative) {
        StringBuilder out = new StringBuilder();
        for (String segment : relative.split("/")) {
            out.append(out.length() == 0 ? "" : "/").append(Html.url(segment));
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
