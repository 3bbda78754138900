package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Role;
import io.stagger.sim.Scenario;
import io.stagger.sim.ScenarioText;
import io.stagger.sim.Simulation;
import net.jqwik.api.Example;

/**
 * A paused process (a long GC pause, SIGSTOP) is the case revocation exists for: the master stops, the backups
 * detect it and elect another, and the old master wakes up still MASTER, with every message and timer that came due
 * while it slept. Two MASTERs then coexist until the declarations and revocations that follow settle it.
 */
class PauseExamples {
    /** n1 is the strongest and the master; it sleeps from 100 ms to 600 ms, far beyond P + T + E. */
    private static final String MASTER_PAUSED = "seed=7 ids=n1,n2,n3 variants=epochs,redirect P=20ms T=5ms B=5ms"
            + " d=1ms ranks=position faults=pause@100ms-600ms:n1";

    @Example
    void aPausedMasterWakesUpStillMasterBesideTheNewOneAndTheGroupSettlesOnOne() {
        Scenario scenario = ScenarioText.parse(MASTER_PAUSED);
        Simulation sim = new Simulation(scenario);
        sim.runUntil(99_000);
        assertThat(sim.masters()).containsExactly("n1");

        sim.runUntil(599_000); // n1 is asleep: the others have detected it and elected n2, the next strongest
        assertThat(sim.server("n1").role()).isEqualTo(Role.MASTER);
        assertThat(sim.server("n2").role()).isEqualTo(Role.MASTER);
        assertThat(sim.server("n3").master()).isEqualTo("n2");
        long revokesBefore = sim.counters().revokesSent();

        long end = Run.settledEnd(scenario);
        sim.runUntil(end);
        assertThat(sim.violations()).isEmpty();
        assertThat(sim.converged()).as("converged after the pause").isTrue();
        assertThat(sim.masters()).as("one master, the strongest").containsExactly("n1");
        assertThat(sim.counters().revokesSent()).as("n1 revoked n2's mastership").isGreaterThan(revokesBefore);
    }

    @Example
    void aPausedBackupWakesUpAndChangesNothing() {
        Scenario scenario = ScenarioText.parse(MASTER_PAUSED.replace("pause@100ms-600ms:n1", "pause@100ms-600ms:n3"));
        Simulation sim = new Simulation(scenario);
        sim.runUntil(Run.settledEnd(scenario));
        assertThat(sim.violations()).isEmpty();
        assertThat(sim.counters().electionsWon()).as("no election: only a backup slept").isZero();
        assertThat(sim.masters()).containsExactly("n1");
        assertThat(sim.converged()).isTrue();
    }

    @Example
    void aPauseReadsAndWritesAsScenarioText() {
        Scenario scenario = ScenarioText.parse(MASTER_PAUSED);
        assertThat(ScenarioText.parse(scenario.toString())).isEqualTo(scenario);
        assertThat(scenario.toString()).contains("pause@100ms-600ms:n1");
        assertThat(scenario.lastFaultMicros()).isEqualTo(600_000);
    }
}
