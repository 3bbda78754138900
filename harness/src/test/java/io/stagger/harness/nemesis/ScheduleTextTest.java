package io.stagger.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagger.sim.Scenario;
import io.stagger.sim.ScenarioText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schedule's text: the simulator's fault tokens, read back exactly, and every malformed line named. */
class ScheduleTextTest {
    private static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");

    @Test
    void aScheduleReadsBackAsWritten() {
        for (long seed = 0; seed < 50; seed++) {
            List<ScheduledFault> schedule = ScheduleGenerator.generate(List.of(Fault.values()), 0.7, 20, FIVE, true, seed);
            String text = ScheduleText.format(schedule, List.of("drawn from seed " + seed));
            assertThat(ScheduleText.parse(text, "schedule", FIVE, true)).as(text).isEqualTo(schedule);
        }
    }

    @Test
    void theSimulatorReadsTheSameFaultsFromTheSameTokens() {
        List<Fault> simulated = List.of(Fault.KILL, Fault.PAUSE, Fault.PARTITION, Fault.LOSS, Fault.SLOW);
        for (long seed = 0; seed < 50; seed++) {
            List<ScheduledFault> schedule = ScheduleGenerator.generate(simulated, 0.7, 20, FIVE, false, seed);
            List<String> tokens = schedule.stream().map(ScheduleText::formatFault).toList();
            Scenario scenario = ScenarioText.parse("seed=1 ids=n1,n2,n3,n4,n5 variants=none P=100ms T=50ms B=100ms d=20ms "
                    + "ranks=position faults=" + String.join(";", tokens));
            assertThat(scenario.faults().stream().map(ScenarioText::formatFault).toList()).isEqualTo(tokens);
            assertThat(scenario.faults().get(0).atMicros()).isEqualTo(schedule.get(0).atMillis() * 1000);
        }
    }

    @Test
    void commentsBlankLinesAndSemicolonsAreAllowed() {
        List<ScheduledFault> faults = ScheduleText.parse("# a comment\n\ncrash@1s:n1 ; restart@1500ms:n1  # back\r\n"
                + "partition@2s:master|n1+n2+n3\nheal@2.5s\nloss@3s-4s:0.3;slow@3s-4s:50ms\nclock@100ms-5s:n3\n"
                + "pause@0.25s-1m:n2\n", "s.txt", List.of("n1", "n2", "n3"), true);
        assertThat(faults).containsExactly(
                new ScheduledFault.Clock(100, 5000, "n3"),
                new ScheduledFault.Pause(250, 60_000, "n2"),
                new ScheduledFault.Crash(1000, "n1"),
                new ScheduledFault.Restart(1500, "n1"),
                new ScheduledFault.Partition(2000, List.of(Set.of("master"), Set.of("n1", "n2", "n3"))),
                new ScheduledFault.Heal(2500),
                new ScheduledFault.Loss(3000, 4000, 0.3),
                new ScheduledFault.Slow(3000, 4000, 50));
    }

    @Test
    void aMalformedLineIsNamedWithWhatIsWrong() {
        String[][] cases = {
                {"crash@1s:n1\nmeteor@2s:n1", "s.txt line 2, 'meteor@2s:n1': unknown fault 'meteor'"},
                {"crash@1s:n1\n\n# fine\ncrash@2:n2", "s.txt line 4, 'crash@2:n2': '2' is not a time"},
                {"pause@2s:n1", "expected a window FROM-UNTIL"},
                {"pause@3s-2s:n1", "a window must start at 0 or later and end after it starts"},
                {"crash@1s:n9", "no node n9 in this run (n1, n2, n3)"},
                {"crash@1s:master", "this workload knows no master to target"},
                {"loss@1s-2s:lots", "'lots' is not a probability"},
                {"loss@1s-2s:1.5", "a loss probability is from 0 to 1"},
                {"crash 1s n1", "expected KIND@TIME[:WHAT]"},
                {"crash@1s", "crash needs ':'"},
                {"heal@1s:n1", "heal takes no ':'"},
                {"partition@1s:n1+n2|n2+n3", "a node in two sides"},
                {"partition@1s:n1|", "'' is not a node id"},
        };
        for (String[] row : cases) {
            String expected = row[1].startsWith("s.txt") ? row[1] : "s.txt line 1, '" + row[0] + "': " + row[1];
            assertThatThrownBy(() -> ScheduleText.parse(row[0], "s.txt", List.of("n1", "n2", "n3"), false))
                    .as(row[0]).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(expected);
        }
    }
}
