package io.stagger.runtime;

import io.stagger.core.Config;

/**
 * What {@code bin/stagger-node} was told on its command line: the protocol configuration and how to run.
 * {@code incarnation} tells this boot of the process from every other (it goes into the service's ballots);
 * {@code snapshotPeriodMicros} is the period of the service's full snapshots (0: none).
 */
public record NodeOptions(Config config, BootMode bootMode, String bootMarkerDir, boolean verbose,
                          boolean serviceMajorityRule, long incarnation, long lateTimerSlackMicros,
                          long snapshotPeriodMicros) {
    /** The default period of the service's full snapshots: 1 s. */
    public static final long DEFAULT_SNAPSHOT_PERIOD_MICROS = 1_000_000;

    /** The defaults: {@link Config#defaults()}, boot mode auto, quiet, the service's majority rule. */
    public static NodeOptions defaults() {
        return new NodeOptions(Config.defaults(), BootMode.AUTO, null, false, true, System.currentTimeMillis(), 5_000,
                DEFAULT_SNAPSHOT_PERIOD_MICROS);
    }

    /** A copy with another boot mode. */
    public NodeOptions withBootMode(BootMode mode) {
        return new NodeOptions(config, mode, bootMarkerDir, verbose, serviceMajorityRule, incarnation,
                lateTimerSlackMicros, snapshotPeriodMicros);
    }
}
