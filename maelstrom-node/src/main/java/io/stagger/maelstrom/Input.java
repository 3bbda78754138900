package io.stagger.maelstrom;

/**
 * Where the event loop's input comes from: {@link #stdin()} for a real node; tests give their own, or drive the
 * node without a loop at all ({@link NodeTester}).
 */
@FunctionalInterface
public interface Input {
    /** Longest input line accepted, in characters; a longer one is skipped with a line on stderr. */
    int MAX_LINE_CHARS = 1 << 20;
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
        return new StdinInput(System.in, MAX_LINE_CHARS, QUEUE_CAPACITY);
    }

    /** What {@link #next} returns. */
    sealed interface Item permits Line, Overlong, End {}

    /** One input line, without its line end. */
    record Line(String text) implements Item {}

    /** A line over {@link #MAX_LINE_CHARS}: its first characters and its length; it is not handled. */
    record Overlong(String head, long length) implements Item {}

    /** The end of the input: the loop stops. */
    enum End implements Item { END }
}
