package io.stagger.properties;

import io.stagger.sim.Fault;
import io.stagger.sim.Scenario;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Arbitraries of fault schedules: up to six episodes (a crash, a restart, a crash and a later restart, a pause of
 * one server's process, a partition and its heal, a loss window, a window of delays beyond d), each shrinking
 * towards fewer episodes, earlier and shorter. Schedules that leave no server up are not generated: convergence needs a live server.
 */
final class FaultSchedules {
    /** Faults begin within the first three virtual seconds. */
    static final int LATEST_START_MILLIS = 3_000;
    static final int MAX_EPISODES = 6;

    private FaultSchedules() {}

    /** Which faults a schedule may hold. */
    enum Kinds {
        /** Crashes and restarts only; messages are never lost and never late. */
        CRASH_ONLY,
        /** Partitions that heal, and nothing else. */
        PARTITIONS,
        /** Windows of message loss, and nothing else. */
        LOSS,
        /** Windows of delays beyond d, and nothing else. */
        SLOW_LINKS,
        /** Pauses of one server's process (it wakes up with its old state and everything that came due), only. */
        PAUSES,
        /** Crashes, restarts, pauses, partitions that heal, loss, and delays beyond d. */
        ALL
    }

    /** Scenarios of {@code setups} under schedules of {@code kinds}, with a random seed. */
    static Arbitrary<Scenario> scenarios(Arbitrary<Setup> setups, Kinds kinds) {
        return setups.flatMap(setup -> Combinators.combine(Arbitraries.longs(), schedules(setup.ids(), kinds))
                .as((seed, faults) -> new Scenario(setup.ids(), setup.config(), seed, faults)));
    }

    static Arbitrary<List<Fault>> schedules(List<String> ids, Kinds kinds) {
        List<Arbitrary<List<Fault>>> episodes = new ArrayList<>();
        if (kinds == Kinds.CRASH_ONLY || kinds == Kinds.ALL) {
            episodes.addAll(List.of(crash(ids), restart(ids), crashAndRestart(ids)));
        }
        if (kinds == Kinds.PARTITIONS || kinds == Kinds.ALL) {
            episodes.add(partitionAndHeal(ids));
        }
        if (kinds == Kinds.LOSS || kinds == Kinds.ALL) {
            episodes.add(loss());
        }
        if (kinds == Kinds.SLOW_LINKS || kinds == Kinds.ALL) {
            episodes.add(slowLinks());
        }
        if (kinds == Kinds.PAUSES || kinds == Kinds.ALL) {
            episodes.add(pause(ids));
        }
        return Arbitraries.oneOf(episodes).list().ofMaxSize(MAX_EPISODES)
                .map(FaultSchedules::flatten)
                .filter(faults -> !liveAtEnd(ids, faults).isEmpty());
    }

    /** The servers up after the last crash or restart of {@code faults}. */
    static Set<String> liveAtEnd(List<String> ids, List<Fault> faults) {
        Set<String> live = new HashSet<>(ids);
        faults.stream().sorted((a, b) -> Long.compare(a.atMicros(), b.atMicros())).forEach(fault -> {
            if (fault instanceof Fault.Crash crash) {
                live.remove(crash.server());
            } else if (fault instanceof Fault.Restart restart) {
                live.add(restart.server());
            }
        });
        return live;
    }

    private static Arbitrary<List<Fault>> crash(List<String> ids) {
        return Combinators.combine(start(), server(ids)).as((at, id) -> List.of(new Fault.Crash(at, id)));
    }

    private static Arbitrary<List<Fault>> restart(List<String> ids) {
        return Combinators.combine(start(), server(ids)).as((at, id) -> List.of(new Fault.Restart(at, id)));
    }

    private static Arbitrary<List<Fault>> crashAndRestart(List<String> ids) {
        return Combinators.combine(start(), length(), server(ids))
                .as((at, down, id) -> List.of(new Fault.Crash(at, id), new Fault.Restart(at + down, id)));
    }

    private static Arbitrary<List<Fault>> pause(List<String> ids) {
        return Combinators.combine(start(), length(), server(ids))
                .as((at, length, id) -> List.of(new Fault.Pause(at, at + length, id)));
    }

    private static Arbitrary<List<Fault>> partitionAndHeal(List<String> ids) {
        Arbitrary<List<Boolean>> sides = Arbitraries.of(true, false).list().ofSize(ids.size());
        return Combinators.combine(start(), length(), sides).as((at, length, inFirst) -> {
            Set<String> first = new HashSet<>();
            Set<String> second = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                (inFirst.get(i) ? first : second).add(ids.get(i));
            }
            return List.of(new Fault.Partition(at, List.of(first, second)), new Fault.Heal(at + length));
        });
    }

    private static Arbitrary<List<Fault>> loss() {
        Arbitrary<Double> probability = Arbitraries.integers().between(1, 20).map(twentieths -> twentieths / 20.0);
        return Combinators.combine(start(), length(), probability)
                .as((at, length, p) -> List.of(new Fault.Loss(at, at + length, p)));
    }

    private static Arbitrary<List<Fault>> slowLinks() {
        Arbitrary<Long> extra = Arbitraries.longs().between(1, 300).map(ms -> ms * 1_000);
        return Combinators.combine(start(), length(), extra)
                .as((at, length, e) -> List.of(new Fault.SlowLinks(at, at + length, e)));
    }

    private static Arbitrary<Long> start() {
        return Arbitraries.longs().between(0, LATEST_START_MILLIS).map(ms -> ms * 1_000);
    }

    private static Arbitrary<Long> length() {
        return Arbitraries.longs().between(1, 3_000).map(ms -> ms * 1_000);
    }

    private static Arbitrary<String> server(List<String> ids) {
        return Arbitraries.of(ids);
    }

    private static List<Fault> flatten(List<List<Fault>> episodes) {
        List<Fault> faults = new ArrayList<>();
        episodes.forEach(faults::addAll);
        return faults;
    }
}
