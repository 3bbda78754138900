package io.stagger.maelstrom;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where the event loop's input comes from: {@link #stdin()} for a real node; tests give their own, or drive the
 * node without a loop at all ({@link NodeTester}).
 */
@FunctionalInterface
public interface Input {
    /** Longest input line accepted, in bytes of UTF-8; a longer one is skipped with a line on stderr. */
    int MAX_LINE_BYTES = 1 << 20;
    /** Lines read ahead of the event loop; the reader blocks beyond it (back-pressure, bounded memory). */
    int QUEUE_CAPACITY = 4096;
    /** A wait with no time limit: {@link #next} blocks until input arrives. */
    long FOREVER = Long.MAX_VALUE;

    /**
     * The next item, waiting at most {@code maxWaitNanos} ({@link #FOREVER}: no limit; 0: only what is already
     * there); null if none arrived in time.
     */
    Item next(long maxWaitNanos) throws InterruptedException;

    /** Stdin read by a daemon thread that only splits lines into a bounded queue; no handler runs on it. */
    static Input stdin() {
        return of(System.in);
    }

    /** The lines of {@code in}, read as {@link #stdin()} reads stdin. */
    static Input of(InputStream in) {
        return new StdinInput(in, MAX_LINE_BYTES, QUEUE_CAPACITY);
    }

    /** What {@link #next} returns. */
    sealed interface Item permits Line, Overlong, End {}

    /** One input line: its UTF-8 bytes, without its line end. Equal lines have equal bytes. */
    record Line(byte[] bytes) implements Item {
        /** The line {@code text}. */
        public Line(String text) {
            this(text.getBytes(StandardCharsets.UTF_8));
        }

        /** The line as text. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Line line && Arrays.equals(bytes, line.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Line[" + text() + "]";
        }
    }

    /** A line over {@link #MAX_LINE_BYTES}: its first characters and its length in bytes; it is not handled. */
    record Overlong(String head, long length) implements Item {}

    /** The end of the input: the loop stops. */
    enum End implements Item { END }
}
