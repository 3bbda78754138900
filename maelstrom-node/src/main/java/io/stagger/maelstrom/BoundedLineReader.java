package io.stagger.maelstrom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines of UTF-8 bytes, each of at most {@code maxBytes}; the rest of a longer line is skipped, not buffered, so
 * that a line of 100 MB costs no more memory than a line of {@code maxBytes}. A line is split at each {@code \n}
 * byte (never part of a longer UTF-8 sequence), and a {@code \r} before it is dropped.
 */
final class BoundedLineReader {
    private static final int HEAD_BYTES = 80;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private byte[] line = new byte[256];
    private int position;
    private int limit;

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next {@link Input.Line} (exactly its bytes), an {@link Input.Overlong}, or {@code null} at EOF. */
    Input.Item next() throws IOException {
        int kept = 0;
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
                    return length > maxBytes ? overlong(kept, length) : line(kept);
                }
            }
            int newline = position;
            while (newline < limit && buffer[newline] != '\n') {
                newline++;
            }
            int count = newline - position;
            if (length + count <= maxBytes) {
                keep(kept, position, count);
                kept += count;
            } else if (kept < HEAD_BYTES) {
                int head = Math.min(count, HEAD_BYTES - kept);
                keep(kept, position, head);
                kept += head;
            }
            length += count;
            position = newline;
            if (newline < limit) {
                position++;
                if (length > maxBytes) {
                    return overlong(kept, length);
                }
                if (kept > 0 && line[kept - 1] == '\r') {
                    kept--;
                }
                return line(kept);
            }
        }
    }

    private void keep(int at, int from, int count) {
        if (at + count > line.length) {
            line = Arrays.copyOf(line, Math.max(at + count, Math.min(2 * line.length, maxBytes + 1)));
        }
        System.arraycopy(buffer, from, line, at, count);
    }

    private Input.Line line(int kept) {
        Input.Line result = new Input.Line(Arrays.copyOf(line, kept));
        release();
        return result;
    }

    private Input.Overlong overlong(int kept, long length) {
        String head = new String(line, 0, Math.min(kept, HEAD_BYTES), StandardCharsets.UTF_8);
        Input.Overlong result = new Input.Overlong(head, length);
        release();
        return result;
    }

    /** Does not hold on to a buffer as large as the longest line. */
    private void release() {
        if (line.length > 1 << 16) {
            line = new byte[256];
        }
    }
}
