package io.stagger.history;

/** A history file that cannot be read: names the file's line (1-based) and what is wrong with it. */
public final class MalformedHistoryException extends Exception {
  private final int line;

  public MalformedHistoryException(int line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
