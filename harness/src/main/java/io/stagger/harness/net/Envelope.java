package io.stagger.harness.net;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One Maelstrom message: source, destination, body, and its JSON line as sent to a node's stdin. The sender is who
 * put it on the network: usually its src, but a node may forward a client's request under the client's src (as
 * Maelstrom's Raft demo does); faults and statistics follow the sender, delivery follows dest.
 *
 * <p>A line a node printed is checked whole when it is read ({@link #fromNode}), but its body is made into a tree
 * only when someone asks for it ({@link #body()}: a client, a service, the report): the router and the other nodes
 * need only src, dest and the line, and most lines go from node to node.
 */
public final class Envelope {
    private final String sender;
    private final String src;
    private final String dest;
    private final byte[] lineBytes;
    private final int lineChars;
    private volatile String line;
    private volatile JsonNode body;

    private Envelope(String sender, String src, String dest, JsonNode body, String line, byte[] lineBytes) {
        this.sender = sender;
        this.src = src;
        this.dest = dest;
        this.body = body;
        this.line = line;
        this.lineBytes = lineBytes;
        this.lineChars = line != null ? line.length() : lineBytes.length;
    }

    /** A message that the harness itself creates (a client's request, a service's reply). */
    public static Envelope of(String src, String dest, ObjectNode body) {
        ObjectNode message = Json.object();
        message.put("src", src);
        message.put("dest", dest);
        message.set("body", body);
        String line = Json.write(message);
        return new Envelope(src, src, dest, body, line, line.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The message in {@code line}, printed by node {@code sender}; null if the line is not a Maelstrom message: JSON
     * whose root is an object with a string {@code dest} and an object {@code body} (of a name given twice, the last,
     * as a tree would keep it). Without a string {@code src}, the sender is the source. The whole line is read, as a
     * tree would be, without building one.
     */
    public static Envelope fromNode(String sender, String line) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(line)) {
            return read(parser, sender, line, null);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * As {@link #fromNode(String, String)}, for the line in {@code bytes[offset, offset + length)} (UTF-8, without its
     * line end) as read from the node's stdout. A line of ASCII only, as nodes print, is read from its bytes and they
     * are kept as they are (so the line is neither decoded nor encoded again on its way to the receiver); any other
     * is decoded first (a malformed sequence read as U+FFFD), exactly as the decoded line would be.
     */
    public static Envelope fromNode(String sender, byte[] bytes, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] < 0) {
                return fromNode(sender, new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
        }
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(bytes, offset, length)) {
            return read(parser, sender, null, Arrays.copyOfRange(bytes, offset, end));
        } catch (IOException e) {
            return null;
        }
    }

    private static Envelope read(JsonParser parser, String sender, String line, byte[] lineBytes) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String src = null;
        String dest = null;
        boolean bodyIsObject = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "src" -> src = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "dest" -> dest = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "body" -> bodyIsObject = value == JsonToken.START_OBJECT;
                default -> { }
            }
            parser.skipChildren();
        }
        if (parser.currentToken() != JsonToken.END_OBJECT || dest == null || !bodyIsObject) {
            return null;
        }
        return new Envelope(sender, src == null ? sender : src, dest, null, line,
                lineBytes != null ? lineBytes : line.getBytes(StandardCharsets.UTF_8));
    }

    public String sender() {
        return sender;
    }

    public String src() {
        return src;
    }

    public String dest() {
        return dest;
    }

    /** The message's JSON line. */
    public String line() {
        String text = line;
        if (text == null) {
            text = new String(lineBytes, StandardCharsets.ISO_8859_1); // only ASCII lines are kept as bytes alone
            line = text;
        }
        return text;
    }

    /** The line in UTF-8, as written to the receiver's stdin and to messages.jsonl; not to be modified. */
    public byte[] lineBytes() {
        return lineBytes;
    }

    /** The line's length in characters, as the statistics count it. */
    int lineChars() {
        return lineChars;
    }

    /** The body as a tree, read from the line at the first call for a message a node printed. */
    public JsonNode body() {
        JsonNode read = body;
        if (read == null) {
            ObjectNode message = Json.parseObject(line());
            if (message == null || !message.path("body").isObject()) {
                throw new IllegalStateException("a line read as a message no longer reads as one: " + line());
            }
            read = message.get("body");
            body = read;
        }
        return read;
    }

    public String type() {
        JsonNode type = body().get("type");
        return type == null ? "?" : type.asText();
    }

    @Override
    public String toString() {
        return "Envelope[sender=" + sender + ", line=" + line() + "]";
    }
}
