package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Config;
import io.stagger.sim.Fault;
import io.stagger.sim.Scenario;
import io.stagger.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures the simulator: five servers with the product's defaults (P = 100ms) and a crash and restart every ten
 * virtual seconds, run for {@value #VIRTUAL_SECONDS} virtual seconds; prints virtual seconds and events per wall
 * second.
 */
class SimulatorSpeedTest {
    private static final long VIRTUAL_SECONDS = 10_000;
    private static final long SECOND = 1_000_000;

    @Test
    void runsThousandsOfVirtualSecondsPerWallSecond() {
        List<String> ids = List.of("n1", "n2", "n3", "n4", "n5");
        List<Fault> faults = new ArrayList<>();
        for (long t = 10; t < VIRTUAL_SECONDS; t += 10) {
            String id = ids.get((int) (t / 10 % ids.size()));
            faults.add(new Fault.Crash(t * SECOND, id));
            faults.add(new Fault.Restart(t * SECOND + 3 * SECOND, id));
        }
        Simulation warmUp = new Simulation(new Scenario(ids, Config.defaults(), 2, faults));
        warmUp.runUntil(VIRTUAL_SECONDS * SECOND / 4);
        Simulation sim = new Simulation(new Scenario(ids, Config.defaults(), 1, faults));
        long startNanos = System.nanoTime();
        sim.runUntil(VIRTUAL_SECONDS * SECOND);
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(Locale.ROOT, "simulator: %d virtual s in %.2f wall s = %.0f virtual s per wall s, "
                        + "%d events = %.0f events per wall s (%s)%n", VIRTUAL_SECONDS, wallSeconds,
                VIRTUAL_SECONDS / wallSeconds, sim.counters().eventsProcessed(),
                sim.counters().eventsProcessed() / wallSeconds, sim.counters());
        assertThat(sim.violations()).isEmpty();
        assertThat(sim.counters().electionsWon()).isPositive();
    }
}
