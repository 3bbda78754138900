package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Config;
import io.stagger.sim.Scenario;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * docs/SERVICE.md, "no acknowledged write is lost or reordered": the replicated service simulated over the election
 * ({@code ServiceSimulation}) under fault schedules within the service's limits ({@link ServiceSchedules}), its
 * clients' history checked by the shared linearizability checker ({@link ServiceLinearizability}) and the leaders by
 * {@code ServiceChecker}; and the service serves again once the last fault is over.
 * Fewer tries than the election's properties: a run carries thousands of operations.
 */
class ServiceProperties {
    static final int TRIES = 100;

    @Property(tries = TRIES)
    void noAcknowledgedWriteLostOrReorderedWithTheDefaultVariants(@ForAll("defaultVariants") Scenario scenario) {
        assertLinearizable(scenario);
    }

    @Property(tries = TRIES)
    void noAcknowledgedWriteLostOrReorderedWithAnyVariants(@ForAll("anyVariants") Scenario scenario) {
        assertLinearizable(scenario);
    }

    /**
     * The election's own fault schedules ({@link FaultSchedules}, kinds ALL): episodes that overlap, crashes without
     * restart. The service promises safety only while at most a minority is down or recovering at once, which the
     * simulation measures; runs beyond it are counted, not asserted.
     */
    @Property(tries = TRIES)
    void noAcknowledgedWriteLostOrReorderedUnderOverlappingFaultsWithinTheLimits(
            @ForAll("defaultVariantsUnderOverlappingFaults") Scenario scenario) {
        ServiceRun run = ServiceRun.settled(scenario);
        Statistics.label("within the limits").collect(run.sim().withinLimits());
        if (run.sim().withinLimits()) {
            assertThat(run.correct()).as(run::report).isTrue();
        }
    }

    /** With the default variants the election converges after the last fault, and the service then serves writes. */
    @Property(tries = TRIES)
    void theServiceAcknowledgesWritesAfterTheLastFault(@ForAll("defaultVariants") Scenario scenario) {
        ServiceRun run = ServiceRun.settled(scenario);
        assertThat(run.correct()).as(run::report).isTrue();
        assertThat(run.recentWritesAcknowledged()).as(run::report).isPositive();
    }

    private static void assertLinearizable(Scenario scenario) {
        ServiceRun run = ServiceRun.settled(scenario);
        Statistics.label("servers").collect(scenario.ids().size());
        Statistics.label("failovers (ballots that acknowledged, minus one)")
                .collect(Math.min(run.sim().history().leadingBallots() - 1, 5));
        assertThat(run.correct()).as(run::report).isTrue();
    }

    @Provide
    Arbitrary<Scenario> defaultVariants() {
        return ServiceSchedules.scenarios(Setups.exactly(Config.DEFAULT_VARIANTS));
    }

    @Provide
    Arbitrary<Scenario> defaultVariantsUnderOverlappingFaults() {
        Arbitrary<Setup> setups = Setups.setups(Setups.exactly(Config.DEFAULT_VARIANTS))
                .filter(setup -> setup.ids().size() >= ServiceSchedules.MIN_SERVERS
                        && setup.ids().size() <= ServiceSchedules.MAX_SERVERS);
        return FaultSchedules.scenarios(setups, FaultSchedules.Kinds.ALL);
    }

    @Provide
    Arbitrary<Scenario> anyVariants() {
        return ServiceSchedules.scenarios(Setups.anyVariants());
    }
}
