package io.stagger.harness.nemesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws a run's nemesis schedule up front from its seed: a fault starts every interval on average (between half and
 * one and a half times it), the kinds of --nemesis in turn, and lasts an interval on average too, so that faults
 * overlap about half of the time. Every fault is over by the end of the main phase. Limits: at most a minority of the
 * nodes (at least one) is killed, paused or skewed at once, each by one fault; one partition, one loss and one slow
 * window at a time. Every other fault that picks a node picks {@link ScheduledFault#MASTER} when the workload knows
 * a master (at most one such fault at a time), so that an election sees failovers; the others pick a node at random.
 */
public final class ScheduleGenerator {
    /** The share of messages between nodes that a loss window drops. */
    public static final double LOSS_PROBABILITY = 0.3;
    /** What a slow window adds to every message between nodes. */
    public static final long SLOW_EXTRA_MILLIS = 50;

    private record NodeWindow(long fromMillis, long untilMillis, String node) {}

    private final List<Fault> kinds;
    private final long intervalMillis;
    private final long limitMillis;
    private final List<String> nodeIds;
    private final boolean masterKnown;
    private final Random random;
    private final List<ScheduledFault> faults = new ArrayList<>();
    private final List<NodeWindow> nodeWindows = new ArrayList<>();
    private final Map<Fault, Long> busyUntil = new EnumMap<>(Fault.class);
    private int targets;

    private ScheduleGenerator(List<Fault> kinds, double intervalSeconds, double timeLimitSeconds, List<String> nodeIds,
            boolean masterKnown, long seed) {
        this.kinds = List.copyOf(new LinkedHashSet<>(kinds));
        this.intervalMillis = Math.max(2, Math.round(intervalSeconds * 1000));
        this.limitMillis = Math.round(timeLimitSeconds * 1000);
        this.nodeIds = List.copyOf(nodeIds);
        this.masterKnown = masterKnown;
        this.random = new Random(seed);
    }

    /**
     * The schedule for a main phase of {@code timeLimitSeconds} over {@code nodeIds}, in order of start; the same
     * arguments always give the same schedule.
     */
    public static List<ScheduledFault> generate(List<Fault> kinds, double intervalSeconds, double timeLimitSeconds,
            List<String> nodeIds, boolean masterKnown, long seed) {
        ScheduleGenerator generator = new ScheduleGenerator(kinds, intervalSeconds, timeLimitSeconds, nodeIds,
                masterKnown, seed);
        generator.draw();
        List<ScheduledFault> sorted = new ArrayList<>(generator.faults);
        sorted.sort(Comparator.comparingLong(ScheduledFault::atMillis));
        return List.copyOf(sorted);
    }

    private void draw() {
        if (kinds.isEmpty() || nodeIds.isEmpty()) {
            return;
        }
        long shortestMillis = Math.max(1, intervalMillis / 4);
        int turn = 0;
        long atMillis = 0;
        while (true) {
            atMillis += aboutAnInterval();
            if (atMillis + shortestMillis > limitMillis) {
                return;
            }
            long untilMillis = Math.min(limitMillis, atMillis + aboutAnInterval());
            for (int tried = 0; tried < kinds.size(); tried++) {
                if (plan(kinds.get((turn + tried) % kinds.size()), atMillis, untilMillis)) {
                    turn += tried + 1;
                    break;
                }
            }
        }
    }

    /** Between half and one and a half intervals. */
    private long aboutAnInterval() {
        return intervalMillis / 2 + (long) (random.nextDouble() * intervalMillis);
    }

    /** Adds a fault of this kind in [at, until) if the limits allow one now. */
    private boolean plan(Fault kind, long atMillis, long untilMillis) {
        if (kind.onANode()) {
            String node = node(atMillis, untilMillis);
            if (node == null) {
                return false;
            }
            switch (kind) {
                case KILL -> {
                    faults.add(new ScheduledFault.Crash(atMillis, node));
                    faults.add(new ScheduledFault.Restart(untilMillis, node));
                }
                case PAUSE -> faults.add(new ScheduledFault.Pause(atMillis, untilMillis, node));
                default -> faults.add(new ScheduledFault.Clock(atMillis, untilMillis, node));
            }
            return true;
        }
        if (busyUntil.getOrDefault(kind, 0L) > atMillis || (kind == Fault.PARTITION && nodeIds.size() < 2)) {
            return false;
        }
        busyUntil.put(kind, untilMillis);
        switch (kind) {
            case PARTITION -> {
                faults.add(new ScheduledFault.Partition(atMillis, sides()));
                faults.add(new ScheduledFault.Heal(untilMillis));
            }
            case LOSS -> faults.add(new ScheduledFault.Loss(atMillis, untilMillis, LOSS_PROBABILITY));
            default -> faults.add(new ScheduledFault.Slow(atMillis, untilMillis, SLOW_EXTRA_MILLIS));
        }
        return true;
    }

    /** A node for a node fault in [at, until): the master every other time, else a random one with no fault. */
    private String node(long atMillis, long untilMillis) {
        Set<String> busy = new HashSet<>();
        for (NodeWindow window : nodeWindows) {
            if (window.untilMillis() > atMillis) {
                busy.add(window.node());
            }
        }
        if (busy.size() >= Math.max(1, (nodeIds.size() - 1) / 2)) {
            return null;
        }
        String node = target(busy);
        if (node != null) {
            nodeWindows.add(new NodeWindow(atMillis, untilMillis, node));
        }
        return node;
    }

    private String target(Set<String> excluded) {
        boolean master = masterKnown && targets++ % 2 == 0;
        if (master && !excluded.contains(ScheduledFault.MASTER)) {
            return ScheduledFault.MASTER;
        }
        List<String> free = nodeIds.stream().filter(id -> !excluded.contains(id)).toList();
        return free.isEmpty() ? null : free.get(random.nextInt(free.size()));
    }

    /** One node (the master every other time) alone, random halves, or three random parts. */
    private List<Set<String>> sides() {
        List<String> shuffled = new ArrayList<>(nodeIds);
        Collections.shuffle(shuffled, random);
        int shape = random.nextInt(3);
        if (shape == 0) {
            String alone = target(Set.of());
            Set<String> rest = new HashSet<>(nodeIds);
            rest.remove(alone);
            return List.of(Set.of(alone), rest);
        }
        int n = shuffled.size();
        if (shape == 1 || n < 3) {
            int cut = Math.max(1, n / 2);
            return List.of(Set.copyOf(shuffled.subList(0, cut)), Set.copyOf(shuffled.subList(cut, n)));
        }
        int first = 1 + random.nextInt(n - 2);
        int second = first + 1 + random.nextInt(n - first - 1);
        return List.of(Set.copyOf(shuffled.subList(0, first)), Set.copyOf(shuffled.subList(first, second)),
                Set.copyOf(shuffled.subList(second, n)));
    }
}
