package io.stagger.txn;

/** A history the checker cannot read or whose assumptions it breaks (e.g. a value appended twice to a key). */
public final class BadHistoryException extends IllegalArgumentException {
    private final long lineNumber;
    private final String detail;

    public BadHistoryException(long lineNumber, String message) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + message : message);
        this.lineNumber = lineNumber;
        this.detail = message;
    }

    public BadHistoryException(String message) {
        this(0, message);
    }

    /** The line of the history (1-based) that is wrong, or 0 if no one line is. */
    public long lineNumber() {
        return lineNumber;
    }

    /** What is wrong, without the line. */
    public String detail() {
        return detail;
    }
}
