package io.stagger.harness.nemesis;

import java.util.Locale;

/** The faults --nemesis can inject: Maelstrom's partition, kill and pause, and loss and clock beyond it. */
public enum Fault {
  /** The nodes split into two components (or one node is isolated); messages between components are dropped. */
  PARTITION,
  /** One node's process tree is killed; at the heal it restarts with fresh state and gets init again. */
  KILL,
  /** One node is stopped (SIGSTOP) and its traffic held: it receives and sends nothing until it continues. */
  PAUSE,
  /** Every message between nodes is dropped with probability {@link Nemesis#LOSS_PROBABILITY}. */
  LOSS,
  /** One node's clock runs slow: it is stopped for a part of every period, so its timers fire late. */
  CLOCK;

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
}
