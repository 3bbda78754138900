package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.sim.Scenario;
import io.stagger.sim.ScenarioText;
import io.stagger.sim.ServiceSimulation;
import io.stagger.sim.Workload;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Replays a failed service run: {@code -Dstagger.service.replay='<replay line>'} and
 * {@code -Dstagger.service.workload=INTERVAL_MICROS,KEYS,MAJORITY_RULE} as printed in the report (by default the
 * properties' workload for that scenario); {@code -Dstagger.until=MICROS} sets the end. Prints the election's
 * timeline and the report, and checks that replays give the same history (recording the timeline changes nothing).
 * Skipped without a replay line.
 */
class ServiceReplayTest {

    @Test
    void replaysTheGivenServiceRun() {
        String line = System.getProperty("stagger.service.replay");
        Assumptions.assumeTrue(line != null && !line.isBlank(), "no -Dstagger.service.replay given");
        Scenario scenario = ScenarioText.parse(line);
        String[] w = System.getProperty("stagger.service.workload", "").split(",");
        Workload workload = w.length == 3
                ? new Workload(Long.parseLong(w[0].trim()), Integer.parseInt(w[1].trim()), Boolean.parseBoolean(w[2].trim()))
                : ServiceRun.workloadFor(scenario, true);
        long until = Long.getLong("stagger.until", ServiceRun.settledEnd(scenario));
        ServiceSimulation withTimeline = new ServiceSimulation(scenario, workload);
        withTimeline.simulation().recordTimeline();
        withTimeline.runUntil(until);
        System.out.println(withTimeline.simulation().timeline().render());
        ServiceRun first = ServiceRun.until(scenario, workload, until);
        ServiceRun second = ServiceRun.until(scenario, workload, until);
        System.out.println(first.report());
        assertThat(withTimeline.history()).isEqualTo(first.sim().history());
        assertThat(first.sim().history()).isEqualTo(second.sim().history());
    }
}
