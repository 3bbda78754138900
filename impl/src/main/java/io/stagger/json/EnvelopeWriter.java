package io.stagger.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.stagger.core.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes Maelstrom envelopes, one per line, through one streaming generator for the whole output: a protocol message
 * straight from its record (PROTOCOL.md §3; names and types written from their encoded bytes), any other body
 * from its tree. The bytes are those the tree mapper writes (the same
 * generator underneath, the same field order). Writes are buffered until {@link #flush}.
 */
public final class EnvelopeWriter {
    /** {@code inReplyTo} of a message that answers none. */
    public static final long NO_REPLY = EnvelopeReader.NO_MSG_ID;

    // Names and types encoded once: the generator copies their quoted bytes instead of escaping each character.
    private static final SerializedString SRC = new SerializedString("src");
    private static final SerializedString DEST = new SerializedString("dest");
    private static final SerializedString BODY = new SerializedString("body");
    private static final SerializedString MSG_ID = new SerializedString("msg_id");
    private static final SerializedString IN_REPLY_TO = new SerializedString("in_reply_to");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString MASTER = new SerializedString("master");
    private static final SerializedString REVOKED = new SerializedString("revoked");
    private static final SerializedString EPOCH = new SerializedString("epoch");
    private static final SerializedString INQUIRY = new SerializedString("inquiry");
    private static final SerializedString INQUIRY_OK = new SerializedString("inquiry_ok");
    private static final SerializedString DECLARE = new SerializedString("declare");
    private static final SerializedString REVOKE = new SerializedString("revoke");
    private static final SerializedString SUSPECT = new SerializedString("suspect");
    private static final SerializedString FAILED = new SerializedString("failed");
    private static final SerializedString LIVE = new SerializedString("live");

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
        out.writeFieldName(TYPE);
        if (message instanceof Message.InquiryOk ok) {
            out.writeString(INQUIRY_OK);
            writeMasterAndEpoch(ok.master(), ok.epoch());
        } else if (message instanceof Message.Declare declare) {
            out.writeString(DECLARE);
            writeMasterAndEpoch(declare.master(), declare.epoch());
            writeLive(declare.live());
        } else if (message instanceof Message.Revoke revoke) {
            out.writeString(REVOKE);
            out.writeFieldName(REVOKED);
            out.writeString(revoke.revoked());
            writeMasterAndEpoch(revoke.master(), revoke.epoch());
            writeLive(revoke.live());
        } else if (message instanceof Message.Suspect suspect) {
            out.writeString(SUSPECT);
            out.writeFieldName(FAILED);
            out.writeString(suspect.failed());
            out.writeFieldName(EPOCH);
            out.writeNumber(suspect.epoch());
        } else if (message instanceof Message.Inquiry) {
            out.writeString(INQUIRY);
        } else {
            throw new IllegalArgumentException("no encoding for " + message);
        }
        out.writeFieldName(MSG_ID);
        out.writeNumber(msgId);
        if (inReplyTo != NO_REPLY) {
            out.writeFieldName(IN_REPLY_TO);
            out.writeNumber(inReplyTo);
        }
        out.writeEndObject();
        end();
    }

    /** The fields {@code master} (a string, or null for NONE) and {@code epoch} of a protocol message. */
    private void writeMasterAndEpoch(String master, long epoch) throws IOException {
        out.writeFieldName(MASTER);
        if (master == null) {
            out.writeNull();
        } else {
            out.writeString(master);
        }
        out.writeFieldName(EPOCH);
        out.writeNumber(epoch);
    }

    /** Variant {@code roster}: the field {@code live}, an array of ids, when the message carries a roster. */
    private void writeLive(List<String> live) throws IOException {
        if (live == null) {
            return;
        }
        out.writeFieldName(LIVE);
        out.writeStartArray();
        for (String id : live) {
            out.writeString(id);
        }
        out.writeEndArray();
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
        out.writeFieldName(SRC);
        out.writeString(src);
        out.writeFieldName(DEST);
        out.writeString(dest);
        out.writeFieldName(BODY);
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
