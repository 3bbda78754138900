package io.stagger.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.stagger.core.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes Maelstrom envelopes, one per line, through one streaming generator for the whole output: a protocol message
 * straight from its record, any other body from its tree. The bytes are those the tree mapper writes (the same
 * generator underneath, the same field order). Writes are buffered until {@link #flush}.
 */
public final class EnvelopeWriter {
    /** {@code inReplyTo} of a message that answers none. */
    public static final long NO_REPLY = EnvelopeReader.NO_MSG_ID;

    private final JsonGenerator out;

    /** A writer of lines to {@code out}, with Jackson's streaming factory {@code factory}. */
    public EnvelopeWriter(JsonFactory factory, OutputStream out) {
        try {
            this.out = factory.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line: {@code message} from {@code src} to {@code dest}, with {@code msgId}, in reply to {@code inReplyTo}. */
    public void write(String src, String dest, Message message, long msgId, long inReplyTo) throws IOException {
        begin(src, dest);
        out.writeStartObject();
        ProtocolCodec.write(message, out);
        out.writeNumberField("msg_id", msgId);
        if (inReplyTo != NO_REPLY) {
            out.writeNumberField("in_reply_to", inReplyTo);
        }
        out.writeEndObject();
        end();
    }

    /** One line: {@code reply} from {@code src} to {@code dest}, with {@code msgId}, in reply to {@code inReplyTo}. */
    public void write(String src, String dest, NodeReply reply, long msgId, long inReplyTo) throws IOException {
        ObjectNode body = NodeReply.encode(reply);
        body.put("msg_id", msgId);
        if (inReplyTo != NO_REPLY) {
            body.put("in_reply_to", inReplyTo);
        }
        write(src, dest, body);
    }

    /** One line: the tree {@code body} from {@code src} to {@code dest}. */
    public void write(String src, String dest, ObjectNode body) throws IOException {
        begin(src, dest);
        writeTree(body);
        end();
    }

    /** Writes every buffered line out. */
    public void flush() throws IOException {
        out.flush();
    }

    private void begin(String src, String dest) throws IOException {
        out.writeStartObject();
        out.writeStringField("src", src);
        out.writeStringField("dest", dest);
        out.writeFieldName("body");
    }

    private void end() throws IOException {
        out.writeEndObject();
        out.writeRaw('\n');
    }

    /**
     * Writes {@code node} as the tree mapper would, without one: containers and plain values here, a {@link RawValue}
     * as its text, anything else through the mapper.
     */
    private void writeTree(JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    writeTree(field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    writeTree(element);
                }
                out.writeEndArray();
            }
            case NULL -> out.writeNull();
            case STRING, NUMBER, BOOLEAN -> ((ValueNode) node).serialize(out, null); // these need no provider
            default -> {
                if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
                    raw.serialize(out, null);
                } else {
                    Json.mapper().writeTree(out, node);
                }
            }
        }
    }
}
