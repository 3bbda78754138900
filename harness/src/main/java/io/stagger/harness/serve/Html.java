package io.stagger.harness.serve;

import java.util.Locale;

/** The pages' shared frame, style and escaping. */
final class Html {
    /** Jepsen's and Maelstrom's colours for a test's verdict. */
    static final String VALID = "#ADF6B0";
    static final String INVALID = "#F3B3B9";
    static final String UNKNOWN = "#F3E3B3";
    static final String RUNNING = "#EAEAEA";
    static final String INCOMPLETE = "#D0D0D0";

    private static final String STYLE = """
      body { font-family: sans-serif; font-size: 14px; margin: 0 20px 40px; color: #222; }
      nav { padding: 10px 0; border-bottom: 1px solid #ccc; margin-bottom: 12px; }
      nav a { margin-right: 16px; font-weight: bold; }
      table { border-collapse: collapse; margin: 6px 0 12px; }
      th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
      th { background: #f4f4f4; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      table.runs td a { color: #024; }
      .badge { padding: 2px 10px; border-radius: 4px; border: 1px solid #999; }
      pre { background: #f7f7f7; border: 1px solid #ddd; padding: 8px; overflow-x: auto; max-height: 480px; }
      pre.command { white-space: pre-wrap; }
      img.plot { max-width: 100%; border: 1px solid #ddd; margin: 4px 0; }
      object.plot { max-width: 100%; border: 1px solid #ddd; }
      iframe.timeline { width: 100%; height: 300px; border: 1px solid #ddd; }
      details { margin: 4px 0; }
      form.filter { margin: 8px 0; }
      .muted { color: #666; }
      .diagram { overflow-x: auto; border: 1px solid #ddd; }
      """;

    private Html() {}

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<style>" + STYLE + "</style></head><body>\n<nav><a href=\"/\">runs</a>"
                + "<a href=\"/checks\">model checks and trace validations</a></nav>\n<h1>" + escape(title) + "</h1>\n" + body
                + "\n</body></html>\n";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A path segment for a link: every byte outside the unreserved set percent-encoded. */
    static String url(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "%%%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
