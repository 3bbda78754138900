package io.stagger.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.stagger.core.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Maelstrom lines that make up a node's traffic — the protocol messages of PROTOCOL.md §3, {@code init}
 * and {@code master} — with Jackson's streaming parser straight into their records, without a JSON tree. One
 * non-blocking parser is fed line after line for the whole run, so a line costs no parser; ids are kept in a small
 * table, so a line from a known peer allocates nothing but its message record.
 *
 * <p>It accepts only a line whose meaning is beyond doubt: one JSON object with a string {@code src} and an object
 * {@code body} whose {@code type} is one of those messages, each field it reads present at most once and of the kind
 * the message needs. Anything else (a line that is not JSON, a field of the wrong kind, another type) it
 * {@linkplain #read declines}, and the caller reads the line as a tree as before, with the same answers and error
 * texts. Fields it does not read are skipped, as the tree path ignores them.
 */
public final class EnvelopeReader {
    /** What the last accepted line was. */
    public enum Kind {
        /** A protocol message: {@link #message()}. */
        PROTOCOL,
        /** {@code init}: {@link #nodeId()}, {@link #nodeIds()}. */
        INIT,
        /** The {@code master} RPC. */
        MASTER
    }

    /** {@link #msgId()} of a body without a {@code msg_id}. */
    public static final long NO_MSG_ID = Long.MIN_VALUE;
    /** Strings up to this many bytes are looked up in the id table; longer ones are created each time. */
    private static final int MAX_TABLE_BYTES = 32;
    private static final int TABLE_SLOTS = 256;
    /** Lines this long or longer are left to the tree path: no message this reader accepts comes near it. */
    private static final int MAX_LINE_BYTES = 1 << 16;
    /** Fields of the body that this reader reads; bit flags, to tell a repeated field. */
    private static final int TYPE = 1;
    private static final int MSG_ID = 1 << 1;
    private static final int MASTER = 1 << 2;
    private static final int REVOKED = 1 << 3;
    private static final int EPOCH = 1 << 4;
    private static final int NODE_ID = 1 << 5;
    private static final int NODE_IDS = 1 << 6;

    private final JsonFactory factory;
    private final String[] table = new String[TABLE_SLOTS];
    private byte[] line = new byte[512];
    private JsonParser parser;
    private ByteArrayFeeder feeder;

    private Kind kind;
    private String src;
    private long msgId;
    private Message message;
    private String nodeId;
    private List<String> nodeIds;

    // The body's fields as read, before its type says which it needs.
    private int bodyFields;
    private boolean doubtful;
    private String type;
    private String master;
    private String revoked;
    private long epoch;

    /** A reader with Jackson's streaming factory {@code factory}. */
    public EnvelopeReader(JsonFactory factory) {
        this.factory = factory;
        newParser();
    }

    /**
     * Reads the line in {@code bytes[0, length)} (UTF-8, without its newline). True if it is one of the messages
     * this reader accepts, now readable through the accessors; false if the caller must read it as a tree.
     */
    public boolean read(byte[] bytes, int length) {
        if (length >= MAX_LINE_BYTES) {
            return false;
        }
        // The line and a newline in one feed: a value at the end of the line is then complete (or an error), never
        // left pending into the next line.
        if (length + 1 > line.length) {
            line = new byte[Math.max(length + 1, 2 * line.length)];
        }
        System.arraycopy(bytes, 0, line, 0, length);
        line[length] = '\n';
        try {
            feeder.feedInput(line, 0, length + 1);
            boolean accepted = readEnvelope();
            // The line must hold nothing after the object: the parser wants more input, with nothing pending.
            if (parser.nextToken() != JsonToken.NOT_AVAILABLE || !feeder.needMoreInput()) {
                newParser();
                return false;
            }
            return accepted;
        } catch (IOException | RuntimeException e) {
            newParser();
            return false;
        }
    }

    private void newParser() {
        try {
            parser = factory.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /** Reads one root object to its end; true if it is accepted. A token missing from the line throws. */
    private boolean readEnvelope() throws IOException {
        src = null;
        bodyFields = 0;
        boolean hasBody = false;
        doubtful = false;
        if (next() != JsonToken.START_OBJECT) {
            skipValue();
            return false;
        }
        for (JsonToken token = next(); token != JsonToken.END_OBJECT; token = next()) {
            String field = parser.currentName();
            JsonToken value = next();
            if (field.equals("src")) {
                if (src != null || value != JsonToken.VALUE_STRING) {
                    doubtful = true;
                    skipValue();
                } else {
                    src = text();
                }
            } else if (field.equals("body")) {
                if (hasBody || value != JsonToken.START_OBJECT) {
                    doubtful = true;
                    skipValue();
                } else {
                    hasBody = true;
                    readBody();
                }
            } else {
                skipValue();
            }
        }
        return !doubtful && src != null && hasBody && (bodyFields & TYPE) != 0 && accept();
    }

    private void readBody() throws IOException {
        type = null;
        master = null;
        revoked = null;
        epoch = 0;
        msgId = NO_MSG_ID;
        nodeId = null;
        nodeIds = null;
        for (JsonToken token = next(); token != JsonToken.END_OBJECT; token = next()) {
            String field = parser.currentName();
            JsonToken value = next();
            switch (field) {
                case "type" -> {
                    if (value == JsonToken.VALUE_STRING && once(TYPE)) {
                        type = text();
                    } else {
                        doubt();
                    }
                }
                case "msg_id" -> {
                    if (value == JsonToken.VALUE_NUMBER_INT && once(MSG_ID) && fitsLong()) {
                        msgId = parser.getLongValue();
                        doubtful |= msgId == NO_MSG_ID;
                    } else {
                        doubt();
                    }
                }
                case "master" -> master = optionalString(value, MASTER);
                case "revoked" -> revoked = optionalString(value, REVOKED);
                case "epoch" -> {
                    if (value == JsonToken.VALUE_NULL && once(EPOCH)) {
                        epoch = 0;
                    } else if (value == JsonToken.VALUE_NUMBER_INT && once(EPOCH) && fitsLong()
                            && parser.getLongValue() >= 0) {
                        epoch = parser.getLongValue();
                    } else {
                        doubt();
                    }
                }
                case "node_id" -> {
                    if (value == JsonToken.VALUE_STRING && once(NODE_ID)) {
                        nodeId = text();
                    } else {
                        doubt();
                    }
                }
                case "node_ids" -> {
                    if (value == JsonToken.START_ARRAY && once(NODE_IDS)) {
                        nodeIds = new ArrayList<>();
                        for (JsonToken id = next(); id != JsonToken.END_ARRAY; id = next()) {
                            if (id == JsonToken.VALUE_STRING) {
                                nodeIds.add(text());
                            } else {
                                doubtful = true;
                                skipValue();
                            }
                        }
                    } else {
                        doubt();
                    }
                }
                default -> skipValue();
            }
        }
    }

    /** Whether the body's fields make one of the accepted messages; sets {@link #kind} and its parts. */
    private boolean accept() {
        switch (type) {
            case "inquiry" -> message = Message.Inquiry.INSTANCE;
            case "inquiry_ok" -> message = new Message.InquiryOk(master, epoch);
            case "declare" -> {
                if (master == null) {
                    return false;
                }
                message = new Message.Declare(master, epoch);
            }
            case "revoke" -> {
                if (master == null || revoked == null) {
                    return false;
                }
                message = new Message.Revoke(revoked, master, epoch);
            }
            case "init" -> {
                if (nodeId == null || nodeIds == null || nodeIds.isEmpty()) {
                    return false;
                }
                kind = Kind.INIT;
                return true;
            }
            case "master" -> {
                kind = Kind.MASTER;
                return true;
            }
            default -> {
                return false;
            }
        }
        kind = Kind.PROTOCOL;
        return true;
    }

    /** A string or null field read at most once; a value of another kind makes the line doubtful. */
    private String optionalString(JsonToken value, int bit) throws IOException {
        if (value == JsonToken.VALUE_STRING && once(bit)) {
            return text();
        }
        if (value != JsonToken.VALUE_NULL || !once(bit)) {
            doubt();
        }
        return null;
    }

    private boolean once(int bit) {
        boolean first = (bodyFields & bit) == 0;
        bodyFields |= bit;
        return first;
    }

    private void doubt() throws IOException {
        doubtful = true;
        skipValue();
    }

    private boolean fitsLong() throws IOException {
        JsonParser.NumberType numberType = parser.getNumberType();
        return numberType == JsonParser.NumberType.INT || numberType == JsonParser.NumberType.LONG;
    }

    /** The next token; the line ended inside the object if the parser wants more. */
    private JsonToken next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.NOT_AVAILABLE || token == null) {
            throw new java.io.EOFException("the line ends inside a JSON value");
        }
        return token;
    }

    /** Skips the value whose first token is the current one. */
    private void skipValue() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            int depth = 1;
            while (depth > 0) {
                JsonToken inner = next();
                if (inner == JsonToken.START_OBJECT || inner == JsonToken.START_ARRAY) {
                    depth++;
                } else if (inner == JsonToken.END_OBJECT || inner == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        }
    }

    /** The current string value, from the id table when a string of the same characters was read before. */
    private String text() throws IOException {
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        if (length > MAX_TABLE_BYTES) {
            return new String(chars, offset, length);
        }
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[offset + i];
        }
        // Two candidate slots from a multiplicative mix: the few ids and types of a group rarely evict each other.
        int mixed = hash * 0x9E3779B9;
        int first = mixed >>> 24;
        int second = (mixed >>> 16) & (TABLE_SLOTS - 1);
        if (same(table[first], chars, offset, length)) {
            return table[first];
        }
        if (same(table[second], chars, offset, length)) {
            return table[second];
        }
        String created = new String(chars, offset, length);
        table[table[first] == null || table[second] != null ? first : second] = created;
        return created;
    }

    private static boolean same(String known, char[] chars, int offset, int length) {
        if (known == null || known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** What the last accepted line was. */
    public Kind kind() {
        return kind;
    }

    /** The sender of the last accepted line. */
    public String src() {
        return src;
    }

    /** The {@code msg_id} of the last accepted line, or {@link #NO_MSG_ID}. */
    public long msgId() {
        return msgId;
    }

    /** The protocol message of the last accepted line, if it was {@link Kind#PROTOCOL}. */
    public Message message() {
        return message;
    }

    /** The {@code node_id} of the last accepted {@code init}. */
    public String nodeId() {
        return nodeId;
    }

    /** The {@code node_ids} of the last accepted {@code init}. */
    public List<String> nodeIds() {
        return nodeIds;
    }
}
