package io.stagger.harness.nemesis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the nemesis acts on: the nodes' processes and the network between them. */
public interface FaultTargets {
    /** The nodes' ids, n1, n2, ... */
    List<String> ids();

    /** Kills the node's whole process tree: its state is gone. */
    void kill(String node);

    /** Spawns the node again and sends it init; returns the nanoseconds to init_ok, or -1 after a problem. */
    long restart(String node);

    /** Stops the node and holds its traffic. */
    void pause(String node);

    /** Continues a paused node and releases its traffic. */
    void resume(String node);

    /** Stops or continues the node's process without holding its traffic: its timers fall behind. */
    void stall(String node, boolean stopped);

    /** For each destination, the sources whose messages to it are dropped; an empty map heals. */
    void partition(Map<String, Set<String>> blockedSourcesByDestination);

    /** The probability with which each message between nodes is dropped; 0 ends loss. */
    void loss(double probability);

    /** What every message between nodes takes beyond its latency; 0 ends it. */
    void slow(long extraNanos);
}
