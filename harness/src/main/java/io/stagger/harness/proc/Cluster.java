package io.stagger.harness.proc;

import io.stagger.harness.Problems;
import io.stagger.harness.RunClock;
import io.stagger.harness.client.Clients;
import io.stagger.harness.net.Network;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/** The nodes n1..nN of a run; a JVM shutdown hook kills every process tree, so Ctrl-C leaves no child behind. */
public final class Cluster implements AutoCloseable {
    private final List<NodeHandle> nodes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::killAll, "kill-nodes");

    public Cluster(int count, List<String> command, File directory, Path logDirectory, boolean echoStderr,
            Network network, Clients clients, RunClock clock, Problems problems, long initTimeoutMillis) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add("n" + i);
        }
        for (String id : ids) {
            nodes.add(new NodeHandle(id, List.copyOf(ids), command, directory, logDirectory.resolve(id + ".log"),
                    echoStderr, network, clients, clock, problems, initTimeoutMillis));
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public List<NodeHandle> nodes() {
        return nodes;
    }

    public List<String> ids() {
        return nodes.stream().map(NodeHandle::id).toList();
    }

    public NodeHandle node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Starts every node, each after a random delay of up to {@code spreadMillis} (0: all at once); returns each
     * node's init time in nanoseconds (-1 where init failed).
     */
    public Map<String, Long> startAll(long spreadMillis, SplittableRandom random) throws InterruptedException {
        Map<String, Long> initNanos = new ConcurrentHashMap<>();
        List<Thread> starters = new ArrayList<>();
        for (NodeHandle node : nodes) {
            long delayMillis = spreadMillis == 0 ? 0 : random.nextLong(spreadMillis + 1);
            Thread starter = new Thread(() -> {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                initNanos.put(node.id(), node.start());
            }, "start-" + node.id());
            starters.add(starter);
            starter.start();
        }
        for (Thread starter : starters) {
            starter.join();
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (NodeHandle node : nodes) {
            ordered.put(node.id(), initNanos.get(node.id()));
        }
        return ordered;
    }

    private void killAll() {
        for (NodeHandle node : nodes) {
            if (node.paused()) {
                node.resume();
            }
            node.kill();
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs anyway.
        }
    }
}
