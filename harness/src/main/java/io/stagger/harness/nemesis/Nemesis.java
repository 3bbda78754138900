package io.stagger.harness.nemesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.stagger.harness.RunClock;
import io.stagger.history.History;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Applies a nemesis schedule ({@link ScheduledFault}s) to the running nodes and the network, each fault at its time,
 * and keeps the timeline as applied: the same faults with the times they took effect and the node each hit (the
 * master resolved). A fault on a node that another fault already holds (killed, paused or skewed) is skipped and
 * noted, as is the end of a window that never began. Each fault and heal is also an operation of the nemesis in the
 * history, under Maelstrom's names (kill, restart, pause, resume, start-partition, ...).
 */
public final class Nemesis {
    /** How much of every {@link #CLOCK_PERIOD_MILLIS} a skewed node spends stopped: its clock runs 30 % slow. */
    public static final long CLOCK_STOPPED_MILLIS = 30;
    public static final long CLOCK_PERIOD_MILLIS = 100;

    private enum Held { KILLED, PAUSED, SKEWED }

    /** The start or the end of fault {@code index} of the schedule. */
    private record Action(long atMillis, boolean end, int index) {}

    /** A fault as applied, and the place of the action that began it: the order of the applied timeline. */
    private record Applied(long sequence, ScheduledFault fault) {}

    private final List<ScheduledFault> schedule;
    private final List<Action> actions = new ArrayList<>();
    private final FaultTargets targets;
    private final History history;
    private final MasterQuery masterQuery;
    private final RunClock clock;
    private final Map<String, Held> held = new HashMap<>();
    private final Map<Integer, String> nodeOf = new HashMap<>();
    private final Map<Integer, Long> startedAt = new TreeMap<>();
    private final Deque<String> mastersKilled = new ArrayDeque<>();
    private final Map<String, Thread> skewers = new HashMap<>();
    private final Set<String> skewing = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Double> losses = new TreeMap<>();
    private final Map<Integer, Long> slows = new TreeMap<>();
    private final List<Applied> applied = new ArrayList<>();
    private final Map<Integer, Long> startSequence = new HashMap<>();
    private final List<String> skipped = new ArrayList<>();
    private final Map<String, Long> restartInitNanos = new HashMap<>();
    private long baseNanos;
    private boolean partitioned;
    private int next;

    /** {@code masterQuery} is null when the workload knows no master. */
    public Nemesis(List<ScheduledFault> schedule, FaultTargets targets, History history, MasterQuery masterQuery,
            RunClock clock) {
        this.schedule = List.copyOf(schedule);
        this.targets = targets;
        this.history = history;
        this.masterQuery = masterQuery;
        this.clock = clock;
        for (int i = 0; i < this.schedule.size(); i++) {
            ScheduledFault fault = this.schedule.get(i);
            actions.add(new Action(fault.atMillis(), false, i));
            if (fault.endMillis() > fault.atMillis()) {
                actions.add(new Action(fault.endMillis(), true, i));
            }
        }
        // At one instant, ends before starts (a node paused again as its pause ends), then in schedule order.
        actions.sort(Comparator.comparingLong(Action::atMillis).thenComparing(a -> !a.end()).thenComparingInt(
                Action::index));
    }

