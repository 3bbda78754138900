package io.stagger.properties;

import io.stagger.core.Config;
import io.stagger.core.Durations;
import io.stagger.core.ElectionDelays;
import io.stagger.core.Group;
import io.stagger.sim.Scenario;
import java.util.List;

/** A group and its configuration, before any fault: what the configuration arbitraries generate. */
record Setup(List<String> ids, Config config) {

    /** The group and configuration of {@code scenario}. */
    static Setup of(Scenario scenario) {
        return new Setup(scenario.ids(), scenario.config());
    }

    Group group() {
        return Group.of(ids, config.rankRule());
    }

    long periodMicros() {
        return Durations.micros(config.detectionPeriod());
    }

    long inquiryTimeoutMicros() {
        return Durations.micros(config.inquiryTimeout());
    }

    long maxDelayMicros() {
        return config.delayBounds().maxMicros();
    }

    /** The largest E(i) over the candidates when {@code failedMaster} failed (PROTOCOL.md §2). */
    long maxElectionDelayMicros(String failedMaster) {
        Group group = group();
        long max = 0;
        for (String id : ids) {
            if (!id.equals(failedMaster)) {
                max = Math.max(max, ElectionDelays.compute(id, group, config).afterFailureOfMicros(failedMaster));
            }
        }
        return max;
    }

    /**
     * By when every backup detects, heard from its master or not: at once, or with {@code patient} after the start
     * allowance A (a backup that never heard its master, because it crashed first, begins detection only then).
     */
    long detectingByMicros() {
        return config.has(io.stagger.core.Variant.PATIENT) ? Durations.micros(config.startAllowance()) : 0;
    }

    /** One protocol round, the unit of every horizon: P + T + max E + max d, with E a restarted server's (rule 9). */
    long roundMicros() {
        Group group = group();
        long maxElection = 0;
        for (String id : ids) {
            maxElection = Math.max(maxElection, ElectionDelays.compute(id, group, config).afterRestartMicros());
        }
        return periodMicros() + inquiryTimeoutMicros() + maxElection + maxDelayMicros();
    }
}
