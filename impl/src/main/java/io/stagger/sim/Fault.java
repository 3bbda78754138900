package io.stagger.sim;

import java.util.List;
import java.util.Set;

/**
 * A fault the simulator injects, as plain data so that a property-test library can generate and shrink a schedule
 * of them. Times are virtual microseconds from the start of the run.
 */
public sealed interface Fault
        permits Fault.LateStart, Fault.Crash, Fault.Restart, Fault.Pause, Fault.Partition, Fault.Heal, Fault.Loss,
        Fault.SlowLinks {

    /** When the fault begins. */
    long atMicros();

    /** When the fault is over: the end of a window, or the instant of a one-off fault. */
    default long endMicros() {
        return atMicros();
    }

    /**
     * When the fault has had its last effect: its end, except for slow links, whose last slowed message lands up to
     * their extra delay after the window. Runs are judged (converged, serving) from the last of these.
     */
    default long lastEffectMicros() {
        return endMicros();
    }

    /**
     * Staggered start, not a fault of the protocol's but of the world it starts in: the server's process starts at
     * {@code atMicros} instead of 0 (rule 8, as every server's); until then it is down and what is sent to it is
     * lost. Scheduled at a random instant within one period for every server, it gives each backup its own detection
     * phase, as real processes have.
     */
    record LateStart(long atMicros, String server) implements Fault {}

    /** The server stops: it receives nothing and its timers are dropped until a {@link Restart}. */
    record Crash(long atMicros, String server) implements Fault {}

    /** The server comes back with its state lost (rule 9); a server that had not crashed crashes first. */
    record Restart(long atMicros, String server) implements Fault {}

    /**
     * The server's process stops in {@code [atMicros, untilMicros)} (a long GC pause, SIGSTOP, a VM descheduled): it
     * keeps its state, but nothing reaches it; the messages sent to it wait, and its timers come due. At
     * {@code untilMicros} it takes all of them with the clock reading {@code untilMicros}: the messages first, then
     * the timers (as at any instant), each in the order they came due. A paused MASTER wakes up still MASTER, whatever the others did meanwhile. A crash ends the
     * pause with the process; a restart starts a process that is not paused.
     */
    record Pause(long atMicros, long untilMicros, String server) implements Fault {
        public Pause {
            if (untilMicros < atMicros) {
                throw new IllegalArgumentException("a pause cannot end before it begins: " + atMicros + " > "
                        + untilMicros);
            }
        }

        @Override
        public long endMicros() {
            return untilMicros;
        }
    }

    /** From now on, messages pass only within a side; a server in no side is alone. Replaces any earlier partition. */
    record Partition(long atMicros, List<Set<String>> sides) implements Fault {
        public Partition {
            sides = sides.stream().filter(side -> !side.isEmpty()).map(Set::copyOf).toList();
        }
    }

    /** The partition ends: every server reaches every other again. */
    record Heal(long atMicros) implements Fault {}

    /** Each message sent in {@code [atMicros, untilMicros)} is lost with {@code probability}. */
    record Loss(long atMicros, long untilMicros, double probability) implements Fault {
        @Override
        public long endMicros() {
            return untilMicros;
        }
    }

    /** Each message sent in {@code [atMicros, untilMicros)} takes {@code extraMicros} more: beyond its bound d. */
    record SlowLinks(long atMicros, long untilMicros, long extraMicros) implements Fault {
        @Override
        public long endMicros() {
            return untilMicros;
        }

        @Override
        public long lastEffectMicros() {
            return untilMicros + extraMicros;
        }
    }
}
