package io.stagger.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Config;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceSimulationTest {
    private static final List<String> IDS = List.of("n1", "n2", "n3");
    private static final long MS = 1_000;

    private static Scenario scenario(long seed, List<Fault> faults) {
        return new Scenario(IDS, Config.defaults(), seed, faults);
    }

    @Test
    void withoutFaultsEveryOperationIsAcknowledgedAndTheLeadersAgree() {
        ServiceSimulation sim = new ServiceSimulation(scenario(1, List.of()), Workload.defaults());
        sim.runUntil(5_000 * MS);
        ServiceHistory history = sim.history();
        assertThat(history.operations()).hasSizeGreaterThan(2_000);
        assertThat(sim.violations()).isEmpty();
        assertThat(history.acknowledged()).isGreaterThan(history.operations().size() - 100);
        assertThat(sim.mostDownOrRecovering()).isZero();
    }

    @Test
    void theMastersCrashAndRestartLosesNoAcknowledgedWrite() {
        List<Fault> faults = List.of(new Fault.Crash(1_000 * MS, "n1"), new Fault.Restart(2_000 * MS, "n1"),
                new Fault.Crash(3_000 * MS, "n2"), new Fault.Restart(3_500 * MS, "n2"));
        ServiceSimulation sim = new ServiceSimulation(scenario(2, faults), Workload.defaults());
        sim.runUntil(6_000 * MS);
        assertThat(sim.violations()).isEmpty();
        assertThat(sim.history().leadingBallots()).isGreaterThan(1);
        assertThat(sim.mostDownOrRecovering()).isEqualTo(1);
        assertThat(sim.withinLimits()).isTrue();
    }

    @Test
    void theClaimsAloneRuleLosesAcknowledgedWritesAcrossAFailover() {
        // Two failovers: n1 crashes, and restarts into a group whose master it takes back (without patient).
        List<Fault> faults = List.of(new Fault.Crash(1_000 * MS, "n1"), new Fault.Restart(2_000 * MS, "n1"));
        Scenario scenario = new Scenario(IDS, Config.defaults().withVariants(
                java.util.EnumSet.of(io.stagger.core.Variant.ANNOUNCE, io.stagger.core.Variant.EPOCHS)), 3, faults);
        ServiceSimulation sim = new ServiceSimulation(scenario, Workload.defaults().withoutMajorityRule());
        sim.runUntil(4_000 * MS);
        assertThat(sim.violations()).isNotEmpty();
    }
}