    /**
     * Applies the schedule from {@code startNanos} (the run clock at time 0 of the schedule): each fault that starts or
     * ends before {@code endNanos}, at its time or as soon after as the previous one allows, until {@code stop} says
     * so or the thread is interrupted. What is left is for {@link #healAll}.
     */
    public void runUntil(long startNanos, long endNanos, BooleanSupplier stop) {
        baseNanos = startNanos;
        try {
            while (next < actions.size() && !stop.getAsBoolean()) {
                Action action = actions.get(next);
                long dueNanos = startNanos + action.atMillis() * 1_000_000;
                if (dueNanos >= endNanos) {
                    return;
                }
                long waitNanos = dueNanos - clock.now();
                if (waitNanos > 0) {
                    Thread.sleep(Math.min(waitNanos / 1_000_000 + 1, 100));
                    continue;
                }
                synchronized (this) {
                    apply(action);
                    next++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends every fault still on: the rest of the schedule's ends, restarts and heals are applied in order (its other
     * faults are skipped), then the partition heals and killed nodes restart.
     */
    public synchronized void healAll() {
        for (; next < actions.size(); next++) {
            Action action = actions.get(next);
            ScheduledFault fault = schedule.get(action.index());
            if (action.end() || fault instanceof ScheduledFault.Restart || fault instanceof ScheduledFault.Heal) {
                apply(action);
            } else {
                skipped.add(ScheduleText.formatFault(fault) + ": after the main phase");
            }
        }
        if (partitioned) {
            heal();
        }
        for (String node : new TreeSet<>(held.keySet())) {
            if (held.get(node) == Held.KILLED) {
                restart(node);
            }
        }
        mastersKilled.clear();
    }

    public Map<String, Long> restartInitNanos() {
        return Map.copyOf(restartInitNanos);
    }

    /** The faults as applied, in the order they began: times as they took effect, every node named. */
    public synchronized List<ScheduledFault> applied() {
        return applied.stream().sorted(Comparator.comparingLong(Applied::sequence)).map(Applied::fault).toList();
    }

    /** The faults of the schedule that were not applied, each with the reason. */
    public synchronized List<String> skipped() {
        return List.copyOf(skipped);
    }

    private void apply(Action action) {
        ScheduledFault fault = schedule.get(action.index());
        if (action.end()) {
            end(action.index(), fault);
            return;
        }
        if (fault instanceof ScheduledFault.Crash crash) {
            crash(crash);
        } else if (fault instanceof ScheduledFault.Restart restart) {
            restart(restart);
        } else if (fault instanceof ScheduledFault.Pause || fault instanceof ScheduledFault.Clock) {
            String node = target(fault.nodes().get(0), fault);
            if (node == null) {
                return;
            }
            nodeOf.put(action.index(), node);
            startedAt.put(action.index(), nowMillis());
            startSequence.put(action.index(), (long) next);
            if (fault instanceof ScheduledFault.Pause) {
                held.put(node, Held.PAUSED);
                targets.pause(node);
                record("pause", nodes(node));
            } else {
                held.put(node, Held.SKEWED);
                skew(node);
                record("start-clock", nodes(node));
            }
        } else if (fault instanceof ScheduledFault.Partition partition) {
            partition(partition);
        } else if (fault instanceof ScheduledFault.Heal) {
            if (partitioned) {
                heal();
            } else {
                skipped.add(ScheduleText.formatFault(fault) + ": no partition to heal");
            }
        } else if (fault instanceof ScheduledFault.Loss loss) {
            startedAt.put(action.index(), nowMillis());
            startSequence.put(action.index(), (long) next);
            losses.put(action.index(), loss.probability());
            targets.loss(lossiest());
            record("start-loss", Json.MAPPER.valueToTree(loss.probability()));
        } else if (fault instanceof ScheduledFault.Slow slow) {
            startedAt.put(action.index(), nowMillis());
            startSequence.put(action.index(), (long) next);
            slows.put(action.index(), slow.extraMillis());
            targets.slow(slowest() * 1_000_000);
            record("start-slow", Json.MAPPER.valueToTree(slow.extraMillis()));
        }
    }

    /** The end of window {@code index}, if it began. */
    private void end(int index, ScheduledFault fault) {
        Long from = startedAt.remove(index);
        if (from == null) {
            return;
        }
        long until = Math.max(from + 1, nowMillis());
        if (fault instanceof ScheduledFault.Pause) {
            String node = nodeOf.remove(index);
            targets.resume(node);
            held.remove(node);
            record("resume", nodes(node));
            applied(new ScheduledFault.Pause(from, until, node), index);
        } else if (fault instanceof ScheduledFault.Clock) {
            String node = nodeOf.remove(index);
            stopSkew(node);
            held.remove(node);
            record("stop-clock", nodes(node));
            applied(new ScheduledFault.Clock(from, until, node), index);
        } else if (fault instanceof ScheduledFault.Loss loss) {
            losses.remove(index);
            targets.loss(lossiest());
            record("stop-loss", NullNode.instance);
            applied(new ScheduledFault.Loss(from, until, loss.probability()), index);
        } else if (fault instanceof ScheduledFault.Slow slow) {
            slows.remove(index);
            targets.slow(slowest() * 1_000_000);
            record("stop-slow", NullNode.instance);
            applied(new ScheduledFault.Slow(from, until, slow.extraMillis()), index);
        }
    }

    private void crash(ScheduledFault.Crash crash) {
        boolean ofMaster = crash.node().equals(ScheduledFault.MASTER);
        String node = target(crash.node(), crash);
        if (ofMaster) {
            mastersKilled.add(node == null ? "" : node);
        }
        if (node != null) {
            kill(node);
        }
    }

    private void kill(String node) {
        if (masterQuery != null) {
            masterQuery.nodeKilled(node);
        }
        targets.kill(node);
        held.put(node, Held.KILLED);
        record("kill", nodes(node));
        applied(new ScheduledFault.Crash(nowMillis(), node), null);
    }

    /** A restart of a killed node; of a running one, a kill first (as in the simulator); of a held one, skipped. */
    private void restart(ScheduledFault.Restart restart) {
        String node = restart.node();
        if (node.equals(ScheduledFault.MASTER)) {
            node = mastersKilled.poll();
            if (node == null || node.isEmpty()) {
                skipped.add(ScheduleText.formatFault(restart) + ": its crash of the master was skipped");
                return;
            }
            if (held.get(node) != Held.KILLED) {
                skipped.add(ScheduleText.formatFault(restart) + ": " + node + " runs again already");
                return;
            }
        }
        Held state = held.get(node);
        if (state == null) {
            kill(node);
        } else if (state != Held.KILLED) {
            skipped.add(ScheduleText.formatFault(restart) + ": " + node + " is " + held(node));
            return;
        }
        restart(node);
    }

    private void restart(String node) {
        long initNanos = targets.restart(node);
        restartInitNanos.put(node, initNanos);
        held.remove(node);
        record("restart", nodes(node));
        applied(new ScheduledFault.Restart(nowMillis(), node), null);
    }

    /**
     * The node a fault hits, or null (noted) when it is held by another fault. The master is the one most nodes
     * recognise if no fault holds it, else the healthy node the fault's time picks: a choice a replay repeats.
     */
    private String target(String named, ScheduledFault fault) {
        String node = named;
        if (named.equals(ScheduledFault.MASTER)) {
            node = master(fault.atMillis());
            if (node == null) {
                skipped.add(ScheduleText.formatFault(fault) + ": every node is held by another fault");
                return null;
            }
        }
        if (held.containsKey(node)) {
            skipped.add(ScheduleText.formatFault(fault) + ": " + node + " is " + held(node));
            return null;
        }
        return node;
    }

    /** What holds the node, as a word: killed, paused, skewed. */
    private String held(String node) {
        return held.get(node).name().toLowerCase(Locale.ROOT);
    }

    private String master(long atMillis) {
        String likely = masterQuery == null ? null : masterQuery.likelyMaster();
        if (likely != null && targets.ids().contains(likely) && !held.containsKey(likely)) {
            return likely;
        }
        List<String> free = targets.ids().stream().filter(id -> !held.containsKey(id)).sorted().toList();
        return free.isEmpty() ? null : free.get((int) (atMillis % free.size()));
    }

    /** The sides as written, the master resolved and taken out of the other sides; a node in no side is alone. */
    private void partition(ScheduledFault.Partition partition) {
        String master = partition.nodes().contains(ScheduledFault.MASTER) ? master(partition.atMillis()) : null;
        List<Set<String>> components = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Set<String> side : partition.sides()) {
            Set<String> component = new TreeSet<>();
            for (String node : side) {
                if (node.equals(ScheduledFault.MASTER)) {
                    if (master != null) {
                        component.add(master);
                    }
                } else if (!node.equals(master)) {
                    component.add(node);
                }
            }
            placed.addAll(component);
            if (!component.isEmpty()) {
                components.add(component);
            }
        }
        List<Set<String>> sides = List.copyOf(components);
        for (String node : new TreeSet<>(targets.ids())) {
            if (!placed.contains(node)) {
                components.add(Set.of(node));
            }
        }
        Map<String, Set<String>> blocked = new HashMap<>();
        for (Set<String> component : components) {
            Set<String> others = new HashSet<>(targets.ids());
            others.removeAll(component);
            component.forEach(node -> blocked.put(node, others));
        }
        if (partitioned) {
            record("stop-partition", NullNode.instance);
        }
        targets.partition(blocked);
        partitioned = true;
        ArrayNode value = Json.MAPPER.createArrayNode();
        components.forEach(component -> component.stream().sorted().forEach(value.addArray()::add));
        record("start-partition", value);
        applied(new ScheduledFault.Partition(nowMillis(), sides), null);
    }

    private void heal() {
        targets.partition(Map.of());
        partitioned = false;
        record("stop-partition", NullNode.instance);
        applied(new ScheduledFault.Heal(nowMillis()), null);
    }

    /** Adds to the applied timeline a fault that began with the current action (or a window that began earlier). */
    private void applied(ScheduledFault fault, Integer window) {
        Long sequence = window == null ? null : startSequence.remove(window);
        applied.add(new Applied(sequence != null ? sequence : next, fault));
    }

    /** Overlapping windows of loss: the highest probability holds. */
    private double lossiest() {
        return losses.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** Overlapping slow windows: the longest extra time holds. */
    private long slowest() {
        return slows.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private void skew(String id) {
        Thread skewer = new Thread(() -> {
            try {
                while (skewing.contains(id)) {
                    targets.stall(id, true);
                    Thread.sleep(CLOCK_STOPPED_MILLIS);
                    targets.stall(id, false);
                    Thread.sleep(CLOCK_PERIOD_MILLIS - CLOCK_STOPPED_MILLIS);
                }
            } catch (InterruptedException e) {
                targets.stall(id, false);
            }
        }, "clock-skew-" + id);
        skewer.setDaemon(true);
        skewing.add(id);
        skewers.put(id, skewer);
        skewer.start();
    }

    private void stopSkew(String id) {
        Thread skewer = skewers.remove(id);
        skewing.remove(id);
        try {
            skewer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        targets.stall(id, false);
    }

    private long nowMillis() {
        return Math.max(0, (clock.now() - baseNanos) / 1_000_000);
    }

    private static JsonNode nodes(String node) {
        return Json.MAPPER.createArrayNode().add(node);
    }

    private void record(String f, JsonNode value) {
        history.add(Op.NEMESIS, Op.Type.INFO, f, value, null, null, false);
    }
}
