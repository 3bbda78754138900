package io.stagger.sim;

import io.stagger.core.Config;
import io.stagger.core.Group;
import java.util.Comparator;
import java.util.List;

/**
 * Everything that fixes a simulated run: the members, the protocol configuration, the seed of every random choice
 * (message delays, losses) and the fault schedule. The same scenario always gives the same run, event for event.
 */
public record Scenario(List<String> ids, Config config, long seed, List<Fault> faults) {

    public Scenario {
        ids = List.copyOf(ids);
        faults = faults.stream().sorted(Comparator.comparingLong(Fault::atMicros)).toList();
        Group group = Group.of(ids, config.rankRule());
        for (Fault fault : faults) {
            if (fault.atMicros() < 0 || fault.endMicros() < fault.atMicros()) {
                throw new IllegalArgumentException("a fault must start at 0 or later and end after it starts: " + fault);
            }
            for (String id : ScenarioText.serversNamedIn(fault)) {
                if (!group.contains(id)) {
                    throw new IllegalArgumentException("fault names a server outside the group: " + fault);
                }
            }
        }
    }

    /** The group of these members, ranked by the configuration's rank rule. */
    public Group group() {
        return Group.of(ids, config.rankRule());
    }

    /** When the last fault has had its last effect ({@link Fault#lastEffectMicros()}), or 0 with no fault. */
    public long lastFaultMicros() {
        long last = 0;
        for (Fault fault : faults) {
            last = Math.max(last, fault.lastEffectMicros());
        }
        return last;
    }

    /** The same scenario with another fault schedule. */
    public Scenario withFaults(List<Fault> newFaults) {
        return new Scenario(ids, config, seed, newFaults);
    }

    /** The one-line text form that {@link ScenarioText#parse} reads back: the way to replay a run. */
    @Override
    public String toString() {
        return ScenarioText.format(this);
    }
}
