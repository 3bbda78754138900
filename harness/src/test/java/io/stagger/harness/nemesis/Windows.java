package io.stagger.harness.nemesis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The time each fault of a schedule is on: a window, a crash until its restart, a partition until its heal. */
public record Windows(List<Window> all, List<String> unhealed) {
    /** A fault on from one time until another (a node's, or the network's with node null). */
    public record Window(long fromMillis, long untilMillis, String what, String node) {
        boolean overlaps(Window other) {
            return fromMillis < other.untilMillis && other.fromMillis < untilMillis;
        }
    }

    public static Windows of(List<ScheduledFault> schedule) {
        List<Window> all = new ArrayList<>();
        List<String> unhealed = new ArrayList<>();
        Map<String, Long> crashed = new HashMap<>();
        Long partitioned = null;
        for (ScheduledFault fault : schedule) {
            if (fault instanceof ScheduledFault.Crash crash) {
                if (crashed.putIfAbsent(crash.node(), crash.atMillis()) != null) {
                    unhealed.add("crashed twice: " + ScheduleText.formatFault(crash));
                }
            } else if (fault instanceof ScheduledFault.Restart restart) {
                Long from = crashed.remove(restart.node());
                if (from == null) {
                    unhealed.add("restart without a crash: " + ScheduleText.formatFault(restart));
                } else {
                    all.add(new Window(from, restart.atMillis(), "kill", restart.node()));
                }
            } else if (fault instanceof ScheduledFault.Partition partition) {
                if (partitioned != null) {
                    unhealed.add("partitioned again before a heal: " + ScheduleText.formatFault(partition));
                }
                partitioned = partition.atMillis();
            } else if (fault instanceof ScheduledFault.Heal heal) {
                if (partitioned != null) {
                    all.add(new Window(partitioned, heal.atMillis(), "partition", null));
                }
                partitioned = null;
            } else {
                String node = fault.nodes().isEmpty() ? null : fault.nodes().get(0);
                all.add(new Window(fault.atMillis(), fault.endMillis(), ScheduleText.formatFault(fault).split("@")[0], node));
            }
        }
        crashed.forEach((node, at) -> unhealed.add(node + " crashed at " + at + " ms, never restarted"));
        if (partitioned != null) {
            unhealed.add("a partition from " + partitioned + " ms never healed");
        }
        return new Windows(all, unhealed);
    }

    /** Pairs of faults on at once. */
    public List<Window[]> overlapping() {
        List<Window[]> pairs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).overlaps(all.get(j))) {
                    pairs.add(new Window[] {all.get(i), all.get(j)});
                }
            }
        }
        return pairs;
    }
}
