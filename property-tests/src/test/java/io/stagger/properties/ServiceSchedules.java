package io.stagger.properties;

import io.stagger.core.Variant;
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
 * Scenarios for the replicated service: groups of 3 to 7 servers and fault schedules within the service's limits
 * (docs/SERVICE.md, "Limits": at most a minority down or recovering at once). A schedule is up to four episodes, one
 * after the other: a minority crashes and restarts later, a minority restarts at once, a minority is partitioned off
 * and healed, a minority's processes paused (each wakes with its old state and whatever came due meanwhile), a loss
 * window, a window of delays beyond d. Each episode is followed by a quiet {@link #MARGIN_ROUNDS}
 * rounds, in which a restarted server recovers before the next one may go down. Shrinks towards fewer, earlier and
 * shorter episodes.
 */
final class ServiceSchedules {
    static final int MAX_EPISODES = 4;
    static final int MARGIN_ROUNDS = 5;
    static final int MIN_SERVERS = 3;
    static final int MAX_SERVERS = 7;

    private ServiceSchedules() {}

    private enum Kind { CRASH_AND_RESTART, RESTART, PARTITION_AND_HEAL, PAUSE, LOSS, SLOW_LINKS }

    private record Episode(Kind kind, List<Integer> picks, long gapMillis, long lengthMillis, int twentieths) {}

    /** Service scenarios of {@code variants}. */
    static Arbitrary<Scenario> scenarios(Arbitrary<Set<Variant>> variants) {
        Arbitrary<Setup> setups = Setups.setups(variants)
                .filter(setup -> setup.ids().size() >= MIN_SERVERS && setup.ids().size() <= MAX_SERVERS);
        return setups.flatMap(setup -> Combinators.combine(Arbitraries.longs(), episodes(setup.ids().size()).list()
                .ofMaxSize(MAX_EPISODES)).as((seed, episodes) ->
                new Scenario(setup.ids(), setup.config(), seed, faults(setup, episodes))));
    }

    private static Arbitrary<Episode> episodes(int n) {
        int minority = (n - 1) / 2;
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, n - 1).set().ofMinSize(1)
                .ofMaxSize(minority).map(List::copyOf);
        return Combinators.combine(Arbitraries.of(Kind.class), picks, Arbitraries.longs().between(0, 1_000),
                Arbitraries.longs().between(1, 2_000), Arbitraries.integers().between(1, 20)).as(Episode::new);
    }

    private static List<Fault> faults(Setup setup, List<Episode> episodes) {
        List<String> ids = setup.ids();
        long marginMicros = MARGIN_ROUNDS * setup.roundMicros();
        List<Fault> faults = new ArrayList<>();
        long t = 0;
        for (Episode e : episodes) {
            long start = t + e.gapMillis() * 1_000;
            long end = start + e.lengthMillis() * 1_000;
            Set<String> picked = new HashSet<>();
            e.picks().forEach(k -> picked.add(ids.get(k)));
            switch (e.kind()) {
                case CRASH_AND_RESTART -> picked.forEach(id -> {
                    faults.add(new Fault.Crash(start, id));
                    faults.add(new Fault.Restart(end, id));
                });
                case RESTART -> {
                    picked.forEach(id -> faults.add(new Fault.Restart(start, id)));
                    // A restart is instant; recovery follows in the margin.
                }
                case PARTITION_AND_HEAL -> {
                    Set<String> rest = new HashSet<>(ids);
                    rest.removeAll(picked);
                    faults.add(new Fault.Partition(start, List.of(picked, rest)));
                    faults.add(new Fault.Heal(end));
                }
                case PAUSE -> picked.forEach(id -> faults.add(new Fault.Pause(start, end, id)));
                case LOSS -> faults.add(new Fault.Loss(start, end, e.twentieths() / 20.0));
                case SLOW_LINKS -> faults.add(new Fault.SlowLinks(start, end, e.twentieths() * 15_000L));
            }
            t = (e.kind() == Kind.RESTART ? start : end) + marginMicros;
        }
        return faults;
    }
}
