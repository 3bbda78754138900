package io.stagger.harness.proc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.Problems;
import io.stagger.harness.RunClock;
import io.stagger.harness.client.Client;
import io.stagger.harness.client.Clients;
import io.stagger.harness.net.Endpoint;
import io.stagger.harness.net.Envelope;
import io.stagger.harness.net.Network;
import io.stagger.history.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** One node id of the cluster across its incarnations: start and init, kill, restart, pause and resume. */
public final class NodeHandle implements Endpoint {
    private static final int QUOTED_LINE_CHARS = 200;

    private final String id;
    private final List<String> nodeIds;
    private final List<String> command;
    private final File directory;
    private final Path log;
    private final boolean echoStderr;
    private final Network network;
    private final Clients clients;
    private final RunClock clock;
    private final Problems problems;
    private final long initTimeoutMillis;
    private volatile NodeProcess process;
    private volatile boolean expectedDown;
    private volatile boolean paused;
    /** The incarnation that lines were last sent to, until they are flushed; the router thread's own. */
    private NodeProcess sentTo;

    NodeHandle(String id, List<String> nodeIds, List<String> command, File directory, Path log, boolean echoStderr,
            Network network, Clients clients, RunClock clock, Problems problems, long initTimeoutMillis) {
        this.id = id;
        this.nodeIds = nodeIds;
        this.command = command;
        this.directory = directory;
        this.log = log;
        this.echoStderr = echoStderr;
        this.network = network;
        this.clients = clients;
        this.clock = clock;
        this.problems = problems;
        this.initTimeoutMillis = initTimeoutMillis;
        network.register(id, this, true);
    }

    public String id() {
        return id;
    }

    public boolean up() {
        NodeProcess current = process;
        return current != null && current.alive() && !expectedDown;
    }

    public boolean paused() {
        return paused;
    }

    /** Spawns the binary and sends init; returns the nanoseconds from spawn to init_ok, or -1 after a problem. */
    public long start() {
        long spawned = clock.now();
        expectedDown = false;
        try {
            process = new NodeProcess(id, command, directory, log, echoStderr, new Listener());
        } catch (IOException e) {
            problems.report("could not start " + id + " with " + String.join(" ", command) + ": " + e.getMessage());
            return -1;
        }
        Client client = clients.create();
        ObjectNode init = Json.object();
        init.put("type", "init");
        init.put("node_id", id);
        nodeIds.forEach(init.putArray("node_ids")::add);
        try {
            JsonNode reply = client.call(id, init, initTimeoutMillis, () -> problems.any() || !process.alive());
            String type = reply.path("type").asText();
            if (!type.equals("init_ok")) {
                problems.report(id + " answered init with " + Json.write(reply) + " instead of init_ok");
                return -1;
            }
            return clock.now() - spawned;
        } catch (TimeoutException e) {
            if (!expectedDown && !problems.any()) {
                problems.report(id + " did not answer init within " + initTimeoutMillis + " ms (see its log "
                        + log.getFileName() + ")");
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Kills the node's whole process tree; its state is gone. */
    public void kill() {
        expectedDown = true;
        NodeProcess current = process;
        if (current != null) {
            current.destroy();
        }
    }

    /** Stops the node: it receives and sends nothing (its traffic is held) and its timers stand still. */
    public void pause() {
        paused = true;
        network.pause(id);
        NodeProcess current = process;
        if (current != null) {
            current.signal("STOP");
        }
    }

    public void resume() {
        NodeProcess current = process;
        if (current != null) {
            current.signal("CONT");
        }
        network.resume(id);
        paused = false;
    }

    /** Stops and continues the process without holding its traffic: its timers fall behind the others'. */
    public void stall(boolean stopped) {
        NodeProcess current = process;
        if (current != null) {
            current.signal(stopped ? "STOP" : "CONT");
        }
    }

    @Override
    public void deliver(Envelope envelope) {
        NodeProcess current = process;
        if (current != null && !expectedDown) {
            if (sentTo != current && sentTo != null) {
                sentTo.flush(); // a restarted node's lines for its previous incarnation go there, as sent
            }
            current.send(envelope.lineBytes());
            sentTo = current;
        }
    }

    /** Hands what the router delivered to the node's stdin writer, all at once. */
    @Override
    public void delivered() {
        if (sentTo != null) {
            sentTo.flush();
            sentTo = null;
        }
    }

    private final class Listener implements NodeProcess.Listener {
        /** The messages of the current read of stdout, handed to the network together; the reader thread's own. */
        private List<Envelope> read = new ArrayList<>();

        @Override
        public void line(byte[] bytes, int offset, int length) {
            Envelope message = Envelope.fromNode(id, bytes, offset, length);
            if (message != null) {
                read.add(message);
                return;
            }
            String line = new String(bytes, offset, length, StandardCharsets.UTF_8);
            if (!line.isBlank()) {
                endOfRead();
                problems.report(id + " printed a line that is not a Maelstrom message on stdout: " + quote(line));
            }
        }

        @Override
        public void endOfRead() {
            if (!read.isEmpty()) {
                network.send(read);
                read = new ArrayList<>();
            }
        }

        @Override
        public void problem(String description) {
            problems.report(description);
        }

        @Override
        public void inputFull(int waiting) {
            problems.report(network.explainFullInput(id, waiting));
        }

        @Override
        public void exited(int status, List<String> stderrTail) {
            if (!expectedDown) {
                problems.report(id + " exited with status " + status + " (its log: " + log.getFileName() + ")"
                        + (stderrTail.isEmpty() ? "" : "; its last stderr lines: " + String.join(" | ", stderrTail)));
            }
        }
    }

    private static String quote(String line) {
        return line.length() <= QUOTED_LINE_CHARS ? line : line.substring(0, QUOTED_LINE_CHARS) + "...";
    }
}
