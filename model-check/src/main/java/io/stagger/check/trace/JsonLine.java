package io.stagger.check.trace;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one flat JSON object (string, number and boolean values, no nesting): the shape of a trace line. */
final class JsonLine {
    private final String text;
    private int at;

    private JsonLine(String text) {
        this.text = text;
    }

    /** The fields of {@code line}, values as text; throws {@link IllegalArgumentException} if it is not flat JSON. */
    static Map<String, String> parse(String line) {
        return new JsonLine(line.strip()).object();
    }

    private Map<String, String> object() {
        Map<String, String> fields = new LinkedHashMap<>();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            at++;
            return fields;
        }
        while (true) {
            skipSpace();
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            fields.put(name, peek() == '"' ? string() : bare());
            skipSpace();
            char next = text.charAt(at++);
            if (next == '}') {
                return fields;
            }
            if (next != ',') {
                throw new IllegalArgumentException("expected , or } at " + (at - 1) + " in " + text);
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                char escaped = text.charAt(at++);
                if (escaped == 'u') {
                    value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                } else {
                    value.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
                }
            } else {
                value.append(c);
            }
        }
    }

    private String bare() {
        int start = at;
        while (at < text.length() && ",}".indexOf(text.charAt(at)) < 0 && !Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("expected a value at " + at + " in " + text);
        }
        return text.substring(start, at);
    }

    private char peek() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("unexpected end of " + text);
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected " + c + " at " + at + " in " + text);
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
