package io.stagger.harness.serve;

import java.util.List;
import java.util.TreeSet;

/** The index: every run, newest first, filtered by workload and verdict, each row coloured by its verdict. */
final class IndexPage {
    private IndexPage() {}

    static String html(List<RunSummary> all, String workload, Verdict verdict) {
        List<RunSummary> runs = all.stream()
                .filter(r -> workload == null || workload.isEmpty() || r.workload().equals(workload))
                .filter(r -> verdict == null || r.verdict() == verdict).toList();
        StringBuilder body = new StringBuilder("<form class=\"filter\" method=\"get\" action=\"/\">workload "
                + "<select name=\"workload\" id=\"workload\" onchange=\"this.form.submit()\"><option value=\"\">all</option>");
        for (String name : new TreeSet<>(all.stream().map(RunSummary::workload).toList())) {
            body.append("<option").append(name.equals(workload) ? " selected" : "").append(" value=\"")
                    .append(Html.escape(name)).append("\">").append(Html.escape(name)).append("</option>");
        }
        body.append("</select> verdict <select name=\"verdict\" id=\"verdict\" onchange=\"this.form.submit()\">"
                + "<option value=\"\">all</option>");
        for (Verdict v : Verdict.values()) {
            body.append("<option").append(v == verdict ? " selected" : "").append(" value=\"").append(v.label())
                    .append("\">").append(v.label()).append("</option>");
        }
        body.append("</select> <noscript><button>filter</button></noscript> <span class=\"muted\">")
                .append(runs.size()).append(" of ").append(all.size()).append(" runs</span></form>\n");
        body.append("<table class=\"runs\" id=\"runs\"><tr><th>time</th><th>workload</th><th>verdict</th><th>seed</th>"
                + "<th>nodes</th><th>nemesis</th><th>figures</th><th>reason</th></tr>\n");
        for (RunSummary run : runs) {
            body.append("<tr class=\"run ").append(run.verdict().label()).append("\" data-run=\"")
                    .append(Html.escape(run.key())).append("\" style=\"background:").append(run.verdict().colour)
                    .append("\"><td><a href=\"").append(run.href()).append("\">").append(Html.escape(run.id()))
                    .append("</a></td><td>").append(Html.escape(run.workload())).append("</td><td class=\"verdict\">")
                    .append(run.verdict().label()).append("</td><td class=\"num\">").append(Html.escape(run.seed()))
                    .append("</td><td class=\"num\">").append(Html.escape(run.nodeCount())).append("</td><td>")
                    .append(Html.escape(run.nemeses())).append("</td><td>").append(Html.escape(run.figures()))
                    .append("</td><td>").append(Html.escape(run.reason())).append("</td></tr>\n");
        }
        body.append("</table>\n");
        if (runs.isEmpty()) {
            body.append("<p>No runs here yet: <code>bin/stagger test ...</code> writes them into the store.</p>\n");
        }
        body.append(Polling.script("/api/runs"));
        return Html.page("stagger runs", body.toString());
    }
}
