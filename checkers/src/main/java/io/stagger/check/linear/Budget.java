package io.stagger.check.linear;

import java.time.Duration;

/**
 * How far the search of one key may go before its verdict is "unknown" (never a guess): a number of configurations
 * (linearized set and state) in its cache, the words of memory those take, and a time.
 */
public record Budget(long maxConfigurations, long maxCacheWords, Duration maxTime) {
    /** Bounds that fit a default JVM heap: 2 million configurations, 32 Mi words (256 MiB) of cache, 60 s per key. */
    public static final Budget DEFAULT = new Budget(2_000_000, 32L << 20, Duration.ofSeconds(60));

    public Budget {
        if (maxConfigurations < 1 || maxCacheWords < 1 || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("a search budget must be positive");
        }
    }
}
