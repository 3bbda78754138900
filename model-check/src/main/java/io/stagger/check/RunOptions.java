package io.stagger.check;

import java.nio.file.Path;

/**
 * How to run TLC, as opposed to what to check.
 *
 * @param workers TLC worker threads
 * @param simulate run TLC's random simulation instead of exhaustive model checking
 * @param depth the length of each simulated behaviour
 * @param traces how many behaviours to simulate
 * @param seed the simulation seed (0: TLC picks one)
 * @param timeoutSeconds stop TLC after this many seconds (0: no limit)
 * @param specDir where the spec is (null: found automatically)
 * @param workRoot the directory under which each run gets its work directory
 * @param javaOptions JVM options for the child JVM that runs TLC
 * @param quiet no progress on stderr
 * @param view count states whose epochs differ by a constant as one (the spec's View; model-check/README.md)
 */
public record RunOptions(int workers, boolean simulate, int depth, long traces, long seed, long timeoutSeconds,
                         Path specDir, Path workRoot, String javaOptions, boolean quiet, boolean view) {

    /** Validates the options. */
    public RunOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("--depth must be at least 1, got " + depth);
        }
        if (traces < 1) {
            throw new IllegalArgumentException("--traces must be at least 1, got " + traces);
        }
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException("--timeout must not be negative, got " + timeoutSeconds);
        }
    }
}
