package io.stagger.harness.net;

import java.util.Locale;
import java.util.SplittableRandom;

/** Maelstrom's latency distributions: constant (the mean), uniform over [0, 2·mean], exponential with the mean. */
public final class Latency {
    /** The shape of the distribution, as named by --latency-dist. */
    public enum Shape { CONSTANT, UNIFORM, EXPONENTIAL;
        public static Shape parse(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    private final Shape shape;
    private final double meanNanos;

    public Latency(Shape shape, double meanMillis) {
        this.shape = shape;
        this.meanNanos = meanMillis * 1e6;
    }

    public long drawNanos(SplittableRandom random) {
        if (meanNanos <= 0) {
            return 0;
        }
        switch (shape) {
            case CONSTANT:
                return (long) meanNanos;
            case UNIFORM:
                return (long) (random.nextDouble() * 2 * meanNanos);
            default:
                return (long) (-Math.log(1 - random.nextDouble()) * meanNanos);
        }
    }

    public Shape shape() {
        return shape;
    }

    public double meanMillis() {
        return meanNanos / 1e6;
    }
}
