package io.stagger.harness.nemesis;

import java.util.List;
import java.util.Set;

/**
 * One fault of a nemesis schedule, in the simulator's vocabulary ({@code io.stagger.sim.Fault}): times are
 * milliseconds from the start of the main phase; a node is an id or {@link #MASTER}, the node that most nodes
 * recognise as master when the fault is applied. Clock is the harness's own: the simulator has no clocks to skew.
 */
public sealed interface ScheduledFault permits ScheduledFault.Crash, ScheduledFault.Restart, ScheduledFault.Pause,
        ScheduledFault.Clock, ScheduledFault.Partition, ScheduledFault.Heal, ScheduledFault.Loss, ScheduledFault.Slow {

    /** The node a fault names when it is to hit the master of the moment. */
    String MASTER = "master";

    /** When the fault begins. */
    long atMillis();

    /** When it is over: the end of a window, or the instant of a one-off fault. */
    default long endMillis() {
        return atMillis();
    }

    /** The nodes it names (none for loss, slow links and heal). */
    default List<String> nodes() {
        return List.of();
    }

    /** The node's process tree is killed: its state is gone until a {@link Restart}. */
    record Crash(long atMillis, String node) implements ScheduledFault {
        @Override
        public List<String> nodes() {
            return List.of(node);
        }
    }

    /** The node is spawned again with fresh state and sent init; a node that had not crashed crashes first. */
    record Restart(long atMillis, String node) implements ScheduledFault {
        @Override
        public List<String> nodes() {
            return List.of(node);
        }
    }

    /** The node is stopped (SIGSTOP) in {@code [atMillis, untilMillis)} and its traffic held. */
    record Pause(long atMillis, long untilMillis, String node) implements ScheduledFault {
        public Pause {
            requireWindow(atMillis, untilMillis);
        }

        @Override
        public long endMillis() {
            return untilMillis;
        }

        @Override
        public List<String> nodes() {
            return List.of(node);
        }
    }

    /** The node's clock runs slow in {@code [atMillis, untilMillis)}: it is stopped a part of every period. */
    record Clock(long atMillis, long untilMillis, String node) implements ScheduledFault {
        public Clock {
            requireWindow(atMillis, untilMillis);
        }

        @Override
        public long endMillis() {
            return untilMillis;
        }

        @Override
        public List<String> nodes() {
            return List.of(node);
        }
    }

    /**
     * From now on messages between nodes pass only within a side; a node in no side is alone. Replaces any earlier
     * partition. {@link #MASTER} in a side takes the master of the moment out of every other side.
     */
    record Partition(long atMillis, List<Set<String>> sides) implements ScheduledFault {
        public Partition {
            sides = sides.stream().filter(side -> !side.isEmpty()).map(Set::copyOf).toList();
            if (sides.isEmpty()) {
                throw new IllegalArgumentException("a partition needs at least one side");
            }
        }

        @Override
        public List<String> nodes() {
            return sides.stream().flatMap(Set::stream).toList();
        }
    }

    /** The partition ends: every node reaches every other again. */
    record Heal(long atMillis) implements ScheduledFault {}

    /** Each message between nodes sent in {@code [atMillis, untilMillis)} is lost with {@code probability}. */
    record Loss(long atMillis, long untilMillis, double probability) implements ScheduledFault {
        public Loss {
            requireWindow(atMillis, untilMillis);
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("a loss probability is from 0 to 1, not " + probability);
            }
        }

        @Override
        public long endMillis() {
            return untilMillis;
        }
    }

    /** Each message between nodes sent in {@code [atMillis, untilMillis)} takes {@code extraMillis} more. */
    record Slow(long atMillis, long untilMillis, long extraMillis) implements ScheduledFault {
        public Slow {
            requireWindow(atMillis, untilMillis);
            if (extraMillis < 0) {
                throw new IllegalArgumentException("slow links cannot take negative extra time: " + extraMillis);
            }
        }

        @Override
        public long endMillis() {
            return untilMillis;
        }
    }

    private static void requireWindow(long atMillis, long untilMillis) {
        if (atMillis < 0 || untilMillis <= atMillis) {
            throw new IllegalArgumentException("a window must start at 0 or later and end after it starts: " + atMillis
                    + "ms-" + untilMillis + "ms");
        }
    }
}
