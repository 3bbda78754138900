package io.stagger.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.stagger.json.ServiceCodec;
import io.stagger.maelstrom.Clock;
import io.stagger.maelstrom.Handler;
import io.stagger.maelstrom.Input;
import io.stagger.maelstrom.LineHandler;
import io.stagger.maelstrom.Node;
import io.stagger.maelstrom.Output;
import io.stagger.maelstrom.RpcError;
import io.stagger.maelstrom.Scheduled;
import io.stagger.maelstrom.Task;
import io.stagger.service.FrontDoor;
import io.stagger.service.NameServer;
import io.stagger.service.ServiceInput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The protocol core as a Maelstrom node, on the {@code maelstrom-node} library's {@link Node}: the library owns the
 * event loop (one thread, stdin read ahead by a reader thread, stdout flushed before it waits, late timers after
 * the queued input), the timers, init and the answers to bad input; this class is the election's and the service's
 * handlers. It makes no protocol decision: it decodes, calls the core, and writes what the core decided. Protocol
 * messages, {@code init} and {@code master} are read by {@link EnvelopeReader} (the library's line fast path) and
 * written by {@link EnvelopeWriter} (the library's output), without a JSON tree; every other line is read as a tree
 * by the library and dispatched to the handler of its type.
 */
public final class MaelstromNode {
    private static final long NO_MSG_ID = EnvelopeReader.NO_MSG_ID;

    private final NodeOptions options;
    private final Node node;
    private final JsonFactory streaming;
    private EnvelopeReader envelopes; // made at the first line: a parser's classes are slow to initialise (NodeMain)
    private final EnvelopeWriter stdout;
    /** The node's clock at this node's time 0: the core's times are microseconds since then. */
    private final long startNanos;
    private final long startWallMicros = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
            java.time.Instant.now());
    /** The core's timers on the library's loop, one per {@link Timer}, moved as the core re-arms them. */
    private final Scheduled[] timers = new Scheduled[Timer.values().length];
    /** The service's retry deadline on the library's loop. */
    private Scheduled serviceRetry;
    private final Outbox outbox = new Outbox();
    private StepObserver stepObserver = StepObserver.NONE;
    private final java.util.concurrent.FutureTask<String> parentKeyLookup;

    private String self;
    private Server server;
    private final FrontDoors frontDoors;
    private FrontDoor service;
    // Since this process started, for the master RPC (the harness counts elections and revocations from them):
    private long elections; // ElectionTimeout steps: WAITING -> MASTER, a declaration (rule 5)
    private long revocations; // steps that sent revoke to every other member (rule 6, claim 23)
    private long revokesSent;
    // The server's state before the step under way (beginStep, endStep).
    private Role roleBefore;
    private String masterBefore;
    private long epochBefore;
    private long revokesBefore;

    /** A node with {@code options} that writes to {@code out} and logs to {@code err}, on the real clock. */
    public MaelstromNode(NodeOptions options, OutputStream out, PrintStream err) {
        this(options, out, err, FrontDoors.PRODUCT);
    }

    /** As above, with the service's front door built by {@code frontDoors} (a test node's differs). */
    public MaelstromNode(NodeOptions options, OutputStream out, PrintStream err, FrontDoors frontDoors) {
        this(options, Clock.system(), out, err, frontDoors);
    }

    /** A node with {@code options} on {@code clock} (a test's {@code ManualClock}, say). */
    MaelstromNode(NodeOptions options, Clock clock, OutputStream out, PrintStream err, FrontDoors frontDoors) {
        this.options = options;
        this.frontDoors = frontDoors;
        this.streaming = Json.streaming();
        this.stdout = new EnvelopeWriter(streaming, new BufferedOutputStream(out, 1 << 16));
        this.node = new Node(clock, new Output() {
            @Override
            public void write(String src, String dest, ObjectNode body) throws IOException {
                stdout.write(src, dest, body);
            }

            @Override
            public void flush() throws IOException {
                stdout.flush();
            }
        }, err);
        this.startNanos = clock.nanos();
        node.lateTimerSlack(Duration.ofNanos(options.lateTimerSlackMicros() * 1_000));
        node.onLine(new StreamedLines());
        node.onInit(new InitHook());
        registerHandlers();
        parentKeyLookup = new java.util.concurrent.FutureTask<>(new ParentKeyLookup());
        if (options.bootMode() == BootMode.AUTO) {
            // Init needs it (rule 8 or 9): looked up alongside the rest of the start, not after init arrives.
            Thread lookup = new Thread(parentKeyLookup, "boot-key");
            lookup.setDaemon(true);
            lookup.start();
        }
    }

    /** What a message type is to this node: the handler registered for the type routes it by this. */
    private enum Route { PROTOCOL, MASTER, SERVICE, NAME_SERVER_REPLY }

    /** Registers a handler for each message type the node serves besides init (the library's, then {@link #init}). */
    private void registerHandlers() {
        register(ProtocolCodec.TYPES, Route.PROTOCOL);
        register(List.of("master"), Route.MASTER);
        register(ServiceCodec.CLIENT_TYPES, Route.SERVICE);
        register(ServiceCodec.REPLICA_TYPES, Route.SERVICE);
        register(List.of("kv_forward", "kv_forward_ok"), Route.SERVICE);
        // The name server's (the harness's lin-kv) answers to the service's registration and look-ups.
        register(List.of("read_ok", "write_ok", "cas_ok", "error"), Route.NAME_SERVER_REPLY);
    }

    private void register(List<String> types, Route route) {
        Handler handler = new Routed(route);
        for (String type : types) {
            node.on(type, handler);
        }
    }

    /**
     * The handler of a route's types (a class, not a lambda per type: it is made in every start). The core's and the
     * codecs' failures become the Maelstrom errors the library answers with.
     */
    private final class Routed implements Handler {
        private final Route route;

        Routed(Route route) {
            this.route = route;
        }

        @Override
        public void handle(io.stagger.maelstrom.Message message) {
            try {
                route(message);
            } catch (MalformedInput | IllegalArgumentException e) {
                throw asRpcError(e);
            } finally {
                syncServiceRetry();
            }
        }

        private void route(io.stagger.maelstrom.Message message) throws MalformedInput {
            String src = message.src();
            switch (route) {
                case PROTOCOL -> receiveProtocol(src, ProtocolCodec.decode(message.body()), msgIdOf(message));
                case MASTER -> replyMaster(src, message.msgId());
                case SERVICE -> toService(message);
                case NAME_SERVER_REPLY -> {
                    if (message.isError() && !src.equals(NameServer.SERVICE)) {
                        log("error from " + src + ": " + message.body());
                    } else {
                        toService(message);
                    }
                }
            }
        }
    }

    /** Hands {@code message} to the service's front door, decoded here, once. */
    private void toService(io.stagger.maelstrom.Message message) throws MalformedInput {
        ServiceInput input = FrontDoorCodec.decode(message.src(), message.type(), message.body(), message.msgId());
        if (input == null) {
            throw new MalformedInput(ErrorCode.NOT_SUPPORTED, "unsupported request type '" + message.type() + "'");
        }
        service.receive(input, nowMicros());
    }

    /**
     * The error a request that failed with {@code failure} is answered with: a {@link MalformedInput} with its own
     * code, an IllegalArgumentException (a core's precondition on its input) with 12, malformed request.
     */
    private static RpcError asRpcError(Exception failure) {
        int code = failure instanceof MalformedInput malformed ? malformed.code() : ErrorCode.MALFORMED_REQUEST;
        return new RpcError(code, failure.getMessage());
    }

    private static long msgIdOf(io.stagger.maelstrom.Message message) {
        Long msgId = message.msgId();
        return msgId == null ? NO_MSG_ID : msgId;
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
        return node.run(Input.of(in));
    }

    /** Writes out everything written so far. */
    void flushOutput() {
        node.flush();
    }

    /** Handles one input line; for tests that drive the node without processes. */
    void handleLine(String line) {
        node.handle(line);
    }

    /** Fires the timers due on the node's clock; for tests that drive the node on a manual clock. */
    void fireDueTimers() {
        node.fireDueTimers();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Input.

    /**
     * The library's line fast path: handles {@code line} if {@link EnvelopeReader} reads it and it needs no tree;
     * false if the library must read it as one.
     */
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
        if (envelopes.kind() == EnvelopeReader.Kind.INIT) {
            node.init(src, boxed(msgId), envelopes.nodeId(), envelopes.nodeIds());
            return true;
        }
        try {
            switch (envelopes.kind()) {
                case MASTER -> replyMaster(src, boxed(msgId));
                case PROTOCOL -> receiveProtocol(src, envelopes.message(), msgId);
                case INIT -> throw new AssertionError("handled above");
            }
        } catch (MalformedInput | IllegalArgumentException e) {
            node.fail(request(src, msgId), asRpcError(e));
        } catch (IllegalStateException | AssertionError e) {
            node.fail(request(src, msgId), e);
        } finally {
            syncServiceRetry();
        }
        return true;
    }

    /** The request a fast-path line was, as far as an error reply needs it. */
    private io.stagger.maelstrom.Message request(String src, long msgId) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("type", envelopes.kind() == EnvelopeReader.Kind.MASTER ? "master" : envelopes.message().type());
        if (msgId != NO_MSG_ID) {
            body.put("msg_id", msgId);
        }
        return new io.stagger.maelstrom.Message(src, self, body);
    }

    private static Long boxed(long msgId) {
        return msgId == NO_MSG_ID ? null : msgId;
    }

    /** The library's init hook: the node has its id; the server and the service start before init_ok leaves. */
    private void init() {
        try {
            start(node.id(), node.nodeIds());
        } catch (RuntimeException | AssertionError e) {
            self = null; // the init failed: the library stays uninitialised, and so does this node
            server = null;
            service = null;
            if (e instanceof IllegalArgumentException invalid) {
                throw asRpcError(invalid);
            }
            throw e;
        } finally {
            syncServiceRetry();
        }
    }

    private void start(String nodeId, List<String> ids) {
        Config config = options.config();
        Group group = Group.of(ids, config.rankRule());
        Server created = new Server(nodeId, group, config);
        created.observeWith(stepObserver);
        self = created.self();
        server = created;
        long retryMicros = 2 * io.stagger.core.Durations.micros(config.detectionPeriod());
        service = frontDoors.create(new FrontDoors.Setup(self, ids, options.incarnation(), retryMicros,
                options.serviceMajorityRule(), options.snapshotPeriodMicros()),
                new FrontDoorPort(stdout, self, new NodeMsgIds(), new NodeLog()));
        Path markerDir = options.bootMarkerDir() == null
                ? BootMode.defaultMarkerDir() : Path.of(options.bootMarkerDir());
        boolean restart = options.bootMode().isRestart(self, markerDir,
                options.bootMode() == BootMode.AUTO ? parentKey() : null);
        if (options.bootMode() == BootMode.AUTO) {
            // After init_ok has left: init needs none of it.
            node.whenIdle(new MarkerCleanup(markerDir));
        }
        log("init: " + self + " of " + group + ", " + config + (restart ? ", restarting (rule 9)" : ""));
        if (restart) {
            service.recover(nowMicros());
        }
        Event boot = restart ? Event.Restart.INSTANCE : Event.Start.INSTANCE;
        beginStep();
        server.step(boot, nowMicros(), outbox);
        endStep(restart ? "Restart" : "Start", null);
    }

    private void receiveProtocol(String src, Message message, long msgId) throws MalformedInput {
        if (!server.group().contains(src) || src.equals(self)) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    "a protocol message must come from another member of " + server.group().ids() + ", not " + src);
        }
        outbox.replyTo(src, msgId);
        try {
            beginStep();
            server.step(new Event.Receive(src, message), nowMicros(), outbox);
            endStep(message.type(), src);
        } finally {
            outbox.replyTo(null, NO_MSG_ID);
        }
    }

    private void replyMaster(String src, Long msgId) {
        NodeReply reply = new NodeReply.MasterOk(server.master(), server.role().name(), server.epoch(), server.rank(),
                elections, revocations);
        try {
            stdout.write(self, src, reply, node.takeMsgId(), msgId == null ? EnvelopeWriter.NO_REPLY : msgId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The library's hooks and the core's callbacks are classes, not lambdas: on JDK 17 the first lambda of a process
    // links the method-handle machinery in the interpreter, and every one made in a start is linked in it
    // (benchmarks/RESULTS.md, issue 18, third round). StartLinksNoLambdaTest holds a start to none.

    /** The library's fast path for input lines: {@link #handleStreamed}. */
    private final class StreamedLines implements LineHandler {
        @Override
        public boolean handle(byte[] line) {
            return handleStreamed(line);
        }
    }

    /** The library's hook for {@code init}: {@link #init}. */
    private final class InitHook implements Task {
        @Override
        public void run() {
            init();
        }
    }

    /** The harness process's key for {@code --boot auto}, looked up on a thread of its own. */
    private static final class ParentKeyLookup implements java.util.concurrent.Callable<String> {
        @Override
        public String call() {
            return BootMode.parentKey();
        }
    }

    /** The service's message ids: the library's. */
    private final class NodeMsgIds implements java.util.function.LongSupplier {
        @Override
        public long getAsLong() {
            return node.takeMsgId();
        }
    }

    /** The service's log: the library's. */
    private final class NodeLog implements java.util.function.Consumer<String> {
        @Override
        public void accept(String line) {
            node.log(line);
        }
    }

    /** Once {@code init_ok} is out: the boot markers of harness processes that are gone. */
    private static final class MarkerCleanup implements Task {
        private final Path markerDir;

        MarkerCleanup(Path markerDir) {
            this.markerDir = markerDir;
        }

        @Override
        public void run() {
            BootMode.removeMarkersOfGoneProcesses(markerDir);
        }
    }

    /** The service's retry timer. */
    private final class ServiceRetry implements Task {
        @Override
        public void run() {
            service.retry(nowMicros());
            syncServiceRetry();
        }
    }

    /** The action of the library's timer for the core's {@code timer}. */
    private final class CoreTimer implements Task {
        private final Timer timer;

        CoreTimer(Timer timer) {
            this.timer = timer;
        }

        @Override
        public void run() {
            timerFired(timer);
        }
    }

    /** The core's timer {@code timer} fired on the library's loop. */
    private void timerFired(Timer timer) {
        long now = nowMicros();
        Role before = server.role();
        beginStep();
        server.step(Event.TimerFired.of(timer), now, outbox);
        endStep(timer.name().toLowerCase() + " timer", null);
        if (timer == Timer.ELECTION && before == Role.WAITING && server.role() == Role.MASTER) {
            elections++; // rule 5 (Start makes rank 1 MASTER too, but that is no election)
        }
        syncServiceRetry();
    }

    /** Keeps the library's retry timer on the service's retry deadline, after every step that may have moved it. */
    private void syncServiceRetry() {
        if (service == null) {
            return;
        }
        long retryAt = service.retryAtMicros();
        if (retryAt == Long.MIN_VALUE) {
            if (serviceRetry != null) {
                serviceRetry.cancel();
            }
            return;
        }
        long deadlineNanos = nanosAt(retryAt);
        if (serviceRetry == null) {
            serviceRetry = node.at(deadlineNanos, new ServiceRetry());
        } else if (!serviceRetry.armed() || serviceRetry.deadlineNanos() != deadlineNanos) {
            serviceRetry.moveTo(deadlineNanos);
        }
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

    /** Writes a protocol message to {@code dest} (in reply to {@code inReplyTo} unless {@link #NO_MSG_ID}). */
    private void send(String dest, Message message, long inReplyTo) {
        try {
            stdout.write(self, dest, message, node.takeMsgId(), inReplyTo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long nowMicros() {
        return (node.nowNanos() - startNanos) / 1_000;
    }

    /** The node's clock at this node's time {@code micros}. */
    private long nanosAt(long micros) {
        return startNanos + micros * 1_000;
    }

    private void log(String text) {
        node.log(text);
    }

    /** The core's effects, applied: messages become stdout lines, timers become the library's timers. */
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
            Scheduled scheduled = timers[timer.ordinal()];
            if (scheduled == null) {
                timers[timer.ordinal()] = node.at(nanosAt(deadlineMicros), new CoreTimer(timer));
            } else {
                scheduled.moveTo(nanosAt(deadlineMicros));
            }
        }

        @Override
        public void cancel(Timer timer) {
            Scheduled scheduled = timers[timer.ordinal()];
            if (scheduled != null) {
                scheduled.cancel();
            }
        }
    }
}
