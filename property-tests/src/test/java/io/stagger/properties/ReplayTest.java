package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.sim.Scenario;
import io.stagger.sim.ScenarioText;
import io.stagger.sim.Simulation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Replays the scenario given as {@code -Dstagger.replay='<the replay line of a failure>'} and prints its timeline;
 * skipped without it. Also checks that the replay is the same run twice over.
 */
class ReplayTest {

    @Test
    void replaysTheGivenScenario() {
        String line = System.getProperty("stagger.replay");
        Assumptions.assumeTrue(line != null && !line.isBlank(), "no -Dstagger.replay given");
        Scenario scenario = ScenarioText.parse(line);
        long until = Long.getLong("stagger.until", Run.settledEnd(scenario));
        Simulation first = new Simulation(scenario).recordTimeline();
        Simulation second = new Simulation(scenario).recordTimeline();
        first.runUntil(until);
        second.runUntil(until);
        System.out.println(first.timeline().render());
        System.out.println("masters=" + first.masters() + " live=" + first.liveIds() + " converged since "
                + first.convergedSinceMicros() + "us; " + first.counters() + "; violations " + first.violations());
        assertThat(first.timeline().lines()).isEqualTo(second.timeline().lines());
    }
}
