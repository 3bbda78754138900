package io.stagger.harness.net;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** messages.jsonl: every message with its send and delivery times (or why it was dropped); router thread only. */
public final class Journal implements AutoCloseable {
  /** Bound on the lines written, so that a long flood run cannot fill the disk. */
  public static final long MAX_LINES = 2_000_000;
  /** How many of the first messages are kept in memory for the message diagram. */
  public static final int DIAGRAM_MESSAGES = 300;

  /** One journalled message, kept for the diagram. */
  public record Entry(long id, Envelope envelope, long sentNanos, long deliveredNanos, String dropped) {}

  private final BufferedWriter out;
  private final List<Entry> first = new ArrayList<>();
  private long lines;

  public Journal(Path file) {
    try {
      this.out = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void record(long id, Envelope envelope, long sentNanos, long deliveredNanos, String dropped) {
    if (first.size() < DIAGRAM_MESSAGES) {
      first.add(new Entry(id, envelope, sentNanos, deliveredNanos, dropped));
    }
    if (out == null || lines >= MAX_LINES) {
      return;
    }
    lines++;
    try {
      out.write("{\"id\":");
      out.write(Long.toString(id));
      out.write(",\"sent\":");
      out.write(Long.toString(sentNanos));
      if (dropped == null) {
        out.write(",\"recv\":");
        out.write(Long.toString(deliveredNanos));
      } else {
        out.write(",\"dropped\":\"");
        out.write(dropped);
        out.write('"');
      }
      out.write(",\"msg\":");
      out.write(envelope.line());
      out.write("}\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized List<Entry> firstEntries() {
    return List.copyOf(first);
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
