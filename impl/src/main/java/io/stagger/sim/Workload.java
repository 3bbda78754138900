package io.stagger.sim;

/**
 * What the simulated clients of the replicated service do: one operation every {@code meanIntervalMicros} on average
 * (an open loop: the next arrival does not wait for an answer), on one of {@code keys} keys, a third each of read,
 * write and cas, sent to a random live server. {@code majorityRule = false} runs every replica with the claims-alone
 * rule (KvReplica's broken-on-purpose mode), to show that the checker catches it. {@code snapshotPeriodMicros} is
 * the period of the serving master's full snapshots (0: none).
 */
public record Workload(long meanIntervalMicros, int keys, boolean majorityRule, long snapshotPeriodMicros) {

    public Workload {
        if (meanIntervalMicros <= 0 || keys <= 0 || snapshotPeriodMicros < 0) {
            throw new IllegalArgumentException(
                    "a workload needs a positive interval, at least one key and a snapshot period of at least 0");
        }
    }

    /** A workload without periodic snapshots. */
    public Workload(long meanIntervalMicros, int keys, boolean majorityRule) {
        this(meanIntervalMicros, keys, majorityRule, 0);
    }

    /** One operation every 2ms on average over three keys, with the service rule. */
    public static Workload defaults() {
        return new Workload(2_000, 3, true);
    }

    /** The same workload with the claims-alone rule instead of majority acknowledgement. */
    public Workload withoutMajorityRule() {
        return new Workload(meanIntervalMicros, keys, false, snapshotPeriodMicros);
    }

    @Override
    public String toString() {
        return "workload: one op per " + meanIntervalMicros + "us, " + keys + " keys, rule="
                + (majorityRule ? "majority" : "claims-alone")
                + (snapshotPeriodMicros == 0 ? "" : ", a snapshot every " + snapshotPeriodMicros + "us");
    }
}
