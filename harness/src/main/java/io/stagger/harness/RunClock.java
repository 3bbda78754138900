package io.stagger.harness;

/** Time since the start of a run in nanoseconds: the time axis of the history, the journal and the plots. */
public final class RunClock {
    private final long startNanos = System.nanoTime();

    public long now() {
        return System.nanoTime() - startNanos;
    }

    public static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
