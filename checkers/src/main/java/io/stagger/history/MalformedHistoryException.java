package io.stagger.history;

/** A history file that cannot be read: names the file's line (1-based) where one line is wrong, and what is wrong. */
public final class MalformedHistoryException extends Exception {
    private final int line;

    public MalformedHistoryException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** A history that is wrong as a whole, not at one line. */
    public MalformedHistoryException(String message) {
        super(message);
        this.line = 0;
    }

    /** The line that is wrong, or 0. */
    public int line() {
        return line;
    }
}
