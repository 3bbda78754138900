package io.stagger.check.linear;

/**
 * The search's answer for one key. For a key that is not linearizable: the longest linearizable prefix it found
 * (operations in their linearization order), the operation whose completion it could not pass (stuck), and the
 * operations that could have come next there but cannot be placed.
 */
public record KeyVerdict(KeyHistory history, Status status, long configurations, long elapsedNanos, int[] prefix,
        int stuck, int[] unplaceable) {
    /** Linearizable, not, or unknown (the budget ran out first). */
    public enum Status { LINEARIZABLE, NOT_LINEARIZABLE, UNKNOWN }
}
