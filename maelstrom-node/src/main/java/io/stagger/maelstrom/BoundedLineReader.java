package io.stagger.maelstrom;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars} characters; the rest of a longer line is skipped, not buffered, so that a
 * line of 100 MB costs no more memory than a line of {@code maxChars}.
 */
final class BoundedLineReader {
    private static final int HEAD_CHARS = 80;

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next {@link Input.Line}, an {@link Input.Overlong} for a line over the bound, or null at the end. */
    Input.Item next() throws IOException {
        StringBuilder line = new StringBuilder();
        long length = 0;
        while (true) {
            if (position == limit) {
                limit = Math.max(0, in.read(buffer, 0, buffer.length));
                position = 0;
                if (limit == 0) {
                    return length == 0 ? null : finish(line, length);
                }
            }
            char c = buffer[position++];
            if (c == '\n') {
                return finish(line, length);
            }
            length++;
            if (length <= maxChars) {
                line.append(c);
            } else if (line.length() > HEAD_CHARS) {
                line.setLength(HEAD_CHARS);
            }
        }
    }

    private Input.Item finish(StringBuilder line, long length) {
        if (length > maxChars) {
            return new Input.Overlong(line.toString(), length);
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return new Input.Line(line.toString());
    }
}
