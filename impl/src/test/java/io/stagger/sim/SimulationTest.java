package io.stagger.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagger.core.Config;
import io.stagger.core.Role;
import io.stagger.core.Variant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final List<String> IDS = List.of("n1", "n2", "n3", "n4");
    private static final long MS = 1_000;

    private static Scenario scenario(Set<Variant> variants, long seed, List<Fault> faults) {
        Config config = Config.defaults().withVariants(variants);
        return new Scenario(IDS, config, seed, faults);
    }

    @Test
    void withoutFaultsTheInitialMasterStaysAndNobodyDeclares() {
        Simulation sim = new Simulation(scenario(Config.DEFAULT_VARIANTS, 1, List.of()));
        sim.runUntil(10_000 * MS);
        assertThat(sim.master()).isEqualTo("n1");
        assertThat(sim.converged()).isTrue();
        assertThat(sim.convergedSinceMicros()).isZero();
        assertThat(sim.counters().electionsWon()).isZero();
        assertThat(sim.counters().inquiryTimeouts()).isZero();
        assertThat(sim.violations()).isEmpty();
    }

    @Test
    void theSameScenarioGivesTheSameRunEventForEvent() {
        List<Fault> faults = List.of(new Fault.Loss(0, 2_000 * MS, 0.3), new Fault.Crash(1_000 * MS, "n1"),
                new Fault.Restart(1_500 * MS, "n1"), new Fault.Partition(2_000 * MS, List.of(Set.of("n1", "n2"))),
                new Fault.Heal(3_000 * MS), new Fault.SlowLinks(2_500 * MS, 3_500 * MS, 40 * MS));
        Scenario scenario = scenario(EnumSet.allOf(Variant.class), 77, faults);
        Simulation first = new Simulation(scenario).recordTimeline();
        Simulation second = new Simulation(scenario).recordTimeline();
        first.runUntil(6_000 * MS);
        second.runUntil(6_000 * MS);
        assertThat(first.timeline().lines()).hasSizeGreaterThan(100).isEqualTo(second.timeline().lines());
        assertThat(first.counters().toString()).isEqualTo(second.counters().toString());
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        List<Fault> faults = List.of(new Fault.Crash(1_000 * MS, "n1"));
        Simulation first = new Simulation(scenario(Config.DEFAULT_VARIANTS, 1, faults)).recordTimeline();
        Simulation second = new Simulation(scenario(Config.DEFAULT_VARIANTS, 2, faults)).recordTimeline();
        first.runUntil(3_000 * MS);
        second.runUntil(3_000 * MS);
        assertThat(first.timeline().lines()).isNotEqualTo(second.timeline().lines());
    }

    @Test
    void afterTheMasterCrashesTheNextRankTakesOverWithOneDeclaration() {
        Simulation sim = new Simulation(scenario(Config.DEFAULT_VARIANTS, 5, List.of()));
        long failover = sim.failoverMicros(1_050 * MS, 10_000 * MS);
        // P + T + E(n2) + d at most: 100 + 50 + 100 + 20 ms.
        assertThat(failover).isBetween(1L, 270 * MS);
        assertThat(sim.master()).isEqualTo("n2");
        assertThat(sim.counters().electionsWon()).isEqualTo(1);
        assertThat(sim.isLive("n1")).isFalse();
        assertThat(sim.liveIds()).containsExactly("n2", "n3", "n4");
    }

    @Test
    void aCrashedServerTakesNoStepAndARestartedOneWaits() {
        List<Fault> faults = List.of(new Fault.Crash(500 * MS, "n3"), new Fault.Restart(2_000 * MS, "n3"));
        Simulation sim = new Simulation(scenario(Config.DEFAULT_VARIANTS, 3, faults));
        List<Long> stepsOfN3 = new ArrayList<>();
        sim.observe((server, action, cause, now) -> {
            if (server.self().equals("n3")) {
                stepsOfN3.add(now);
            }
        });
        sim.runUntil(1_999 * MS);
        assertThat(stepsOfN3).isNotEmpty().allMatch(now -> now < 500 * MS);
        sim.runUntil(2_000 * MS);
        assertThat(sim.server("n3").role()).isEqualTo(Role.WAITING);
        assertThat(sim.converged()).isFalse();
        sim.runUntil(5_000 * MS);
        assertThat(sim.master()).isEqualTo("n1");
        assertThat(sim.converged()).isTrue();
        assertThat(sim.violations()).isEmpty();
    }

    @Test
    void theClaimsVariantKeepsTwoMastersAfterAPartitionHeals() {
        List<Fault> faults = List.of(new Fault.Partition(1_000 * MS, List.of(Set.of("n1", "n2"), Set.of("n3", "n4"))),
                new Fault.Heal(3_000 * MS));
        Simulation sim = new Simulation(scenario(EnumSet.noneOf(Variant.class), 9, faults));
        sim.runUntil(20_000 * MS);
        assertThat(sim.masters()).containsExactly("n1", "n3");
        assertThat(sim.converged()).isFalse();
    }

    @Test
    void announceAndEpochsResolveTheTwoMastersAfterTheHeal() {
        List<Fault> faults = List.of(new Fault.Partition(1_000 * MS, List.of(Set.of("n1", "n2"), Set.of("n3", "n4"))),
                new Fault.Heal(3_000 * MS));
        Simulation sim = new Simulation(scenario(Config.DEFAULT_VARIANTS, 9, faults));
        sim.runUntil(20_000 * MS);
        assertThat(sim.master()).isEqualTo("n1");
        assertThat(sim.converged()).isTrue();
        assertThat(sim.convergenceAfterLastFaultMicros()).isBetween(1L, 1_000 * MS);
        assertThat(sim.violations()).isEmpty();
    }

    @Test
    void theTextFormReadsBackToTheSameScenario() {
        List<Fault> faults = List.of(new Fault.Crash(1_500 * MS, "n1"), new Fault.Restart(2_000_250, "n1"),
                new Fault.Partition(3_000 * MS, List.of(Set.of("n1", "n2"), Set.of("n3"))), new Fault.Heal(4_000 * MS),
                new Fault.Loss(0, 2_000 * MS, 0.25), new Fault.SlowLinks(10, 20, 30));
        Scenario scenario = scenario(EnumSet.of(Variant.REDIRECT), 123, faults);
        assertThat(ScenarioText.parse(scenario.toString())).isEqualTo(scenario);
    }

    @Test
    void aLossWindowOfProbabilityOneLosesEveryMessageSentInIt() {
        Simulation sim = new Simulation(scenario(Config.DEFAULT_VARIANTS, 4,
                List.of(new Fault.Loss(1_000 * MS, 2_000 * MS, 1.0))));
        sim.runUntil(999 * MS);
        long sentBefore = sim.counters().messagesSent();
        assertThat(sim.counters().messagesLost()).isZero();
        sim.runUntil(1_999 * MS);
        assertThat(sim.counters().messagesLost()).isEqualTo(sim.counters().messagesSent() - sentBefore);
        sim.runUntil(10_000 * MS);
        assertThat(sim.converged()).isTrue();
        assertThat(sim.violations()).isEmpty();
    }

    @Test
    void slowLinksDelayBeyondTheBoundAndBackupsTakeTheMasterForFailed() {
        // Every message takes more than T (50ms) during the window: every inquiry times out.
        Simulation sim = new Simulation(scenario(Config.DEFAULT_VARIANTS, 6,
                List.of(new Fault.SlowLinks(1_000 * MS, 1_500 * MS, 60 * MS))));
        sim.runUntil(1_600 * MS);
        assertThat(sim.counters().inquiryTimeouts()).isPositive();
        assertThat(sim.runUntilConverged(20_000 * MS)).isTrue();
        assertThat(sim.violations()).isEmpty();
    }

    @Test
    void runUntilConvergedStopsAtTheFirstConvergedStep() {
        Simulation sim = new Simulation(scenario(Config.DEFAULT_VARIANTS, 7,
                List.of(new Fault.Crash(1_000 * MS, "n1"))));
        sim.runUntil(1_000 * MS);
        assertThat(sim.converged()).isFalse();
        assertThat(sim.runUntilConverged(5_000 * MS)).isTrue();
        assertThat(sim.convergedSinceMicros()).isEqualTo(sim.nowMicros());
        assertThat(sim.convergenceAfterLastFaultMicros()).isEqualTo(sim.nowMicros() - 1_000 * MS);
    }

    @Test
    void aFaultInThePastIsRefused() {
        Simulation sim = new Simulation(scenario(Config.DEFAULT_VARIANTS, 8, List.of()));
        sim.runUntil(1_000 * MS);
        assertThatThrownBy(() -> sim.schedule(new Fault.Crash(999 * MS, "n1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScenarioNamingAServerOutsideTheGroupIsRefused() {
        assertThatThrownBy(() -> scenario(Config.DEFAULT_VARIANTS, 1, List.of(new Fault.Crash(0, "n9"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
