package io.stagger.runtime;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars} characters; the rest of a longer line is skipped, not buffered, so that a
 * line of 100 MB costs no more memory than a line of {@code maxChars}.
 */
final class BoundedLineReader {
    /** What {@link #next} returns for a line that was too long: its first characters and its full length. */
    record Overlong(String head, long length) {}

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line as a {@link String}, an {@link Overlong} for a line over the bound, or {@code null} at EOF. */
    Object next() throws IOException {
        StringBuilder line = new StringBuilder();
        long length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (length == 0) {
                        return null;
                    }
                    return length > maxChars ? new Overlong(line.toString(), length) : line.toString();
                }
            }
            char c = buffer[position++];
            if (c == '\n') {
                if (length > maxChars) {
                    return new Overlong(line.toString(), length);
                }
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            length++;
            if (length <= maxChars) {
                line.append(c);
            } else if (line.length() > 80) {
                line.setLength(80);
            }
        }
    }
}
