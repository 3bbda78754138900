package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.properties.FaultSchedules.Kinds;
import io.stagger.sim.Scenario;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * PROTOCOL.md §6, safety, for every variant set under every fault: after every step a MASTER recognises itself,
 * every revoke sent comes from a stronger rank, a MASTER yields only to a stronger rank, an epoch never goes down
 * within a server's life, and the core's state invariants hold (the simulator checks all of them on every step).
 */
class SafetyProperties {

    @Property
    void safetyHoldsAfterEveryStep(@ForAll("anyVariantsUnderAllFaults") Scenario scenario) {
        Run run = Run.until(scenario, Run.settledEnd(scenario));
        assertThat(run.safe()).as(run::report).isTrue();
    }

    @Provide
    Arbitrary<Scenario> anyVariantsUnderAllFaults() {
        return FaultSchedules.scenarios(Setups.setups(Setups.anyVariants()), Kinds.ALL);
    }
}
