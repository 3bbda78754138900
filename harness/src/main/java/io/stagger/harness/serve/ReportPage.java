package io.stagger.harness.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A report of {@code bin/stagger check} (one run's report.md, or a matrix report): the markdown as HTML (raw HTML in
 * it escaped), and above each counterexample's steps the same steps as a sequence diagram.
 */
final class ReportPage {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    private ReportPage() {}

    static String html(String name, Path report) throws IOException {
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        StringBuilder body = new StringBuilder();
        List<String> chunk = new ArrayList<>();
        int counterexamples = 0;
        for (int i = 0; i <= lines.size(); i++) {
            boolean heading = i < lines.size() && lines.get(i).startsWith("## Counterexample");
            if (heading || i == lines.size()) {
                body.append(markdown(chunk));
                chunk.clear();
            }
            if (heading) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("## ")) {
                    end++;
                }
                body.append(markdown(List.of(lines.get(i))));
                SequenceDiagram diagram = CounterexampleDiagram.of(CounterexampleDiagram.steps(lines.subList(i + 1, end)));
                if (diagram != null) {
                    counterexamples++;
                    body.append("<div class=\"diagram\" id=\"counterexample-").append(counterexamples).append("\">")
                            .append(diagram.svg()).append("</div>\n<details><summary>the steps as text</summary>\n");
                    body.append(markdown(lines.subList(i + 1, end))).append("</details>\n");
                    i = end - 1;
                    continue;
                }
            }
            if (i < lines.size() && !heading) {
                chunk.add(lines.get(i));
            }
        }
        return Html.page(name, body.toString());
    }

    /** The markdown as HTML; a table cell that is a verdict (pass, FAIL: …) coloured as the runs are. */
    private static String markdown(List<String> lines) {
        String html = lines.isEmpty() ? "" : RENDERER.render(PARSER.parse(String.join("\n", lines)));
        return html.replace("<td>pass</td>", "<td style=\"background:" + Html.VALID + "\">pass</td>")
                .replace("<td>FAIL", "<td style=\"background:" + Html.INVALID + "\">FAIL");
    }
}
