package io.stagger.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.core.Config;
import io.stagger.core.Effects;
import io.stagger.core.Group;
import io.stagger.core.Message;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.StepObserver;
import io.stagger.core.Timer;
import io.stagger.json.ErrorCode;
import io.stagger.json.MalformedInput;
import io.stagger.json.ProtocolCodec;
import io.stagger.json.ServiceCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives the protocol core as a Maelstrom node: JSON lines in on stdin, JSON lines out on stdout, logs on stderr,
 * real timers. One thread (the caller of {@link #run}) owns the core and every timer; a reader thread only turns
 * stdin into lines. The runtime makes no protocol decision: it parses, validates, calls the core, and writes what
 * the core decided.
 */
public final class MaelstromNode {
    /** Longest input line accepted, in characters; a longer one is skipped with a line on stderr. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** Lines read ahead of the event thread; the reader blocks beyond it (back-pressure, bounded memory). */
    public static final int INBOX_CAPACITY = 4096;

    private static final Object END_OF_INPUT = new Object();
    private static final long NOT_ARMED = Server.NOT_ARMED;

    private final NodeOptions options;
    private final ObjectMapper json = new ObjectMapper();
    private final Writer stdout;
    private final PrintStream stderr;
    private final long startNanos = System.nanoTime();
    private final long startWallMicros = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
            java.time.Instant.now());
    private final long[] timerDeadlines = new long[Timer.values().length];
    private final Outbox outbox = new Outbox();
    private StepObserver stepObserver = StepObserver.NONE;

    private String self;
    private Server server;
    private KvService service;
    private long nextMsgId = 1;
    // Since this process started, for the master RPC (the harness counts elections and revocations from them):
    private long elections; // ElectionTimeout steps: WAITING -> MASTER, a declaration (rule 5)
    private long revocations; // steps that sent revoke to every other member (rule 6, claim 23)
    private long revokesSent;

    /** A node with {@code options} that writes to {@code out} and logs to {@code err}. */
    public MaelstromNode(NodeOptions options, OutputStream out, PrintStream err) {
        this.options = options;
        this.stdout = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.stderr = err;
        java.util.Arrays.fill(timerDeadlines, NOT_ARMED);
    }

    /** Tells {@code observer} of every step of this node's server (the trace, {@code --trace}); call before {@link #run}. */
    public void observeWith(StepObserver observer) {
        this.stepObserver = observer;
    }

    /** The wall-clock time, in microseconds since the epoch, at which this node's own time was 0. */
    public long startWallMicros() {
        return startWallMicros;
    }

    /** Runs until EOF on {@code in}; returns the process exit code. */
    public int run(InputStream in) {
        BlockingQueue<Object> inbox = new ArrayBlockingQueue<>(INBOX_CAPACITY);
        Thread reader = new Thread(() -> readLines(in, inbox), "stdin-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                if (timerLateness() > options.lateTimerSlackMicros() && !drain(inbox)) {
                    break;
                }
                fireDueTimers();
                if (inbox.isEmpty()) {
                    stdout.flush(); // everything decided so far leaves before the node waits
                }
                Object input = inbox.poll(waitMicros(), TimeUnit.MICROSECONDS);
                if (input == END_OF_INPUT) {
                    break;
                }
                handleInput(input);
            }
            stdout.flush();
            log("stdin closed: stopping");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException | java.io.UncheckedIOException e) {
            log("stdout failed, stopping: " + e.getMessage());
            return 1;
        }
    }

    private void handleInput(Object input) {
        if (input instanceof String line) {
            handleLine(line);
        } else if (input instanceof BoundedLineReader.Overlong overlong) {
            log("ignored a line of " + overlong.length() + " characters (the limit is " + MAX_LINE_CHARS
                    + "): " + overlong.head() + "…");
        }
    }

    /**
     * Handles every input line already queued; false at EOF. Called when a timer is late: a node that was not
     * scheduled for longer than T (CPU starvation, a GC pause) must not time out a reply that is waiting in its
     * inbox, so the messages that arrived while it stood still go first.
     */
    private boolean drain(BlockingQueue<Object> inbox) {
        for (Object input = inbox.poll(); input != null; input = inbox.poll()) {
            if (input == END_OF_INPUT) {
                return false;
            }
            handleInput(input);
        }
        return true;
    }

    /** How late the most overdue timer is, in microseconds (0 if none is due). */
    private long timerLateness() {
        long now = nowMicros();
        long lateness = 0;
        for (long deadline : timerDeadlines) {
            if (deadline != NOT_ARMED) {
                lateness = Math.max(lateness, now - deadline);
            }
        }
        return lateness;
    }

    private void readLines(InputStream in, BlockingQueue<Object> inbox) {
        BoundedLineReader lines = new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_LINE_CHARS);
        try {
            for (Object line = lines.next(); line != null; line = lines.next()) {
                inbox.put(line);
            }
        } catch (IOException e) {
            log("stdin failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            inbox.put(END_OF_INPUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Input.

    /** Handles one input line; public for tests that drive the node without processes. */
    void handleLine(String line) {
        if (line.isBlank()) {
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(line);
        } catch (JsonProcessingException e) {
            log("ignored a line that is not JSON: " + abbreviate(line));
            return;
        }
        if (message == null || !message.isObject() || !message.path("src").isTextual()
                || !message.path("body").isObject()) {
            log("ignored a line that is not a Maelstrom message (needs string 'src' and object 'body'): "
                    + abbreviate(line));
            return;
        }
        String src = message.get("src").textValue();
        JsonNode body = message.get("body");
        Long msgId = body.path("msg_id").canConvertToExactIntegral() ? body.get("msg_id").asLong() : null;
        JsonNode typeNode = body.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            reject(src, msgId, ErrorCode.MALFORMED_REQUEST, "the body needs a string field 'type', got "
                    + ProtocolCodec.describe(typeNode));
            return;
        }
        String type = typeNode.textValue();
        try {
            dispatch(src, type, body, msgId);
        } catch (MalformedInput e) {
            reject(src, msgId, e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            reject(src, msgId, ErrorCode.MALFORMED_REQUEST, e.getMessage());
        } catch (IllegalStateException | AssertionError e) {
            // A broken invariant is a bug in the core: say so loudly, answer, and keep serving.
            e.printStackTrace(stderr);
            reject(src, msgId, ErrorCode.CRASH, "internal error: " + e);
        }
    }

    private void dispatch(String src, String type, JsonNode body, Long msgId) throws MalformedInput {
        if (type.equals("init")) {
            init(src, body, msgId);
            return;
        }
        if (type.equals("error") && !src.equals(KvService.NAME_SERVICE)) {
            log("error from " + src + ": " + body);
            return;
        }
        if (server == null) {
            throw new MalformedInput(ErrorCode.TEMPORARILY_UNAVAILABLE,
                    "not initialised yet: a '" + type + "' arrived before 'init'");
        }
        if (ProtocolCodec.isProtocolType(type)) {
            receiveProtocol(src, body, msgId);
        } else if (type.equals("master")) {
            replyMaster(src, msgId);
        } else if (src.equals(KvService.NAME_SERVICE) && body.has("in_reply_to")) {
            service.nameServerReply(body);
        } else if (ServiceCodec.isClientType(type)) {
            service.clientRequest(src, msgId, body, server.role(), nowMicros());
        } else if (ServiceCodec.isReplicaType(type)) {
            service.replicaMessage(src, body, nowMicros());
        } else if (type.equals("kv_forward")) {
            service.forwarded(src, msgId, body, server.role(), nowMicros());
        } else if (type.equals("kv_forward_ok")) {
            service.forwardReply(body);
        } else {
            throw new MalformedInput(ErrorCode.NOT_SUPPORTED, "unsupported request type '" + type + "'");
        }
    }

    private void init(String src, JsonNode body, Long msgId) throws MalformedInput {
        if (server != null) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, "already initialised as " + self);
        }
        JsonNode nodeId = body.get("node_id");
        JsonNode nodeIds = body.get("node_ids");
        if (nodeId == null || !nodeId.isTextual()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    "init needs a string 'node_id', got " + ProtocolCodec.describe(nodeId));
        }
        if (nodeIds == null || !nodeIds.isArray() || nodeIds.isEmpty()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    "init needs a non-empty array 'node_ids', got " + ProtocolCodec.describe(nodeIds));
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : nodeIds) {
            if (!id.isTextual()) {
                throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                        "init 'node_ids' must hold strings, got " + ProtocolCodec.describe(id));
            }
            ids.add(id.textValue());
        }
        if (!ids.contains(nodeId.textValue())) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    "init 'node_id' " + nodeId.textValue() + " is not in 'node_ids' " + ids);
        }
        Config config = options.config();
        Group group = Group.of(ids, config.rankRule());
        Server created = new Server(nodeId.textValue(), group, config);
        created.observeWith(stepObserver);
        self = created.self();
        server = created;
        long retryMicros = 2 * io.stagger.core.Durations.micros(config.detectionPeriod());
        service = new KvService(new ServiceSide(), ids, options.incarnation(), retryMicros,
                options.serviceMajorityRule(), options.snapshotPeriodMicros(), options.breaks());
        if (!options.breaks().isEmpty()) {
            log("DELIBERATELY BROKEN (--break " + options.breaks() + "): for testing the checkers only");
        }
        boolean restart = options.bootMode().isRestart(self, options.bootMarkerDir() == null
                ? BootMode.defaultMarkerDir() : Path.of(options.bootMarkerDir()));
        log("init: " + self + " of " + group + ", " + config + (restart ? ", restarting (rule 9)" : ""));
        if (restart) {
            service.recover(nowMicros());
        }
        stepAndLog(restart ? "Restart" : "Start", () -> {
            if (restart) {
                server.restart(nowMicros(), outbox);
            } else {
                server.start(nowMicros(), outbox);
            }
        });
        ObjectNode reply = json.createObjectNode();
        reply.put("type", "init_ok");
        send(src, reply, msgId);
    }

    private void receiveProtocol(String src, JsonNode body, Long msgId) throws MalformedInput {
        if (!server.group().contains(src) || src.equals(self)) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    "a protocol message must come from another member of " + server.group().ids() + ", not " + src);
        }
        Message message = ProtocolCodec.decode(body);
        outbox.replyTo(src, msgId);
        try {
            stepAndLog(message.type() + " from " + src, () -> server.receive(src, message, nowMicros(), outbox));
        } finally {
            outbox.replyTo(null, null);
        }
    }

    private void replyMaster(String src, Long msgId) {
        ObjectNode reply = json.createObjectNode();
        reply.put("type", "master_ok");
        if (server.master() == null) {
            reply.putNull("master");
        } else {
            reply.put("master", server.master());
        }
        reply.put("role", server.role().name());
        reply.put("epoch", server.epoch());
        reply.put("rank", server.rank());
        reply.put("elections", elections);
        reply.put("revocations", revocations);
        send(src, reply, msgId);
    }

    private void fireDueTimers() {
        if (server == null) {
            return;
        }
        long now = nowMicros();
        for (Timer timer : Timer.values()) {
            long deadline = timerDeadlines[timer.ordinal()];
            if (deadline != NOT_ARMED && deadline <= now) {
                timerDeadlines[timer.ordinal()] = NOT_ARMED;
                Role roleBefore = server.role();
                stepAndLog(timer.name().toLowerCase() + " timer", () -> server.timerFired(timer, now, outbox));
                if (timer == Timer.ELECTION && roleBefore == Role.WAITING && server.role() == Role.MASTER) {
                    elections++; // rule 5 (Start makes rank 1 MASTER too, but that is no election)
                }
            }
        }
        service.retryIfDue(now);
    }

    private long waitMicros() {
        long next = Long.MAX_VALUE;
        for (long deadline : timerDeadlines) {
            if (deadline != NOT_ARMED) {
                next = Math.min(next, deadline);
            }
        }
        if (service != null && service.retryAtMicros() != Long.MIN_VALUE) {
            next = Math.min(next, service.retryAtMicros());
        }
        return next == Long.MAX_VALUE ? TimeUnit.SECONDS.toMicros(1) : Math.max(0, next - nowMicros());
    }

    /** Runs one step of the core and logs a change of role or master: the story a reader of stderr follows. */
    private void stepAndLog(String cause, Runnable step) {
        Role roleBefore = server.role();
        String masterBefore = server.master();
        long epochBefore = server.epoch();
        long revokesBefore = revokesSent;
        step.run();
        if (revokesSent > revokesBefore) {
            revocations++;
        }
        service.roleIs(server.role(), nowMicros());
        boolean masterChanged = !Objects.equals(masterBefore, server.master());
        if (masterChanged) {
            service.masterChanged(server.master());
        }
        if (roleBefore != server.role() || masterChanged || epochBefore != server.epoch() || options.verbose()) {
            log(cause + ": " + roleBefore + " -> " + server.role() + ", master "
                    + (server.master() == null ? "none" : server.master()) + ", epoch " + server.epoch());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Output.

    private void reject(String src, Long msgId, int code, String text) {
        if (msgId == null) {
            log("ignored a message from " + src + ": " + text);
            return;
        }
        ObjectNode error = json.createObjectNode();
        error.put("type", "error");
        error.put("code", code);
        error.put("text", text);
        send(src, error, msgId);
    }

    private long send(String dest, ObjectNode body, Long inReplyTo) {
        long msgId = nextMsgId++;
        body.put("msg_id", msgId);
        if (inReplyTo != null) {
            body.put("in_reply_to", inReplyTo);
        }
        ObjectNode envelope = json.createObjectNode();
        envelope.put("src", self == null ? "uninitialised" : self);
        envelope.put("dest", dest);
        envelope.set("body", body);
        try {
            stdout.write(json.writeValueAsString(envelope));
            stdout.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return msgId;
    }

    private long nowMicros() {
        return (System.nanoTime() - startNanos) / 1_000;
    }

    /** One line on stderr; control characters are escaped, so input quoted in a log line cannot forge lines. */
    private void log(String text) {
        StringBuilder line = new StringBuilder(text.length() + 8);
        if (self != null) {
            line.append(self).append(": ");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else if (c < 0x20 && c != '\t') {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        stderr.println(line);
    }

    private static String abbreviate(String line) {
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    /** What the service sees of this node. */
    private final class ServiceSide implements KvService.Node {
        @Override
        public long send(String dest, ObjectNode body, Long inReplyTo) {
            return MaelstromNode.this.send(dest, body, inReplyTo);
        }

        @Override
        public String self() {
            return self;
        }

        @Override
        public String master() {
            return server.master();
        }

        @Override
        public boolean isMember(String id) {
            return server.group().contains(id);
        }

        @Override
        public void log(String text) {
            MaelstromNode.this.log(text);
        }

        @Override
        public long nowMicros() {
            return MaelstromNode.this.nowMicros();
        }
    }

    /** The core's effects, applied: messages become stdout lines, timers become deadlines of the event loop. */
    private final class Outbox implements Effects {
        private String replyTo;
        private Long replyToMsgId;

        void replyTo(String to, Long msgId) {
            this.replyTo = to;
            this.replyToMsgId = msgId;
        }

        @Override
        public void send(String to, Message message) {
            ObjectNode body = json.createObjectNode();
            ProtocolCodec.encode(message, body);
            boolean isReply = message instanceof Message.InquiryOk && to.equals(replyTo);
            if (message instanceof Message.Revoke) {
                revokesSent++;
            }
            MaelstromNode.this.send(to, body, isReply ? replyToMsgId : null);
        }

        @Override
        public void arm(Timer timer, long deadlineMicros) {
            timerDeadlines[timer.ordinal()] = deadlineMicros;
        }

        @Override
        public void cancel(Timer timer) {
            timerDeadlines[timer.ordinal()] = NOT_ARMED;
        }
    }
}
