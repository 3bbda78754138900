package io.stagger.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.core.Config;
import io.stagger.core.Effects;
import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Message;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.StepObserver;
import io.stagger.core.Timer;
import io.stagger.json.EnvelopeReader;
import io.stagger.json.EnvelopeWriter;
import io.stagger.json.ErrorCode;
import io.stagger.json.FrontDoorCodec;
import io.stagger.json.FrontDoorPort;
import io.stagger.json.Json;
import io.stagger.json.MalformedInput;
import io.stagger.json.NodeReply;
import io.stagger.json.ProtocolCodec;
import io.stagger.service.FrontDoor;
import io.stagger.service.NameServer;
import io.stagger.service.ServiceInput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives the protocol core as a Maelstrom node: JSON lines in on stdin, JSON lines out on stdout, logs on stderr,
 * real timers. One thread (the caller of {@link #run}) owns the core and every timer; a reader thread only turns
 * stdin into lines, which the event loop takes in batches. The runtime makes no protocol decision: it parses,
 * validates, calls the core, and writes what the core decided. Protocol messages, {@code init} and {@code master}
 * are read by {@link EnvelopeReader} and written by one streaming generator, without a JSON tree; every other line
 * (the service's, and anything the reader declines) is read as a tree.
 */
public final class MaelstromNode {
    /** Longest input line accepted, in bytes; a longer one is skipped with a line on stderr. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** Lines read ahead of the event thread; the reader blocks beyond it (back-pressure, bounded memory). */
    public static final int INBOX_CAPACITY = 4096;

    private static final Object END_OF_INPUT = new Object();
    private static final long NOT_ARMED = Server.NOT_ARMED;

    private final NodeOptions options;
    private static final long NO_MSG_ID = EnvelopeReader.NO_MSG_ID;

    private final com.fasterxml.jackson.core.JsonFactory streaming;
    private EnvelopeReader envelopes; // made at the first line: a parser's classes are slow to initialise (NodeMain)
    private final EnvelopeWriter stdout;
    private final ArrayDeque<Object> taken = new ArrayDeque<>();
    private final PrintStream stderr;
    private final long startNanos = System.nanoTime();
    private final long startWallMicros = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
            java.time.Instant.now());
    private final long[] timerDeadlines = new long[Timer.values().length];
    private final Outbox outbox = new Outbox();
    private StepObserver stepObserver = StepObserver.NONE;
    private Path markersToClean;
    private final java.util.concurrent.FutureTask<String> parentKeyLookup;

    private String self;
    private Server server;
    private final FrontDoors frontDoors;
    private FrontDoor service;
    private long nextMsgId = 1;
    // Since this process started, for the master RPC (the harness counts elections and revocations from them):
    private long elections; // ElectionTimeout steps: WAITING -> MASTER, a declaration (rule 5)
    private long revocations; // steps that sent revoke to every other member (rule 6, claim 23)
    private long revokesSent;
    // The server's state before the step under way (beginStep, endStep).
    private Role roleBefore;
    private String masterBefore;
    private long epochBefore;
    private long revokesBefore;

    /** A node with {@code options} that writes to {@code out} and logs to {@code err}. */
    public MaelstromNode(NodeOptions options, OutputStream out, PrintStream err) {
        this(options, out, err, FrontDoors.PRODUCT);
    }

    /** As above, with the service's front door built by {@code frontDoors} (a test node's differs). */
    public MaelstromNode(NodeOptions options, OutputStream out, PrintStream err, FrontDoors frontDoors) {
        this.options = options;
        this.frontDoors = frontDoors;
        this.streaming = Json.streaming();
        this.stdout = new EnvelopeWriter(streaming, new BufferedOutputStream(out, 1 << 16));
        this.stderr = err;
        java.util.Arrays.fill(timerDeadlines, NOT_ARMED);
        parentKeyLookup = new java.util.concurrent.FutureTask<>(BootMode::parentKey);
        if (options.bootMode() == BootMode.AUTO) {
            // Init needs it (rule 8 or 9): looked up alongside the rest of the start, not after init arrives.
            Thread lookup = new Thread(parentKeyLookup, "boot-key");
            lookup.setDaemon(true);
            lookup.start();
        }
    }

    /** The harness's process key, looked up by the thread the constructor started (or now, if that failed). */
    private String parentKey() {
        try {
            return parentKeyLookup.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return BootMode.parentKey();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BootMode.parentKey();
        }
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
                if (taken.isEmpty()) {
                    inbox.drainTo(taken, INBOX_CAPACITY); // one hand-off for every line already read
                }
                if (taken.isEmpty()) {
                    stdout.flush(); // everything decided so far leaves before the node waits
                    if (markersToClean != null) {
                        BootMode.removeMarkersOfGoneProcesses(markersToClean); // after init_ok: init needs none of it
                        markersToClean = null;
                        continue;
                    }
                    Object input = inbox.poll(waitMicros(), TimeUnit.MICROSECONDS);
                    if (input != null) {
                        taken.add(input);
                    }
                }
                Object input = taken.poll();
                if (input == null) {
                    continue;
                }
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

    /** Writes out everything written so far. */
    void flushOutput() throws IOException {
        stdout.flush();
    }

    private void handleInput(Object input) {
        if (input instanceof byte[] line) {
            handleLine(line);
        } else if (input instanceof BoundedLineReader.Overlong overlong) {
            log("ignored a line of " + overlong.length() + " bytes (the limit is " + MAX_LINE_BYTES
                    + "): " + overlong.head() + "…");
        }
    }

    /**
     * Handles every input line already queued; false at EOF. Called when a timer is late: a node that was not
     * scheduled for longer than T (CPU starvation, a GC pause) must not time out a reply that is waiting in its
     * inbox, so the messages that arrived while it stood still go first.
     */
    private boolean drain(BlockingQueue<Object> inbox) {
        inbox.drainTo(taken);
        for (Object input = taken.poll(); input != null; input = taken.poll()) {
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
        BoundedLineReader lines = new BoundedLineReader(in, MAX_LINE_BYTES);
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

    /** Handles one input line (UTF-8, without its newline). */
    private void handleLine(byte[] line) {
        if (!handleStreamed(line)) {
            handleTree(new String(line, StandardCharsets.UTF_8));
        }
    }

    /** Handles one input line; for tests that drive the node without processes. */
    void handleLine(String line) {
        if (!handleStreamed(line.getBytes(StandardCharsets.UTF_8))) {
            handleTree(line);
        }
    }

    /** Handles {@code line} if {@link EnvelopeReader} reads it and it needs no tree; false if it must be read as one. */
    private boolean handleStreamed(byte[] line) {
        if (envelopes == null) {
            envelopes = new EnvelopeReader(streaming);
        }
        if (!envelopes.read(line, line.length)
                || (server == null && envelopes.kind() != EnvelopeReader.Kind.INIT)) {
            return false;
        }
        String src = envelopes.src();
        long msgId = envelopes.msgId();
        try {
            switch (envelopes.kind()) {
                case INIT -> init(src, envelopes.nodeId(), envelopes.nodeIds(), boxed(msgId));
                case MASTER -> replyMaster(src, boxed(msgId));
                case PROTOCOL -> receiveProtocol(src, envelopes.message(), msgId);
            }
        } catch (MalformedInput | IllegalArgumentException | IllegalStateException | AssertionError e) {
            failed(src, boxed(msgId), e);
        }
        return true;
    }

    private static Long boxed(long msgId) {
        return msgId == NO_MSG_ID ? null : msgId;
    }

    /** Handles one input line read as a JSON tree: any line {@link EnvelopeReader} declined. */
    private void handleTree(String line) {
        if (line.isBlank()) {
            return;
        }
        JsonNode message;
        try {
            message = Json.mapper().readTree(line);
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
            if (type.equals("init")) {
                ProtocolCodec.Init init = ProtocolCodec.decodeInit(body);
                init(src, init.nodeId(), init.nodeIds(), msgId);
            } else if (type.equals("error") && !src.equals(NameServer.SERVICE)) {
                log("error from " + src + ": " + body);
            } else if (server == null) {
                throw new MalformedInput(ErrorCode.TEMPORARILY_UNAVAILABLE,
                        "not initialised yet: a '" + type + "' arrived before 'init'");
            } else if (ProtocolCodec.isProtocolType(type)) {
                receiveProtocol(src, ProtocolCodec.decode(body), msgId == null ? NO_MSG_ID : msgId);
            } else if (type.equals("master")) {
                replyMaster(src, msgId);
            } else {
                ServiceInput input = FrontDoorCodec.decode(src, type, body, msgId); // decoded here, once
                if (input == null) {
                    throw new MalformedInput(ErrorCode.NOT_SUPPORTED, "unsupported request type '" + type + "'");
                }
                service.receive(input, nowMicros());
            }
        } catch (MalformedInput | IllegalArgumentException | IllegalStateException | AssertionError e) {
            failed(src, msgId, e);
        }
    }

    /** Answers a request whose handling failed: with its error code, or as a crash for a broken invariant. */
    private void failed(String src, Long msgId, Throwable e) {
        if (e instanceof MalformedInput malformed) {
            reject(src, msgId, malformed.code(), malformed.getMessage());
        } else if (e instanceof IllegalArgumentException) {
            reject(src, msgId, ErrorCode.MALFORMED_REQUEST, e.getMessage());
        } else {
            // A broken invariant is a bug in the core: say so loudly, answer, and keep serving.
            e.printStackTrace(stderr);
            reject(src, msgId, ErrorCode.CRASH, "internal error: " + e);
        }
    }

    private void init(String src, String nodeId, List<String> ids, Long msgId) throws MalformedInput {
        if (server != null) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, "already initialised as " + self);
        }
        if (!ids.contains(nodeId)) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    "init 'node_id' " + nodeId + " is not in 'node_ids' " + ids);
        }
        Config config = options.config();
        Group group = Group.of(ids, config.rankRule());
        Server created = new Server(nodeId, group, config);
        created.observeWith(stepObserver);
        self = created.self();
        server = created;
        long retryMicros = 2 * io.stagger.core.Durations.micros(config.detectionPeriod());
        service = frontDoors.create(new FrontDoors.Setup(self, ids, options.incarnation(), retryMicros,
                options.serviceMajorityRule(), options.snapshotPeriodMicros()),
                new FrontDoorPort(stdout, self, () -> nextMsgId++, this::log));
        Path markerDir = options.bootMarkerDir() == null
                ? BootMode.defaultMarkerDir() : Path.of(options.bootMarkerDir());
        boolean restart = options.bootMode().isRestart(self, markerDir,
                options.bootMode() == BootMode.AUTO ? parentKey() : null);
        if (options.bootMode() == BootMode.AUTO) {
            markersToClean = markerDir;
        }
        log("init: " + self + " of " + group + ", " + config + (restart ? ", restarting (rule 9)" : ""));
        if (restart) {
            service.recover(nowMicros());
        }
        Event boot = restart ? Event.Restart.INSTANCE : Event.Start.INSTANCE;
        stepAndLog(restart ? "Restart" : "Start", () -> server.step(boot, nowMicros(), outbox));
        send(src, new NodeReply.InitOk(), msgId);
    }

    private void receiveProtocol(String src, Message message, long msgId) throws MalformedInput {
        if (!server.group().contains(src) || src.equals(self)) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    "a protocol message must come from another member of " + server.group().ids() + ", not " + src);
        }
        outbox.replyTo(src, msgId);
        try {
            beginStep(); // not stepAndLog: a message in the steady state allocates neither a lambda nor a text
            server.step(new Event.Receive(src, message), nowMicros(), outbox);
            endStep(message.type(), src);
        } finally {
            outbox.replyTo(null, NO_MSG_ID);
        }
    }

    private void replyMaster(String src, Long msgId) {
        send(src, new NodeReply.MasterOk(server.master(), server.role().name(), server.epoch(), server.rank(),
                elections, revocations), msgId);
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
                Role before = server.role();
                stepAndLog(timer.name().toLowerCase() + " timer",
                        () -> server.step(Event.TimerFired.of(timer), now, outbox));
                if (timer == Timer.ELECTION && before == Role.WAITING && server.role() == Role.MASTER) {
                    elections++; // rule 5 (Start makes rank 1 MASTER too, but that is no election)
                }
            }
        }
        service.retry(now);
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
        beginStep();
        step.run();
        endStep(cause, null);
    }

    /** Notes the server's state before a step, for {@link #endStep}. */
    private void beginStep() {
        roleBefore = server.role();
        masterBefore = server.master();
        epochBefore = server.epoch();
        revokesBefore = revokesSent;
    }

    /** After a step caused by {@code cause} (a message from {@code from}, if not null): counts, service, log. */
    private void endStep(String cause, String from) {
        if (revokesSent > revokesBefore) {
            revocations++;
        }
        service.election(server.role(), server.master(), nowMicros());
        boolean masterChanged = !Objects.equals(masterBefore, server.master());
        if (roleBefore != server.role() || masterChanged || epochBefore != server.epoch() || options.verbose()) {
            log(cause + (from == null ? "" : " from " + from) + ": " + roleBefore + " -> " + server.role()
                    + ", master " + (server.master() == null ? "none" : server.master()) + ", epoch " + server.epoch());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Output.

    private void reject(String src, Long msgId, int code, String text) {
        if (msgId == null) {
            log("ignored a message from " + src + ": " + text);
            return;
        }
        send(src, new NodeReply.Error(code, text), msgId);
    }

    private void send(String dest, NodeReply reply, Long inReplyTo) {
        try {
            stdout.write(sender(), dest, reply, nextMsgId++, inReplyTo == null ? NO_MSG_ID : inReplyTo);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes a protocol message to {@code dest} (in reply to {@code inReplyTo} unless {@link #NO_MSG_ID}). */
    private void send(String dest, Message message, long inReplyTo) {
        try {
            stdout.write(sender(), dest, message, nextMsgId++, inReplyTo);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String sender() {
        return self == null ? "uninitialised" : self;
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

    /** The core's effects, applied: messages become stdout lines, timers become deadlines of the event loop. */
    private final class Outbox implements Effects {
        private String replyTo;
        private long replyToMsgId = NO_MSG_ID;

        void replyTo(String to, long msgId) {
            this.replyTo = to;
            this.replyToMsgId = msgId;
        }

        @Override
        public void send(String to, Message message) {
            boolean isReply = message instanceof Message.InquiryOk && to.equals(replyTo);
            if (message instanceof Message.Revoke) {
                revokesSent++;
            }
            MaelstromNode.this.send(to, message, isReply ? replyToMsgId : NO_MSG_ID);
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
