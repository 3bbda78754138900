package io.stagger.harness.nemesis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of fault --nemesis asks for: Maelstrom's partition, kill and pause, and loss, slow and clock beyond it. */
public enum Fault {
    /** The nodes split into components (one node isolated, halves or three parts); messages between them are dropped. */
    PARTITION,
    /** One node's process tree is killed; later it restarts with fresh state and gets init again. */
    KILL,
    /** One node is stopped (SIGSTOP) and its traffic held: it receives and sends nothing until it continues. */
    PAUSE,
    /** Every message between nodes is dropped with probability {@link ScheduleGenerator#LOSS_PROBABILITY}. */
    LOSS,
    /** Every message between nodes takes {@link ScheduleGenerator#SLOW_EXTRA_MILLIS} more than its latency. */
    SLOW,
    /** One node's clock runs slow: it is stopped for a part of every period, so its timers fire late. */
    CLOCK;

    /** The names --nemesis takes, as the user writes them. */
    public static final List<String> NAMES = Arrays.stream(values()).map(Fault::label).toList();

    public static Fault parse(String name) {
        String normal = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (normal.equals("CLOCK_SKEW") || normal.equals("SKEW")) {
            return CLOCK;
        }
        return valueOf(normal);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the fault hits one node (kill, pause, clock) rather than the network. */
    boolean onANode() {
        return this == KILL || this == PAUSE || this == CLOCK;
    }
}
