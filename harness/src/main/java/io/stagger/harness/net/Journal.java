package io.stagger.harness.net;

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
 * as bytes into a buffer of its own (numbers as digits, the message's line as the UTF-8 bytes it came in) and out in
 * one write per {@link #BUFFER_BYTES}, since it takes a line per message routed.
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
    private static final byte[] QUOTE = ascii("\"");
    /** Digits of the longest long. */
    private static final int MAX_DIGITS = 19;

    /** Size of the buffer that lines are gathered in before they are written out. */
    static final int BUFFER_BYTES = 1 << 16;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final byte[] digits = new byte[MAX_DIGITS];
    private int buffered;
    private final List<Entry> first = new ArrayList<>();
    private long lines;

    public Journal(Path file) {
        try {
            this.out = file == null ? null : Files.newOutputStream(file);
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
            put(ID);
            putNumber(id);
            put(SENT);
            putNumber(sentNanos);
            if (dropped == null) {
                put(RECV);
                putNumber(deliveredNanos);
            } else {
                put(DROPPED);
                put(dropped.getBytes(StandardCharsets.UTF_8));
                put(QUOTE);
            }
            put(MSG);
            put(envelope.lineBytes());
            put(END);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - buffered) {
            writeOut();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, buffered, bytes.length);
        buffered += bytes.length;
    }

    /** {@code value} in decimal digits, as {@link Long#toString(long)} writes it. */
    private void putNumber(long value) throws IOException {
        if (value < 0) {
            put(ascii(Long.toString(value))); // never for ids and times; kept exact all the same
            return;
        }
        int at = MAX_DIGITS;
        long rest = value;
        do {
            long tenth = rest / 10;
            digits[--at] = (byte) ('0' + (rest - 10 * tenth));
            rest = tenth;
        } while (rest != 0);
        int length = MAX_DIGITS - at;
        if (buffer.length - buffered < length) {
            writeOut();
        }
        System.arraycopy(digits, at, buffer, buffered, length);
        buffered += length;
    }

    private void writeOut() throws IOException {
        if (buffered > 0) {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
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
                writeOut();
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
