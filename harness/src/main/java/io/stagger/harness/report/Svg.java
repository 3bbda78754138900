package io.stagger.harness.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A minimal SVG writer: lines, rectangles, circles and text, enough for the plots and the message diagram. */
final class Svg {
    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;

    Svg(double width, double height) {
        this.width = width;
        this.height = height;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String extra) {
        body.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\" %s/>%n",
                x1, y1, x2, y2, stroke, strokeWidth, extra));
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, double opacity) {
        body.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"%.2f\"/>%n",
                x, y, w, h, fill, opacity));
        return this;
    }

    Svg circle(double x, double y, double r, String fill, String title) {
        body.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\">", x, y, r, fill));
        if (title != null) {
            body.append("<title>").append(escape(title)).append("</title>");
        }
        body.append("</circle>\n");
        return this;
    }

    Svg text(double x, double y, String text, int size, String anchor, String fill) {
        body.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-family=\"sans-serif\" font-size=\"%d\" text-anchor=\"%s\" fill=\"%s\">",
                x, y, size, anchor, fill)).append(escape(text)).append("</text>\n");
        return this;
    }

    Svg raw(String element) {
        body.append(element).append('\n');
        return this;
    }

    void write(Path file) throws IOException {
        Files.writeString(file, document(), StandardCharsets.UTF_8);
    }

    String document() {
        return String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">%n"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height, width, height)
                + body + "</svg>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
