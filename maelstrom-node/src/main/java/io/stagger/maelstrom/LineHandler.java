package io.stagger.maelstrom;

/**
 * A fast path for input lines ({@link Node#onLine}): it sees each line's bytes before the node parses them into a
 * tree, and handles the lines it can read faster itself (with a streaming parser, say). It runs on the event loop.
 */
@FunctionalInterface
public interface LineHandler {
    /** Handles {@code line} (UTF-8, without its line end) and returns true, or returns false to leave it to the node. */
    boolean handle(byte[] line);
}
