package io.stagger.harness.report;

import io.stagger.history.History;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * timeline.html, as Jepsen's: a row per client process, a bar per operation from its invocation to its completion,
 * coloured ok / fail / info, faults shaded. One self-contained page (no script or style from elsewhere), so that it
 * opens from the run's directory; the zoom buttons only change one CSS variable, the pixels per second.
 */
public final class Timeline {
    /** Beyond this many operations only the first ones are drawn, and the page says so. */
    public static final int MAX_OPERATIONS = 20_000;

    private static final String STYLE = """
      :root { --pps: 100; }
      body { font-family: sans-serif; font-size: 13px; margin: 12px; }
      .legend span { display: inline-block; padding: 1px 8px; margin-right: 6px; border-radius: 3px; }
      .ok { background: #6DB6FE; } .fail { background: #FEB5DA; } .info { background: #FFAA26; }
      .fault { background: rgba(244, 177, 131, 0.35); }
      #timeline { position: relative; overflow-x: auto; border: 1px solid #ccc; }
      .rows { position: relative; }
      .row { position: relative; height: 18px; border-bottom: 1px solid #f0f0f0; }
      .label { position: sticky; left: 0; z-index: 2; display: inline-block; width: 90px; height: 18px;
        background: #fafafa; border-right: 1px solid #ccc; font-size: 11px; line-height: 18px; padding-left: 4px; }
      .op { position: absolute; top: 2px; height: 14px; min-width: 2px; border-radius: 2px; box-sizing: border-box; }
      .op.final { outline: 1px solid #333; }
      .op.open { border-right: 2px dashed #333; }
      .band { position: absolute; top: 0; bottom: 0; z-index: 0; border-left: 1px solid #d08040; }
      .band b { font-size: 10px; font-weight: normal; color: #8a4b08; white-space: nowrap; }
      .tick { position: absolute; top: 0; height: 16px; border-left: 1px solid #999; font-size: 10px;
        padding-left: 2px; }
      """;

    private static final String SCRIPT = """
      function zoom(factor) {
        const root = document.documentElement;
        const now = parseFloat(getComputedStyle(root).getPropertyValue('--pps'));
        root.style.setProperty('--pps', Math.max(1, Math.min(20000, now * factor)));
      }
      """;

    private Timeline() {}

    public static void write(List<Op> history, String title, Path file) throws IOException {
        Files.writeString(file, html(history, title), StandardCharsets.UTF_8);
    }

    /** The whole page. */
    public static String html(List<Op> history, String title) {
        List<History.Pair> pairs = History.pairs(history);
        double endSeconds = 1;
        for (Op op : history) {
            endSeconds = Math.max(endSeconds, op.time() / 1e9);
        }
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(Svg.escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n<script>")
                .append(SCRIPT).append("</script></head><body>\n<h1>").append(Svg.escape(title)).append("</h1>\n");
        page.append("<p class=\"legend\"><span class=\"ok\">ok</span><span class=\"fail\">fail</span>"
                + "<span class=\"info\">info (indeterminate)</span><span class=\"fault\">fault</span> ")
                .append(pairs.size()).append(" operations; a bar runs from invocation to completion (hover for the "
                        + "operation); an outlined bar is a final read; a dashed end never completed. "
                        + "<button onclick=\"zoom(0.5)\">zoom out</button> <button onclick=\"zoom(2)\">zoom in</button></p>\n");
        if (pairs.size() > MAX_OPERATIONS) {
            page.append("<p>Only the first ").append(MAX_OPERATIONS).append(" operations are drawn.</p>\n");
            pairs = pairs.subList(0, MAX_OPERATIONS);
        }
        page.append("<div id=\"timeline\"><div class=\"rows\" style=\"width:calc(")
                .append(num(endSeconds + 0.5)).append("px * var(--pps) + 100px)\">\n");
        ticks(page, endSeconds);
        for (FaultBands.Band band : FaultBands.of(history, endSeconds)) {
            page.append("<div class=\"band fault\" style=\"").append(span(band.fromSeconds(), band.toSeconds()))
                    .append("\" title=\"").append(Svg.escape(band.label())).append(" from ").append(num(band.fromSeconds()))
                    .append(" s to ").append(num(band.toSeconds())).append(" s\"><b>").append(Svg.escape(band.label()))
                    .append("</b></div>\n");
        }
        Map<Integer, StringBuilder> rows = new TreeMap<>();
        for (History.Pair pair : pairs) {
            StringBuilder row = rows.computeIfAbsent(pair.invoke().process(), p -> new StringBuilder());
            bar(row, pair, endSeconds);
        }
        rows.forEach((process, bars) -> page.append("<div class=\"row\"><span class=\"label\">process ")
                .append(process).append("</span>").append(bars).append("</div>\n"));
        page.append("</div></div>\n</body></html>\n");
        return page.toString();
    }

    private static void ticks(StringBuilder page, double endSeconds) {
        double step = endSeconds <= 20 ? 1 : endSeconds <= 60 ? 5 : endSeconds <= 300 ? 10 : 60;
        page.append("<div class=\"row\"><span class=\"label\">time (s)</span>");
        for (double s = 0; s <= endSeconds; s += step) {
            page.append("<span class=\"tick\" style=\"left:").append(x(s)).append("\">").append(num(s)).append("</span>");
        }
        page.append("</div>\n");
    }

    private static void bar(StringBuilder row, History.Pair pair, double endSeconds) {
        Op invoke = pair.invoke();
        Op complete = pair.complete();
        String outcome = complete == null ? "info" : complete.type().name().toLowerCase(Locale.ROOT);
        double from = invoke.time() / 1e9;
        double to = complete == null ? endSeconds : complete.time() / 1e9;
        StringBuilder title = new StringBuilder().append(invoke.f()).append(' ')
                .append(invoke.value() == null ? "" : Json.write(invoke.value())).append(" on ").append(invoke.node())
                .append(" at ").append(num(from)).append(" s: ");
        if (complete == null) {
            title.append("never completed");
        } else {
            title.append(outcome).append(' ').append(complete.value() == null ? "" : Json.write(complete.value()))
                    .append(complete.error() == null ? "" : " error " + complete.error())
                    .append(String.format(Locale.ROOT, " after %.1f ms", (to - from) * 1000));
        }
        row.append("<div class=\"op ").append(outcome).append(invoke.isFinal() ? " final" : "")
                .append(complete == null ? " open" : "").append("\" style=\"").append(span(from, to)).append("\" title=\"")
                .append(Svg.escape(title.toString())).append("\"></div>");
    }

    /** left and width of an element from {@code from} to {@code to} seconds, after the 94-pixel row label. */
    private static String span(double from, double to) {
        return "left:" + x(from) + ";width:calc(" + num(Math.max(0, to - from)) + "px * var(--pps))";
    }

    private static String x(double seconds) {
        return "calc(" + num(seconds) + "px * var(--pps) + 94px)";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("\\.?0+$", "");
    }
}
