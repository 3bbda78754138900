package io.stagger.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.core.Message;
import io.stagger.json.EnvelopeReader;
import io.stagger.json.EnvelopeWriter;
import io.stagger.json.Json;
import io.stagger.json.MalformedInput;
import io.stagger.json.ProtocolCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON of each protocol message (PROTOCOL.md §3) as the node handles it. {@code parse}: a whole Maelstrom
 * envelope line, as the node's reader hands it over (UTF-8 bytes without the newline), read by
 * {@link EnvelopeReader} into its record. {@code write}: a message written by {@link EnvelopeWriter} as a whole
 * line, with {@code msg_id} (and {@code in_reply_to} for a reply), into the node's buffered output (here thrown
 * away). {@code parseTree} and {@code writeTree} are the tree path the node used before, and still uses for the
 * lines the reader declines: {@link ObjectMapper#readTree} and {@link ProtocolCodec#decode}; a body built as a tree
 * and written with {@code writeValueAsString}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class CodecBenchmark {
    @Param({"inquiry", "inquiry_ok", "declare", "revoke"})
    String type;

    private final ObjectMapper json = new ObjectMapper();
    private final EnvelopeReader reader = new EnvelopeReader(Json.streaming());
    private final EnvelopeWriter writer = new EnvelopeWriter(Json.streaming(), OutputStream.nullOutputStream());
    private String line;
    private byte[] lineBytes;
    private Message message;
    private long nextMsgId = 1;

    @Setup(Level.Trial)
    public void setUp() throws MalformedInput, IOException {
        message = switch (type) {
            case "inquiry" -> Message.Inquiry.INSTANCE;
            case "inquiry_ok" -> new Message.InquiryOk("n1", 42);
            case "declare" -> new Message.Declare("n1", 42);
            case "revoke" -> new Message.Revoke("n3", "n1", 42);
            default -> throw new IllegalArgumentException("not a protocol message type: " + type);
        };
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        EnvelopeWriter once = new EnvelopeWriter(Json.streaming(), written);
        once.write("n1", "n2", message, 12_345, inReplyTo());
        once.flush();
        line = written.toString(StandardCharsets.UTF_8).strip();
        lineBytes = line.getBytes(StandardCharsets.UTF_8);
        nextMsgId = 12_345;
        String tree = writeTree();
        nextMsgId = 1;
        if (!line.equals(tree)) {
            throw new IllegalStateException("the streamed line " + line + " is not the tree's " + tree);
        }
        if (!parse().equals(message) || !parseTree().equals(message)) {
            throw new IllegalStateException("the codec does not round-trip " + message + " through " + line);
        }
    }

    private long inReplyTo() {
        return message instanceof Message.InquiryOk ? 17 : EnvelopeWriter.NO_REPLY;
    }

    /** One input line to its protocol message, streamed. */
    @Benchmark
    public Message parse() {
        if (!reader.read(lineBytes, lineBytes.length)) {
            throw new IllegalStateException("the reader declined " + line);
        }
        return reader.message();
    }

    /** One protocol message to its output line, streamed into the node's (discarded) output. */
    @Benchmark
    public long write() throws IOException {
        long msgId = nextMsgId++;
        writer.write("n1", "n2", message, msgId, inReplyTo());
        return msgId;
    }

    /** One input line to its protocol message through a JSON tree, as before. */
    @Benchmark
    public Message parseTree() throws JsonProcessingException, MalformedInput {
        JsonNode envelope = json.readTree(line);
        return ProtocolCodec.decode(envelope.get("body"));
    }

    /** One protocol message to its output line through a JSON tree, as before (without the newline). */
    @Benchmark
    public String writeTree() throws JsonProcessingException {
        ObjectNode body = json.createObjectNode();
        body.put("type", message.type());
        if (message instanceof Message.InquiryOk ok) {
            body.put("master", ok.master());
            body.put("epoch", ok.epoch());
        } else if (message instanceof Message.Declare declare) {
            body.put("master", declare.master());
            body.put("epoch", declare.epoch());
        } else if (message instanceof Message.Revoke revoke) {
            body.put("revoked", revoke.revoked());
            body.put("master", revoke.master());
            body.put("epoch", revoke.epoch());
        }
        body.put("msg_id", nextMsgId++);
        if (message instanceof Message.InquiryOk) {
            body.put("in_reply_to", 17);
        }
        ObjectNode envelope = json.createObjectNode();
        envelope.put("src", "n1");
        envelope.put("dest", "n2");
        envelope.set("body", body);
        return json.writeValueAsString(envelope);
    }
}
