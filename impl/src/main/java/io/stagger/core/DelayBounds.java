package io.stagger.core;

import java.time.Duration;
import java.util.Map;

/** The bound {@code d(k, j)} on the one-way message delay from {@code k} to {@code j} (PROTOCOL.md §2). */
public sealed interface DelayBounds permits DelayBounds.Uniform, DelayBounds.Matrix {

    /** {@code d(from, to)} in microseconds. */
    long boundMicros(String from, String to);

    /** The largest bound of all pairs: {@code max d}. */
    long maxMicros();

    /** One bound {@code D} for every pair. */
    record Uniform(Duration bound) implements DelayBounds {
        public Uniform {
            Durations.requireNonNegative("D", bound);
        }

        @Override
        public long boundMicros(String from, String to) {
            return Durations.micros(bound);
        }

        @Override
        public long maxMicros() {
            return Durations.micros(bound);
        }
    }

    /** A bound per ordered pair; pairs that are not listed take {@code fallback}. */
    record Matrix(Map<String, Map<String, Duration>> bounds, Duration fallback) implements DelayBounds {
        public Matrix {
            Durations.requireNonNegative("fallback delay bound", fallback);
            bounds = Map.copyOf(bounds);
            for (var row : bounds.entrySet()) {
                for (var cell : row.getValue().entrySet()) {
                    Durations.requireNonNegative("d(" + row.getKey() + ", " + cell.getKey() + ")", cell.getValue());
                }
            }
        }

        @Override
        public long boundMicros(String from, String to) {
            Map<String, Duration> row = bounds.get(from);
            Duration bound = row == null ? null : row.get(to);
            return Durations.micros(bound == null ? fallback : bound);
        }

        @Override
        public long maxMicros() {
            long max = Durations.micros(fallback);
            for (Map<String, Duration> row : bounds.values()) {
                for (Duration d : row.values()) {
                    max = Math.max(max, Durations.micros(d));
                }
            }
            return max;
        }
    }
}
