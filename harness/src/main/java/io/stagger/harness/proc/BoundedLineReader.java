package io.stagger.harness.proc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads UTF-8 lines of at most a given length; a longer line is an error, not an unbounded buffer. */
final class BoundedLineReader {
    /** Thrown when a line exceeds the bound. */
    static final class LineTooLong extends IOException {
        LineTooLong(int limit) {
            super("a line longer than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[65_536];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int position;
    private int limit;

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator, or null at end of stream. */
    String readLine() throws IOException {
        line.reset();
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line.size() == 0 ? null : finish();
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.write(buffer, start, position - start);
            if (line.size() > maxBytes) {
                throw new LineTooLong(maxBytes);
            }
            if (position < limit) {
                position++;
                return finish();
            }
        }
    }

    private String finish() {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
