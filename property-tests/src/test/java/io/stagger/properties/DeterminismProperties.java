package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.properties.FaultSchedules.Kinds;
import io.stagger.sim.Scenario;
import io.stagger.sim.ScenarioText;
import io.stagger.sim.Simulation;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** One seed fixes the whole run: the same scenario, and the same scenario read back from its replay line, give the same timeline. */
class DeterminismProperties {

    @Property(tries = 30)
    void theSameSeedGivesTheSameTimeline(@ForAll("anyVariantsUnderAllFaults") Scenario scenario) {
        long until = Run.settledEnd(scenario);
        Simulation first = new Simulation(scenario).recordTimeline();
        Simulation replayed = new Simulation(ScenarioText.parse(scenario.toString())).recordTimeline();
        first.runUntil(until);
        replayed.runUntil(until);
        assertThat(replayed.timeline().lines()).isEqualTo(first.timeline().lines());
        assertThat(replayed.counters().toString()).isEqualTo(first.counters().toString());
    }

    @Provide
    Arbitrary<Scenario> anyVariantsUnderAllFaults() {
        return FaultSchedules.scenarios(Setups.setups(Setups.anyVariants()), Kinds.ALL);
    }
}
