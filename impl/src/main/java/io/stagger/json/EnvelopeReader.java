package io.stagger.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.stagger.core.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Most lines are read by a scan of their bytes before any parser sees them, as a generated codec would: it knows
 * the few field names it reads and the JSON the node's peers write, and only that — strings of printable ASCII
 * without escapes, whole numbers of up to 18 digits, {@code true}, {@code false}, {@code null}, objects and arrays of
 * those, white space. It reaches the same verdict as the parser for every line made only of that (the same fields
 * read, the same checks, {@link #accept}); a line with anything else (an escape, a byte beyond ASCII, a fraction, an
 * error) it leaves to Jackson's parser, which reads it as before. {@code EnvelopeReaderTest} holds the two to the
 * same verdicts.
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
    private static final int LIVE = 1 << 7;
    /** Nesting the scan follows inside a skipped value; deeper values are left to the parser. */
    private static final int MAX_SCAN_DEPTH = 32;
    /** Digits of a whole number the scan reads: every such number fits a long. */
    private static final int MAX_SCAN_DIGITS = 18;
    /** Characters of a skipped number the scan follows; longer ones are left to the parser. */
    private static final int MAX_SCAN_NUMBER = 64;
    /** The scan's verdicts. */
    private static final int ACCEPTED = 1;
    private static final int DECLINED = 0;
    private static final int LEFT_TO_PARSER = -1;
    private static final Unsure UNSURE = new Unsure();

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
    private List<String> live;

    // The body's fields as read, before its type says which it needs.
    private int bodyFields;
    private boolean doubtful;
    private String type;
    private String master;
    private String revoked;
    private long epoch;

    // The scan: the line's bytes and the position in them.
    private byte[] in;
    private int at;
    private int end;

    /** A reader with Jackson's streaming factory {@code factory}. */
    public EnvelopeReader(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * Reads the line in {@code bytes[0, length)} (UTF-8, without its newline). True if it is one of the messages
     * this reader accepts, now readable through the accessors; false if the caller must read it as a tree.
     */
    public boolean read(byte[] bytes, int length) {
        if (length >= MAX_LINE_BYTES) {
            return false;
        }
        int scanned = scan(bytes, length);
        if (scanned != LEFT_TO_PARSER) {
            return scanned == ACCEPTED;
        }
        return readWithParser(bytes, length);
    }

    /** Whether the scan decides the line in {@code bytes[0, length)} by itself (for the tests). */
    boolean scans(byte[] bytes, int length) {
        return scan(bytes, length) != LEFT_TO_PARSER;
    }

    /** As {@link #read}, with Jackson's parser only: the reading the scan must agree with. */
    boolean readWithParser(byte[] bytes, int length) {
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
        if (parser == null) {
            newParser(); // at the first line the scan leaves to it: a node whose peers write plain JSON needs none
        }
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

    /** The scan's way out of a line it leaves to the parser (one instance, no stack trace: it is not an error). */
    private static final class Unsure extends Exception {
        private static final long serialVersionUID = 1L;

        Unsure() {
            super("left to the parser", null, false, false);
        }
    }

    /** Scans the line in {@code bytes[0, length)}: {@link #ACCEPTED}, {@link #DECLINED} or {@link #LEFT_TO_PARSER}. */
    private int scan(byte[] bytes, int length) {
        in = bytes;
        at = 0;
        end = length;
        try {
            src = null;
            bodyFields = 0;
            boolean hasBody = false;
            doubtful = false;
            skipSpace();
            expect('{');
            if (!closes('}')) {
                do {
                    int nameStart = name();
                    int nameLength = at - nameStart - 1;
                    colon();
                    if (isName(nameStart, nameLength, SRC)) {
                        if (src != null || peek() != '"') {
                            doubtful = true;
                            skipScanned(0);
                        } else {
                            src = scannedString();
                        }
                    } else if (isName(nameStart, nameLength, BODY)) {
                        if (hasBody || peek() != '{') {
                            doubtful = true;
                            skipScanned(0);
                        } else {
                            hasBody = true;
                            at++;
                            scanBody();
                        }
                    } else {
                        skipScanned(0);
                    }
                } while (more('}'));
            }
            skipSpace();
            if (at != end) {
                return LEFT_TO_PARSER;
            }
            return !doubtful && src != null && hasBody && (bodyFields & TYPE) != 0 && accept() ? ACCEPTED : DECLINED;
        } catch (Unsure e) {
            return LEFT_TO_PARSER;
        } finally {
            in = null;
        }
    }

    /** The fields of the body, as {@link #readBody} reads them; at is just past its opening brace. */
    private void scanBody() throws Unsure {
        type = null;
        master = null;
        revoked = null;
        epoch = 0;
        msgId = NO_MSG_ID;
        nodeId = null;
        nodeIds = null;
        live = null;
        if (closes('}')) {
            return;
        }
        do {
            int nameStart = name();
            int nameLength = at - nameStart - 1;
            colon();
            byte first = peek();
            if (isName(nameStart, nameLength, TYPE_NAME)) {
                if (first == '"' && once(TYPE)) {
                    type = scannedString();
                } else {
                    doubtScanned();
                }
            } else if (isName(nameStart, nameLength, MSG_ID_NAME)) {
                if (isIntegerStart(first) && once(MSG_ID)) {
                    msgId = scannedInteger();
                    doubtful |= msgId == NO_MSG_ID;
                } else {
                    doubtScanned();
                }
            } else if (isName(nameStart, nameLength, MASTER_NAME)) {
                master = scannedOptionalString(MASTER);
            } else if (isName(nameStart, nameLength, REVOKED_NAME)) {
                revoked = scannedOptionalString(REVOKED);
            } else if (isName(nameStart, nameLength, EPOCH_NAME)) {
                if (first == 'n' && once(EPOCH)) {
                    literal(NULL);
                    epoch = 0;
                } else if (isIntegerStart(first) && once(EPOCH)) {
                    epoch = scannedInteger();
                    doubtful |= epoch < 0;
                } else {
                    doubtScanned();
                }
            } else if (isName(nameStart, nameLength, NODE_ID_NAME)) {
                if (first == '"' && once(NODE_ID)) {
                    nodeId = scannedString();
                } else {
                    doubtScanned();
                }
            } else if (isName(nameStart, nameLength, NODE_IDS_NAME)) {
                nodeIds = scannedIds(first, NODE_IDS);
            } else if (isName(nameStart, nameLength, LIVE_NAME)) {
                live = scannedIds(first, LIVE);
            } else {
                skipScanned(0);
            }
        } while (more('}'));
    }

    /** An array of ids read at most once; anything else, or an element that is not a string, makes the line doubtful. */
    private List<String> scannedIds(byte first, int bit) throws Unsure {
        if (first != '[' || !once(bit)) {
            doubtScanned();
            return null;
        }
        at++;
        List<String> ids = new ArrayList<>();
        if (!closes(']')) {
            do {
                skipSpace();
                if (peek() == '"') {
                    ids.add(scannedString());
                } else {
                    doubtful = true;
                    skipScanned(1);
                }
            } while (more(']'));
        }
        return ids;
    }

    private String scannedOptionalString(int bit) throws Unsure {
        byte first = peek();
        if (first == '"' && once(bit)) {
            return scannedString();
        }
        if (first == 'n' && once(bit)) {
            literal(NULL);
        } else {
            doubtScanned();
        }
        return null;
    }

    private void doubtScanned() throws Unsure {
        doubtful = true;
        skipScanned(0);
    }

    private static boolean isIntegerStart(byte b) {
        return b == '-' || (b >= '0' && b <= '9');
    }

    /** Skips white space, then the value that starts there, {@code depth} levels inside skipped values. */
    private void skipScanned(int depth) throws Unsure {
        skipSpace();
        byte first = peek();
        switch (first) {
            case '"' -> at = stringEnd() + 1;
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            case '{', '[' -> {
                if (depth >= MAX_SCAN_DEPTH) {
                    throw UNSURE;
                }
                at++;
                char close = first == '{' ? '}' : ']';
                if (!closes(close)) {
                    do {
                        if (close == '}') {
                            name();
                            colon();
                        }
                        skipScanned(depth + 1);
                    } while (more(close));
                }
            }
            default -> skipNumber();
        }
    }

    /** Skips a JSON number of any form (a fraction, an exponent), checking its grammar. */
    private void skipNumber() throws Unsure {
        int start = at;
        if (at < end && in[at] == '-') {
            at++;
        }
        int digits = digits();
        if (digits == 0 || (digits > 1 && in[at - digits] == '0')) {
            throw UNSURE;
        }
        if (at < end && in[at] == '.') {
            at++;
            if (digits() == 0) {
                throw UNSURE;
            }
        }
        if (at < end && (in[at] == 'e' || in[at] == 'E')) {
            at++;
            if (at < end && (in[at] == '+' || in[at] == '-')) {
                at++;
            }
            if (digits() == 0) {
                throw UNSURE;
            }
        }
        if (at - start > MAX_SCAN_NUMBER) {
            throw UNSURE;
        }
    }

    private int digits() {
        int start = at;
        while (at < end && in[at] >= '0' && in[at] <= '9') {
            at++;
        }
        return at - start;
    }

    /**
     * A whole number of up to {@link #MAX_SCAN_DIGITS} digits, not {@code -0}, with no fraction or exponent after
     * it; anything else is left to the parser.
     */
    private long scannedInteger() throws Unsure {
        boolean negative = in[at] == '-';
        if (negative) {
            at++;
        }
        int start = at;
        long value = 0;
        while (at < end && in[at] >= '0' && in[at] <= '9') {
            value = 10 * value + (in[at] - '0');
            at++;
        }
        int digits = at - start;
        if (digits == 0 || digits > MAX_SCAN_DIGITS || (in[start] == '0' && (digits > 1 || negative))
                || (at < end && (in[at] == '.' || in[at] == 'e' || in[at] == 'E'))) {
            throw UNSURE;
        }
        return negative ? -value : value;
    }

    /** The string value that starts at {@code at}, from the id table when its bytes were read before. */
    private String scannedString() throws Unsure {
        int start = at + 1;
        int close = stringEnd();
        at = close + 1;
        int length = close - start;
        if (length > MAX_TABLE_BYTES) {
            return new String(in, start, length, StandardCharsets.ISO_8859_1);
        }
        int hash = 0;
        for (int i = start; i < close; i++) {
            hash = 31 * hash + in[i];
        }
        int first = firstSlot(hash);
        int second = secondSlot(hash);
        if (same(table[first], in, start, length)) {
            return table[first];
        }
        if (same(table[second], in, start, length)) {
            return table[second];
        }
        return remember(first, second, new String(in, start, length, StandardCharsets.ISO_8859_1));
    }

    /**
     * The position of the quote that closes the string whose opening quote is at {@code at}: only printable ASCII
     * without a backslash in between, else the parser reads the line.
     */
    private int stringEnd() throws Unsure {
        for (int i = at + 1; i < end; i++) {
            byte b = in[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b == '\\' || b == 0x7f) {
                throw UNSURE; // a control character, an escape, or (negative) a byte beyond ASCII
            }
        }
        throw UNSURE;
    }

    /** A field name and its quotes at {@code at}, after white space; returns the first character of the name. */
    private int name() throws Unsure {
        skipSpace();
        if (peek() != '"') {
            throw UNSURE;
        }
        int start = at + 1;
        at = stringEnd() + 1;
        return start;
    }

    private void colon() throws Unsure {
        skipSpace();
        expect(':');
        skipSpace();
    }

    /** After a member or element: true at a comma (consumed), false at {@code close} (consumed). */
    private boolean more(char close) throws Unsure {
        skipSpace();
        byte b = peek();
        at++;
        if (b == ',') {
            return true;
        }
        if (b == close) {
            return false;
        }
        throw UNSURE;
    }

    /** Consumes {@code close} if it comes next, after white space (an empty object or array). */
    private boolean closes(char close) throws Unsure {
        skipSpace();
        if (peek() == close) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws Unsure {
        if (peek() != c) {
            throw UNSURE;
        }
        at++;
    }

    private void literal(byte[] word) throws Unsure {
        if (end - at < word.length || !Arrays.equals(in, at, at + word.length, word, 0, word.length)) {
            throw UNSURE;
        }
        at += word.length;
    }

    /** The byte at {@code at}; the line ending there leaves it to the parser. */
    private byte peek() throws Unsure {
        if (at >= end) {
            throw UNSURE;
        }
        return in[at];
    }

    /** JSON's white space: space, tab, line feed, carriage return. */
    private void skipSpace() {
        while (at < end && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
            at++;
        }
    }

    private boolean isName(int start, int length, byte[] name) {
        return length == name.length && Arrays.equals(in, start, start + length, name, 0, length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[] SRC = ascii("src");
    private static final byte[] BODY = ascii("body");
    private static final byte[] TYPE_NAME = ascii("type");
    private static final byte[] MSG_ID_NAME = ascii("msg_id");
    private static final byte[] MASTER_NAME = ascii("master");
    private static final byte[] REVOKED_NAME = ascii("revoked");
    private static final byte[] EPOCH_NAME = ascii("epoch");
    private static final byte[] NODE_ID_NAME = ascii("node_id");
    private static final byte[] NODE_IDS_NAME = ascii("node_ids");
    private static final byte[] LIVE_NAME = ascii("live");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");

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
        live = null;
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
                case "node_ids" -> nodeIds = parsedIds(value, NODE_IDS);
                case "live" -> live = parsedIds(value, LIVE);
                default -> skipValue();
            }
        }
    }

    /** As {@link #scannedIds}, for the parser. */
    private List<String> parsedIds(JsonToken value, int bit) throws IOException {
        if (value != JsonToken.START_ARRAY || !once(bit)) {
            doubt();
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (JsonToken id = next(); id != JsonToken.END_ARRAY; id = next()) {
            if (id == JsonToken.VALUE_STRING) {
                ids.add(text());
            } else {
                doubtful = true;
                skipValue();
            }
        }
        return ids;
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
                message = new Message.Declare(master, epoch, live);
            }
            case "revoke" -> {
                if (master == null || revoked == null) {
                    return false;
                }
                message = new Message.Revoke(revoked, master, epoch, live);
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
        // The parser reads only the lines the scan leaves to it: a String made first costs little there.
        String read = parser.getText();
        if (read.length() > MAX_TABLE_BYTES) {
            return read;
        }
        int first = firstSlot(read.hashCode());
        int second = secondSlot(read.hashCode());
        if (read.equals(table[first])) {
            return table[first];
        }
        if (read.equals(table[second])) {
            return table[second];
        }
        return remember(first, second, read);
    }

    // Two candidate slots from a multiplicative mix of the string's hash: the few ids and types of a group rarely
    // evict each other.
    private static int firstSlot(int hash) {
        return (hash * 0x9E3779B9) >>> 24;
    }

    private static int secondSlot(int hash) {
        return ((hash * 0x9E3779B9) >>> 16) & (TABLE_SLOTS - 1);
    }

    private String remember(int first, int second, String created) {
        table[table[first] == null || table[second] != null ? first : second] = created;
        return created;
    }

    private static boolean same(String known, byte[] bytes, int offset, int length) {
        if (known == null || known.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known.charAt(i) != bytes[offset + i]) {
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
