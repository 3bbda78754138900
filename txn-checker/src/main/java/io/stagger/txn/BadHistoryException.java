package io.stagger.txn;

/** A history the checker cannot read or whose assumptions it breaks (e.g. a value appended twice to a key). */
public final class BadHistoryException extends IllegalArgumentException {
  public BadHistoryException(long lineNumber, String message) {
    super(lineNumber > 0 ? "line " + lineNumber + ": " + message : message);
  }

  public BadHistoryException(String message) {
    super(message);
  }
}
