package io.stagger.sim;

import io.stagger.core.DelayBounds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated network: a one-way delay drawn in {@code [0, d(from, to)]} per message, loss and extra delay
 * during the windows of the fault schedule, and partitions. Every random choice comes from the run's one generator.
 */
final class Network {
    /** The result of {@link #delayMicros} for a message that is lost. */
    static final long LOST = -1;

    private final long[][] boundMicros;
    private final int[] sideOf;
    private final List<Fault.Loss> losses = new ArrayList<>();
    private final List<Fault.SlowLinks> slowLinks = new ArrayList<>();

    Network(List<String> ids, DelayBounds bounds, List<Fault> faults) {
        int n = ids.size();
        boundMicros = new long[n][n];
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                boundMicros[from][to] = bounds.boundMicros(ids.get(from), ids.get(to));
            }
        }
        sideOf = new int[n];
        heal();
        faults.forEach(this::addWindow);
    }

    /** Takes note of a loss or slow-links window; other faults are applied by the simulation when they happen. */
    void addWindow(Fault fault) {
        if (fault instanceof Fault.Loss loss) {
            losses.add(loss);
        } else if (fault instanceof Fault.SlowLinks slow) {
            slowLinks.add(slow);
        }
    }

    /** Splits the servers into {@code sides}; a server in no side is alone. */
    void partition(List<Set<String>> sides, Map<String, Integer> indexOf) {
        for (int i = 0; i < sideOf.length; i++) {
            sideOf[i] = -1 - i; // alone unless a side names it
        }
        for (int side = 0; side < sides.size(); side++) {
            for (String id : sides.get(side)) {
                sideOf[indexOf.get(id)] = side;
            }
        }
    }

    /** Every server reaches every other. */
    void heal() {
        Arrays.fill(sideOf, 0);
    }

    /** Whether a message from {@code from} reaches {@code to} now. */
    boolean connected(int from, int to) {
        return sideOf[from] == sideOf[to];
    }

    /** The delay of a message sent now from {@code from} to {@code to}, or {@link #LOST}. */
    long delayMicros(int from, int to, long nowMicros, SplittableRandom random) {
        if (!connected(from, to)) {
            return LOST;
        }
        for (Fault.Loss loss : losses) {
            if (active(loss, nowMicros) && random.nextDouble() < loss.probability()) {
                return LOST;
            }
        }
        long delay = random.nextLong(boundMicros[from][to] + 1);
        long extra = 0;
        for (Fault.SlowLinks slow : slowLinks) {
            if (active(slow, nowMicros)) {
                extra = Math.max(extra, slow.extraMicros());
            }
        }
        return delay + extra;
    }

    /**
     * The delay of a message between server {@code server} and a service of the harness (the name server's
     * {@code lin-kv}), either way: drawn in {@code [0, the largest bound from server]}; such a service is never
     * partitioned off and loses nothing.
     */
    long serviceDelayMicros(int server, SplittableRandom random) {
        long bound = 0;
        for (long b : boundMicros[server]) {
            bound = Math.max(bound, b);
        }
        return random.nextLong(bound + 1);
    }

    private static boolean active(Fault window, long nowMicros) {
        return window.atMicros() <= nowMicros && nowMicros < window.endMicros();
    }
}
