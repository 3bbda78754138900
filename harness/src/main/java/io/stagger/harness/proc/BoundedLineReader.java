package io.stagger.harness.proc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines of at most a given length, a read of the stream at a time, and gives them as bytes where they lie in its
 * buffer (a line split between two reads is moved to the buffer's start and completed there); a longer line is an
 * error, not an unbounded buffer.
 */
final class BoundedLineReader {
    /** Thrown when a line exceeds the bound. */
    static final class LineTooLong extends IOException {
        LineTooLong(int limit) {
            super("a line longer than " + limit + " bytes");
        }
    }

    /** Where the lines go. */
    interface Lines {
        /** One line, {@code bytes[offset, offset + length)}, without its terminator ("\n" or "\r\n"). */
        void line(byte[] bytes, int offset, int length);
    }

    /** The buffer's size to begin with; it grows for a longer line, up to the bound. */
    static final int INITIAL_BUFFER_BYTES = 65_536;

    private final InputStream in;
    private final int maxBytes;
    private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
    /** The first byte of the line not given yet. */
    private int start;
    /** The end of the bytes read. */
    private int limit;

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /**
     * Reads once (waiting until something comes) and gives every line it completes; false at the end of the stream,
     * after giving the last line if it had no terminator.
     */
    boolean read(Lines lines) throws IOException {
        makeRoom();
        int scanFrom = limit;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            if (limit > start) {
                give(lines, limit);
                start = limit;
            }
            return false;
        }
        limit += read;
        for (int i = scanFrom; i < limit; i++) {
            if (buffer[i] == '\n') {
                give(lines, i);
                start = i + 1;
            }
        }
        if (limit - start > maxBytes) {
            throw new LineTooLong(maxBytes);
        }
        return true;
    }

    /** Gives the line from {@code start} to {@code end}, less a "\r" before its end. */
    private void give(Lines lines, int end) throws LineTooLong {
        int length = end - start;
        if (length > maxBytes) {
            throw new LineTooLong(maxBytes);
        }
        if (length > 0 && buffer[end - 1] == '\r') {
            length--;
        }
        lines.line(buffer, start, length);
    }

    /** Moves the unfinished line to the buffer's start, and grows the buffer if that line fills it. */
    private void makeRoom() {
        if (start == limit) {
            start = 0;
            limit = 0;
            if (buffer.length > INITIAL_BUFFER_BYTES) {
                buffer = new byte[INITIAL_BUFFER_BYTES];
            }
            return;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, limit - start);
            limit -= start;
            start = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, maxBytes + 1L + INITIAL_BUFFER_BYTES));
        }
    }
}
