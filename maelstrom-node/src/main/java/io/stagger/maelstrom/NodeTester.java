package io.stagger.maelstrom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drives a {@link Node} in a test: no process, no thread, no sleep. Time is a {@link ManualClock} that moves only in
 * {@link #advance}; each step returns the messages the node wrote during it, and {@link #stderr} what it logged.
 */
public final class NodeTester {
    private final ManualClock clock = new ManualClock();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Node node;
    private int outRead;
    private long nextMsgId = 1;

    /** A node on virtual time, set up by {@code wiring} (register handlers, timers; e.g. an example's constructor). */
    public NodeTester(Consumer<Node> wiring) {
        this.node = new Node(clock, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        wiring.accept(node);
    }

    /** The node under test. */
    public Node node() {
        return node;
    }

    /** Its clock. */
    public ManualClock clock() {
        return clock;
    }

    /** Sends init (from "c0") naming this node {@code self} among {@code all}. */
    public List<Message> init(String self, String... all) {
        ObjectNode body = Json.body("init").put("node_id", self);
        body.set("node_ids", Json.tree(List.of(all)));
        return deliver(new Message("c0", self, body.put("msg_id", nextMsgId++)));
    }

    /** Delivers {@code body} from {@code src} as a request: it gets a fresh msg_id. */
    public List<Message> request(String src, ObjectNode body) {
        return receive(src, body.put("msg_id", nextMsgId++));
    }

    /** Delivers {@code body} from {@code src} as it is. */
    public List<Message> receive(String src, ObjectNode body) {
        return deliver(new Message(src, node.initialised() ? node.id() : null, body));
    }

    /** Answers {@code sent}, a message the node wrote, with {@code body} from its destination. */
    public List<Message> replyTo(Message sent, ObjectNode body) {
        body.put("msg_id", nextMsgId++).put("in_reply_to", sent.msgId());
        return deliver(new Message(sent.dest(), sent.src(), body));
    }

    /** Delivers one raw input line, bad ones included. */
    public List<Message> receiveLine(String line) {
        node.handle(line);
        return written();
    }

    /** Moves time forward by {@code step}, firing every timer on the way at its own deadline, in order. */
    public List<Message> advance(Duration step) {
        long target = clock.nanos() + step.toNanos();
        for (long deadline = node.nextDeadlineNanos(); deadline <= target; deadline = node.nextDeadlineNanos()) {
            clock.set(Math.max(clock.nanos(), deadline));
            node.fireDueTimers();
        }
        clock.set(target);
        return written();
    }

    /** Everything the node logged so far. */
    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<Message> deliver(Message message) {
        try {
            return receiveLine(Json.mapper().writeValueAsString(message.toJson()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages written since the last step. */
    private List<Message> written() {
        node.flush();
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, outRead, bytes.length - outRead, StandardCharsets.UTF_8);
        outRead = bytes.length;
        List<Message> messages = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                try {
                    messages.add(Message.fromJson(Json.mapper().readTree(line)));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return messages;
    }
}
