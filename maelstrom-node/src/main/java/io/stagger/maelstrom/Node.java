package io.stagger.maelstrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Maelstrom node: JSON lines in on stdin, JSON lines out on stdout, logs on stderr. Every handler, callback and
 * timer runs on one thread, the caller of {@link #run}, one at a time, in the order of the input and the timers'
 * deadlines: no locks, no hidden concurrency. {@code init} is handled by the node itself; register a handler per
 * message type with {@link #on}. Bad input never stops the node: a request gets an {@code error} reply (12 for a
 * malformed one, 10 for an unknown type, 11 before init), anything else a line on stderr.
 *
 * <p>Besides {@link #run}, a driver can feed the node itself ({@link #handle}, {@link #fireDueTimers},
 * {@link #nextDeadlineNanos}): that is how {@link NodeTester} runs handlers in a test with no process and no sleep.
 *
 * <p>A node whose hot messages must not cost a JSON tree each can read them itself ({@link #onLine}: a line handler
 * sees each line's bytes first) and write them itself (its own {@link Output}, with msg_ids from {@link #takeMsgId});
 * stagger's own node does both.
 */
public final class Node {
    /** How late a timer may be, by default, before the loop first handles the input already queued; see {@link #run(Input)}. */
    public static final Duration LATE_TIMER_SLACK = Duration.ofMillis(5);

    private final Clock clock;
    private final Output out;
    private final PrintStream err;
    private final Map<String, Handler> handlers = new HashMap<>();
    private final List<Task> initHooks = new ArrayList<>();
    private final List<Task> idleTasks = new ArrayList<>();
    private LineHandler lineHandler;
    private long lateTimerSlackNanos = LATE_TIMER_SLACK.toNanos();
    private final Timers timers = new Timers();
    private final Map<Long, PendingRpc> pending = new HashMap<>();

    private String id;
    private List<String> nodeIds = List.of();
    private long nextMsgId = 1;

    /** An RPC waiting for its reply. */
    private record PendingRpc(Callback<Message> onReply, Callback<RpcError> onError, Scheduled timeout) {}

    /** A node on the real clock, stdout and stderr. */
    public Node() {
        this(Clock.system(), System.out, System.err);
    }

    /** A node on {@code clock} that writes messages to {@code out} and logs to {@code err}. */
    public Node(Clock clock, OutputStream out, PrintStream err) {
        this(clock, Output.of(out), err);
    }

    /** A node on {@code clock} that writes messages through {@code out} and logs to {@code err}. */
    public Node(Clock clock, Output out, PrintStream err) {
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Set-up.

    /** Handles messages of type {@code type} with {@code handler}; one handler per type, and not for init. */
    public Node on(String type, Handler handler) {
        if (type.equals("init")) {
            throw new IllegalArgumentException("init is handled by the node; use onInit for what follows it");
        }
        if (handlers.putIfAbsent(type, handler) != null) {
            throw new IllegalArgumentException("a handler for '" + type + "' is already registered");
        }
        return this;
    }

    /**
     * Runs {@code hook} once the node knows its id, before it answers {@code init_ok}. A hook that throws fails the
     * init: the node answers it with the error (as a handler's, {@link Handler}) and stays uninitialised.
     */
    public Node onInit(Task hook) {
        initHooks.add(hook);
        return this;
    }

    /** Gives every input line to {@code fast} first; the lines it declines are parsed and dispatched as usual. */
    public Node onLine(LineHandler fast) {
        this.lineHandler = fast;
        return this;
    }

    /**
     * Runs {@code task} once, on the event loop, the next time the loop has handled every queued line and written
     * its output out: for work that must not delay a reply. A node driven without {@link #run} never runs it.
     */
    public void whenIdle(Task task) {
        idleTasks.add(task);
    }

    /** How late a timer may be before the loop first handles the input already queued (default {@link #LATE_TIMER_SLACK}). */
    public Node lateTimerSlack(Duration slack) {
        if (slack.isNegative()) {
            throw new IllegalArgumentException("the late-timer slack cannot be negative, got " + slack);
        }
        this.lateTimerSlackNanos = slack.toNanos();
        return this;
    }

    /** This node's id, from init. */
    public String id() {
        requireInitialised();
        return id;
    }

    /** Every node's id, this one's included, in init's order. */
    public List<String> nodeIds() {
        requireInitialised();
        return nodeIds;
    }

    /** Every other node's id. */
    public List<String> peers() {
        return nodeIds().stream().filter(other -> !other.equals(id)).toList();
    }

    /** Whether init has been handled. */
    public boolean initialised() {
        return id != null;
    }

    /** The node's clock, in nanoseconds. */
    public long nowNanos() {
        return clock.nanos();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Messages out. A body handed to send, reply or rpc is the node's from then on: it gains msg_id (and
    // in_reply_to) and is written at once.

    /** Sends {@code body} to {@code dest}; returns its msg_id. */
    public long send(String dest, ObjectNode body) {
        requireInitialised();
        return write(id, dest, body, null);
    }

    /** Answers {@code request} with {@code body} (in_reply_to the request's msg_id); returns the reply's msg_id. */
    public long reply(Message request, ObjectNode body) {
        requireInitialised();
        return write(id, request.src(), body, request.msgId());
    }

    /**
     * Answers the request {@code inReplyTo} from {@code dest} with {@code body}: for an answer given after the
     * request's handler returned, with only its sender and msg_id kept. Returns the reply's msg_id.
     */
    public long reply(String dest, long inReplyTo, ObjectNode body) {
        requireInitialised();
        return write(id, dest, body, inReplyTo);
    }

    /**
     * The next msg_id, for a message the caller writes itself through the {@link Output} it gave the node: every
     * message of the node takes its id from the one sequence.
     */
    public long takeMsgId() {
        return nextMsgId++;
    }

    /**
     * Sends {@code body} to {@code dest} and calls {@code onReply} with its reply, or {@code onError} with the
     * error it answered or, when {@code timeout} passes first, a {@link ErrorCode#TIMEOUT} error (indefinite: the
     * request may still take effect). Exactly one of them is called, once, on the event loop; a reply after the
     * time-out is logged and dropped.
     */
    public void rpc(String dest, ObjectNode body, Duration timeout, Callback<Message> onReply,
            Callback<RpcError> onError) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("an RPC needs a positive time-out, got " + timeout);
        }
        String type = body.path("type").asText();
        long msgId = send(dest, body);
        Scheduled timer = after(timeout, () -> {
            PendingRpc expired = pending.remove(msgId);
            if (expired != null) {
                complete(expired.onError(), new RpcError(ErrorCode.TIMEOUT,
                        "no reply from " + dest + " to " + type + " " + msgId + " within " + timeout.toMillis() + " ms"));
            }
        });
        pending.put(msgId, new PendingRpc(onReply, onError, timer));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Timers: they fire on the event loop, once init has been handled (a timer armed before it waits for it).

    /** Runs {@code action} once, {@code delay} from now. */
    public Scheduled after(Duration delay, Task action) {
        return timers.arm(clock.nanos() + Math.max(0, delay.toNanos()), action, 0);
    }

    /**
     * Runs {@code action} once at {@code deadlineNanos} on the node's clock (now, if that has passed). The returned
     * timer can be moved ({@link Scheduled#moveTo}) or cancelled.
     */
    public Scheduled at(long deadlineNanos, Task action) {
        return timers.arm(deadlineNanos, action, 0);
    }

    /** Runs {@code action} every {@code period}, the first time one period from now; each run re-arms the next one
     * period after it (a node that stood still does not catch up with a burst). */
    public Scheduled every(Duration period, Task action) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a periodic timer needs a positive period, got " + period);
        }
        return timers.arm(clock.nanos() + period.toNanos(), action, period.toNanos());
    }

    /** Runs every timer due now, in deadline order; timers armed meanwhile wait for the next call. */
    public void fireDueTimers() {
        if (!initialised()) {
            return;
        }
        long now = clock.nanos();
        long armedBefore = timers.sequenceNow();
        for (Scheduled timer = timers.takeDue(now, armedBefore); timer != null; timer = timers.takeDue(now, armedBefore)) {
            if (timer.periodNanos > 0) {
                timers.rearm(timer, now + timer.periodNanos); // before the action, so that it can cancel its timer
            }
            try {
                timer.action.run();
            } catch (Exception | AssertionError e) {
                logFailure("a timer's action failed", e);
            }
        }
    }

    /** When the next timer is due, in the clock's nanoseconds; {@link Long#MAX_VALUE} if none (or before init). */
    public long nextDeadlineNanos() {
        return initialised() ? timers.nextDeadline() : Long.MAX_VALUE;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The event loop.

    /** Runs on stdin until it closes; returns the exit code (0, or 1 if stdout failed). */
    public int run() {
        return run(Input.stdin());
    }

    /**
     * Runs until {@code input} ends: fires the timers that are due, handles the next input item, and, when no
     * item is waiting, flushes stdout before it waits for the next item or deadline, whichever comes first. When a
     * timer is more than {@link #LATE_TIMER_SLACK} late (the process was not scheduled, or a handler was slow), the
     * input already queued is handled first: an RPC's reply waiting in the queue must not lose to its time-out.
     */
    public int run(Input input) {
        try {
            while (true) {
                if (timerLatenessNanos() > lateTimerSlackNanos && !drain(input)) {
                    break;
                }
                fireDueTimers();
                Input.Item item = input.next(0);
                if (item == null) {
                    flush(); // everything decided so far leaves before the node waits
                    if (!idleTasks.isEmpty()) {
                        runIdleTasks();
                        continue; // they may have sent, armed a timer, or let input arrive
                    }
                    long deadline = nextDeadlineNanos();
                    item = input.next(deadline == Long.MAX_VALUE ? Input.FOREVER : Math.max(0, deadline - clock.nanos()));
                }
                if (item == Input.End.END) {
                    break;
                }
                if (item != null) {
                    handle(item);
                }
            }
            flush();
            log("input closed: stopping");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (UncheckedIOException e) {
            err.println("stdout failed, stopping: " + e.getMessage());
            return 1;
        }
    }

    private void runIdleTasks() {
        List<Task> due = List.copyOf(idleTasks);
        idleTasks.clear();
        for (Task task : due) {
            try {
                task.run();
            } catch (Exception | AssertionError e) {
                logFailure("an idle task failed", e);
            }
        }
    }

    /** How late the earliest timer is (0 if none is due). */
    private long timerLatenessNanos() {
        long deadline = nextDeadlineNanos();
        return deadline == Long.MAX_VALUE ? 0 : Math.max(0, clock.nanos() - deadline);
    }

    /** Handles every item already queued; false at the end of the input. */
    private boolean drain(Input input) throws InterruptedException {
        for (Input.Item item = input.next(0); item != null; item = input.next(0)) {
            if (item == Input.End.END) {
                return false;
            }
            handle(item);
        }
        return true;
    }

    private void handle(Input.Item item) {
        if (item instanceof Input.Line line) {
            handle(line.bytes());
        } else if (item instanceof Input.Overlong overlong) {
            log("ignored a line of " + overlong.length() + " bytes (the limit is " + Input.MAX_LINE_BYTES
                    + "): " + overlong.head() + "…");
        }
    }

    /** Handles one input line: parses it and dispatches it; bad input is answered or logged, never thrown. */
    public void handle(String line) {
        handle(line.getBytes(StandardCharsets.UTF_8));
    }

    /** Handles one input line of UTF-8 bytes (without its line end), the {@link #onLine} fast path first. */
    public void handle(byte[] line) {
        if (lineHandler != null) {
            try {
                if (lineHandler.handle(line)) {
                    return;
                }
            } catch (Exception | AssertionError e) {
                logFailure("the line handler failed", e);
                return;
            }
        }
        if (isBlank(line)) {
            return;
        }
        Message message;
        try {
            message = Message.fromJson(Json.mapper().readTree(line));
        } catch (IOException e) {
            log("ignored a line that is not JSON: " + Json.abbreviate(new String(line, StandardCharsets.UTF_8)));
            return;
        } catch (IllegalArgumentException e) {
            log("ignored a line that is not a Maelstrom message (" + e.getMessage() + "): "
                    + Json.abbreviate(new String(line, StandardCharsets.UTF_8)));
            return;
        }
        receive(message);
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0x0b) {
                return false;
            }
        }
        return true;
    }

    private void receive(Message message) {
        Long inReplyTo = message.inReplyTo();
        PendingRpc rpc = inReplyTo == null ? null : pending.remove(inReplyTo);
        if (rpc != null) {
            rpc.timeout().cancel();
            if (message.isError()) {
                complete(rpc.onError(), RpcError.fromBody(message.body()));
            } else {
                complete(rpc.onReply(), message);
            }
            return;
        }
        String type = message.type();
        if (type == null) {
            refuse(message, new RpcError(ErrorCode.MALFORMED_REQUEST, "the body needs a string field 'type', got "
                    + Json.describe(message.body().get("type"))));
            return;
        }
        if (type.equals("init")) {
            dispatch(message, this::init);
            return;
        }
        if (!initialised()) {
            refuse(message, new RpcError(ErrorCode.TEMPORARILY_UNAVAILABLE,
                    "not initialised yet: a '" + type + "' arrived before 'init'"));
            return;
        }
        Handler handler = handlers.get(type);
        if (handler != null) {
            dispatch(message, handler);
        } else if (inReplyTo != null) {
            log("dropped a reply from " + message.src() + " to no pending RPC (its time-out passed?): "
                    + Json.abbreviate(message.body().toString()));
        } else {
            refuse(message, new RpcError(ErrorCode.NOT_SUPPORTED, "unsupported request type '" + type + "'"));
        }
    }

    private void dispatch(Message message, Handler handler) {
        try {
            handler.handle(message);
        } catch (Exception | AssertionError e) {
            fail(message, e);
        }
    }

    /**
     * Answers {@code request} as the node answers a handler that failed with {@code failure}: an {@link RpcError}
     * with its code and text, anything else with error 13 (crash) and its stack trace on stderr. For a
     * {@link #onLine} fast path, whose failures the node cannot see.
     */
    public void fail(Message request, Throwable failure) {
        if (failure instanceof RpcError error) {
            refuse(request, error);
        } else {
            logFailure("handling '" + request.type() + "' from " + request.src() + " failed", failure);
            refuse(request, new RpcError(ErrorCode.CRASH, "internal error: " + failure));
        }
    }

    /**
     * Handles an init that a {@link #onLine} fast path read: from {@code src} (a request if {@code msgId} is not
     * null) to {@code nodeId}, naming {@code nodeIds}. As an init line, it is answered with init_ok or an error.
     */
    public void init(String src, Long msgId, String nodeId, List<String> nodeIds) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("type", "init");
        if (msgId != null) {
            body.put("msg_id", msgId);
        }
        Message message = new Message(src, nodeId, body);
        try {
            initialise(message, nodeId, nodeIds);
        } catch (Exception | AssertionError e) {
            fail(message, e);
        }
    }

    private void init(Message message) throws Exception {
        if (initialised()) {
            throw new RpcError(ErrorCode.MALFORMED_REQUEST, "already initialised as " + id);
        }
        String self = message.requireText("node_id");
        JsonNode ids = message.require("node_ids");
        if (!ids.isArray() || ids.isEmpty()) {
            throw new RpcError(ErrorCode.MALFORMED_REQUEST, "init needs a non-empty array 'node_ids', got "
                    + Json.describe(ids));
        }
        List<String> all = new ArrayList<>();
        for (JsonNode other : ids) {
            if (!other.isTextual()) {
                throw new RpcError(ErrorCode.MALFORMED_REQUEST, "init 'node_ids' must hold strings, got "
                        + Json.describe(other));
            }
            all.add(other.textValue());
        }
        initialise(message, self, all);
    }

    private void initialise(Message message, String self, List<String> all) throws Exception {
        if (initialised()) {
            throw new RpcError(ErrorCode.MALFORMED_REQUEST, "already initialised as " + id);
        }
        if (!all.contains(self)) {
            throw new RpcError(ErrorCode.MALFORMED_REQUEST, "init 'node_id' " + self + " is not in 'node_ids' " + all);
        }
        id = self;
        nodeIds = List.copyOf(all);
        try {
            for (Task hook : initHooks) {
                hook.run();
            }
        } catch (Exception | AssertionError e) {
            id = null; // a failed init leaves the node as it found it: still waiting for one
            nodeIds = List.of();
            throw e;
        }
        reply(message, Json.body("init_ok"));
    }

    /** Answers a request with {@code error}; a message that is not a request (no msg_id, a reply) gets a log line. */
    private void refuse(Message message, RpcError error) {
        if (message.msgId() == null || message.inReplyTo() != null || message.isError()) {
            log("ignored a message from " + message.src() + ": " + error.text() + ": "
                    + Json.abbreviate(message.body().toString()));
            return;
        }
        // Before init the node has no id of its own: it answers as the node the message was sent to.
        write(initialised() ? id : message.dest(), message.src(), error.toBody(), message.msgId());
    }

    private <T> void complete(Callback<T> callback, T value) {
        try {
            callback.accept(value);
        } catch (Exception | AssertionError e) {
            logFailure("an RPC's callback failed", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Output.

    private long write(String src, String dest, ObjectNode body, Long inReplyTo) {
        long msgId = nextMsgId++;
        body.put("msg_id", msgId);
        if (inReplyTo != null) {
            body.put("in_reply_to", inReplyTo);
        }
        try {
            out.write(src, dest, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return msgId;
    }

    /** Writes out everything sent so far; the loop calls it before it waits. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line on stderr, prefixed with the node's id; control characters are escaped so input cannot forge lines. */
    public void log(String text) {
        StringBuilder line = new StringBuilder(text.length() + 8);
        if (id != null) {
            line.append(id).append(": ");
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
        err.println(line);
    }

    private void logFailure(String what, Throwable failure) {
        log(what + ": " + failure);
        failure.printStackTrace(err);
    }

    private void requireInitialised() {
        if (!initialised()) {
            throw new IllegalStateException("the node has not been initialised yet (no init message)");
        }
    }
}
