package io.stagger.harness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * results.json as readable tables: an object is a two-column table of its fields, an array of objects a table with
 * a column per field, an array of scalars a comma-separated list, and a flat object of numbers (percentiles) one line.
 */
final class JsonTables {
    /** Beyond this many rows an array is cut, with a note. */
    static final int MAX_ROWS = 200;

    private JsonTables() {}

    static String html(JsonNode node) {
        StringBuilder out = new StringBuilder();
        value(out, node);
        return out.toString();
    }

    private static void value(StringBuilder out, JsonNode node) {
        if (node == null || node.isNull()) {
            out.append("<span class=\"muted\">null</span>");
        } else if (node.isObject()) {
            object(out, node);
        } else if (node.isArray()) {
            array(out, node);
        } else {
            out.append(Html.escape(node.asText()));
        }
    }

    private static void object(StringBuilder out, JsonNode node) {
        if (node.isEmpty()) {
            out.append("<span class=\"muted\">none</span>");
            return;
        }
        if (flat(node)) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(Html.escape(field.getKey())).append(" <b>").append(Html.escape(field.getValue().asText()))
                        .append("</b>").append(fields.hasNext() ? ", " : "");
            }
            return;
        }
        out.append("<table>");
        int rows = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); rows++) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (rows == MAX_ROWS) {
                out.append("<tr><td colspan=\"2\" class=\"muted\">… ").append(node.size() - MAX_ROWS)
                        .append(" more</td></tr>");
                break;
            }
            out.append("<tr><th>").append(Html.escape(field.getKey())).append("</th><td>");
            value(out, field.getValue());
            out.append("</td></tr>");
        }
        out.append("</table>");
    }

    private static void array(StringBuilder out, JsonNode node) {
        if (node.isEmpty()) {
            out.append("<span class=\"muted\">none</span>");
            return;
        }
        boolean objects = true;
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode item : node) {
            objects &= item.isObject();
            item.fieldNames().forEachRemaining(columns::add);
        }
        if (!objects) {
            int shown = 0;
            for (JsonNode item : node) {
                if (shown++ == MAX_ROWS) {
                    out.append(" … ").append(node.size() - MAX_ROWS).append(" more");
                    break;
                }
                out.append(shown > 1 ? ", " : "");
                value(out, item);
            }
            return;
        }
        out.append("<table><tr>");
        columns.forEach(c -> out.append("<th>").append(Html.escape(c)).append("</th>"));
        out.append("</tr>");
        int rows = 0;
        for (JsonNode item : node) {
            if (rows++ == MAX_ROWS) {
                out.append("<tr><td colspan=\"").append(columns.size()).append("\" class=\"muted\">… ")
                        .append(node.size() - MAX_ROWS).append(" more</td></tr>");
                break;
            }
            out.append("<tr>");
            for (String column : columns) {
                out.append("<td>");
                if (item.has(column)) {
                    value(out, item.get(column));
                }
                out.append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</table>");
    }

    /** An object of a few scalar fields (percentiles, counts): shown on one line. */
    private static boolean flat(JsonNode node) {
        if (node.size() > 8) {
            return false;
        }
        for (JsonNode value : node) {
            if (!value.isNumber() && !value.isBoolean()) {
                return false;
            }
        }
        return true;
    }
}
