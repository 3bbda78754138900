package io.stagger.harness.client;

import io.stagger.harness.RunClock;
import java.util.SplittableRandom;

/** Spaces the clients' requests like Jepsen's stagger: each next request a uniform [0, 2/rate] after the last. */
final class Pacer {
    private final RunClock clock;
    private final double meanGapNanos;
    private final SplittableRandom random;
    private long last;

    Pacer(RunClock clock, double ratePerSecond, long seed) {
        this.clock = clock;
        this.meanGapNanos = ratePerSecond > 0 ? 1e9 / ratePerSecond : Double.POSITIVE_INFINITY;
        this.random = new SplittableRandom(seed);
    }

    /** The time of the next request's slot; never earlier than now, so a stalled run does not burst afterwards. */
    synchronized long nextSlot() {
        if (Double.isInfinite(meanGapNanos)) {
            return Long.MAX_VALUE;
        }
        last = Math.max(last, clock.now()) + (long) (random.nextDouble() * 2 * meanGapNanos);
        return last;
    }
}
