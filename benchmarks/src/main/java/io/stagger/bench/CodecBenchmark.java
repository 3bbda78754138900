package io.stagger.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.core.Message;
import io.stagger.json.MalformedInput;
import io.stagger.json.ProtocolCodec;
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
 * The JSON of each protocol message (PROTOCOL.md §3) as the node handles it: a whole Maelstrom envelope line read
 * with {@link ObjectMapper#readTree} and its body decoded by {@link ProtocolCodec#decode}; and a message encoded into
 * a body, wrapped in an envelope with {@code msg_id} (and {@code in_reply_to} for a reply) and written as a line.
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
    private String line;
    private Message message;
    private long nextMsgId = 1;

    @Setup(Level.Trial)
    public void setUp() throws MalformedInput, JsonProcessingException {
        message = switch (type) {
            case "inquiry" -> Message.Inquiry.INSTANCE;
            case "inquiry_ok" -> new Message.InquiryOk("n1", 42);
            case "declare" -> new Message.Declare("n1", 42);
            case "revoke" -> new Message.Revoke("n3", "n1", 42);
            default -> throw new IllegalArgumentException("not a protocol message type: " + type);
        };
        line = write();
        if (!parse().equals(message)) {
            throw new IllegalStateException("the codec does not round-trip " + message + " through " + line);
        }
    }

    /** One input line to its protocol message. */
    @Benchmark
    public Message parse() throws JsonProcessingException, MalformedInput {
        JsonNode envelope = json.readTree(line);
        return ProtocolCodec.decode(envelope.get("body"));
    }

    /** One protocol message to its output line, without the newline. */
    @Benchmark
    public String write() throws JsonProcessingException {
        ObjectNode body = json.createObjectNode();
        ProtocolCodec.encode(message, body);
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
