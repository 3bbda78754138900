package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.harness.nemesis.ScheduleText;
import io.stagger.harness.nemesis.ScheduledFault;
import io.stagger.harness.nemesis.Windows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's nemesis schedule: drawn with overlapping faults and written into the run directory; replayed with
 * --nemesis-schedule, it gives the same faults on the same nodes in the same order, as both runs' timelines show.
 */
class NemesisScheduleTest {
    private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

    @TempDir
    Path store;

    @Test
    void aDrawnScheduleOverlapsAndItsReplayAppliesTheSameFaults() throws Exception {
        HarnessRun.assumePython();
        String[] common = {"-w", "lin-kv", "--bin", HarnessRun.pythonNode("kv.py"), "--node-count", "5",
                "--time-limit", "4", "--rate", "20", "--timeout", "500"};
        HarnessRun drawn = HarnessRun.run(store.resolve("drawn"), with(common, "--nemesis", "kill,partition,pause",
                "--nemesis-interval", "0.6"));
        assertThat(drawn.exitCode()).as(drawn.output()).isZero();
        Path scheduleFile = drawn.directory().resolve(TestRun.SCHEDULE_FILE);
        List<ScheduledFault> schedule = read(scheduleFile);
        Windows windows = Windows.of(schedule);
        assertThat(windows.overlapping()).as(Files.readString(scheduleFile)).isNotEmpty();
        assertThat(windows.unhealed()).isEmpty();
        List<ScheduledFault> drawnTimeline = read(drawn.directory().resolve(TestRun.TIMELINE_FILE));
        assertThat(untimed(drawnTimeline)).as("every fault applied as drawn").isEqualTo(untimed(schedule));

        HarnessRun replayed = HarnessRun.run(store.resolve("replayed"), with(common, "--nemesis-schedule",
                scheduleFile.toString()));
        assertThat(replayed.exitCode()).as(replayed.output()).isZero();
        assertThat(Files.readString(replayed.directory().resolve(TestRun.SCHEDULE_FILE)))
                .contains("Replayed from " + scheduleFile);
        List<ScheduledFault> replayedTimeline = read(replayed.directory().resolve(TestRun.TIMELINE_FILE));
        assertThat(untimed(replayedTimeline)).isEqualTo(untimed(drawnTimeline));
        for (int i = 0; i < schedule.size(); i++) {
            assertThat(replayedTimeline.get(i).atMillis()).as("each fault at its time, or a little after")
                    .isBetween(schedule.get(i).atMillis(), schedule.get(i).atMillis() + 1500);
        }
        assertThat(replayed.results().path("test").path("nemesisSchedule").asText()).isEqualTo(scheduleFile.toString());
    }

    @Test
    void aMalformedScheduleIsAUsageErrorNamingTheLine() throws Exception {
        Path file = store.resolve("bad-schedule.txt");
        Files.writeString(file, "# two faults\ncrash@1s:n2\npause@2s:n3\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int exit;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            exit = TestCommand.execute(System.out, "--bin", "python3", "--node-count", "3", "--nemesis-schedule",
                    file.toString());
        } finally {
            System.setErr(saved);
        }
        assertThat(exit).isEqualTo(RunOutcome.ERROR);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("stagger test: " + file
                + " line 3, 'pause@2s:n3': expected a window FROM-UNTIL, such as 5s-7s" + System.lineSeparator());
        assertThat(TestCommand.execute(System.out, "--bin", "python3", "--nemesis-schedule",
                store.resolve("missing.txt").toString())).isEqualTo(RunOutcome.ERROR);
    }

    private static String[] with(String[] common, String... more) {
        List<String> all = new ArrayList<>(List.of(common));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<ScheduledFault> read(Path file) throws Exception {
        return ScheduleText.parse(Files.readString(file), file.toString(), NODES, false);
    }

    /** Each fault without its times: what it was and which nodes it hit, in order. */
    private static List<String> untimed(List<ScheduledFault> faults) {
        return faults.stream().map(fault -> ScheduleText.formatFault(fault).replaceAll("@[^:]*", "")).toList();
    }
}
