package io.stagger.harness.net;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * messages.jsonl: every message with its send and delivery times (or why it was dropped); router thread only. Written
 * as bytes (numbers as digits straight into the buffer, the line in UTF-8), since it takes a line per message routed.
 */
public final class Journal implements AutoCloseable {
    /** Bound on the lines written, so that a long flood run cannot fill the disk. */
    public static final long MAX_LINES = 2_000_000;
    /** How many of the first messages are kept in memory for the message diagram. */
    public static final int DIAGRAM_MESSAGES = 300;

    /** One journalled message, kept for the diagram. */
    public record Entry(long id, Envelope envelope, long sentNanos, long deliveredNanos, String dropped) {}

    private static final byte[] ID = ascii("{\"id\":");
    private static final byte[] SENT = ascii(",\"sent\":");
    private static final byte[] RECV = ascii(",\"recv\":");
    private static final byte[] DROPPED = ascii(",\"dropped\":\"");
    private static final byte[] MSG = ascii(",\"msg\":");
    private static final byte[] END = ascii("}\n");

    private final OutputStream out;
    private final byte[] digits = new byte[20];
    private final List<Entry> first = new ArrayList<>();
    private long lines;

    public Journal(Path file) {
        try {
            this.out = file == null ? null : new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
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
            out.write(ID);
            writeNumber(id);
            out.write(SENT);
            writeNumber(sentNanos);
            if (dropped == null) {
                out.write(RECV);
                writeNumber(deliveredNanos);
            } else {
                out.write(DROPPED);
                out.write(dropped.getBytes(StandardCharsets.UTF_8));
                out.write('"');
            }
            out.write(MSG);
            out.write(envelope.line().getBytes(StandardCharsets.UTF_8));
            out.write(END);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} in decimal digits, as {@link Long#toString(long)} writes it. */
    private void writeNumber(long value) throws IOException {
        if (value < 0) {
            out.write(ascii(Long.toString(value))); // never for ids and times; kept exact all the same
            return;
        }
        int at = digits.length;
        long rest = value;
        do {
            digits[--at] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        out.write(digits, at, digits.length - at);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
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
