package io.stagger.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --boot auto}: the first boot of a node id under a harness process starts, later ones restart. */
class BootModeTest {
    @TempDir
    Path markers;

    private static long parentPid() {
        return ProcessHandle.current().parent().orElseThrow().pid();
    }

    @Test
    void theFirstBootUnderAParentStartsAndLaterOnesRestart() {
        assertThat(BootMode.AUTO.isRestart("n1", markers)).isFalse();
        assertThat(BootMode.AUTO.isRestart("n2", markers)).isFalse();
        assertThat(BootMode.AUTO.isRestart("n1", markers)).isTrue();
        assertThat(BootMode.START.isRestart("n1", markers)).isFalse();
        assertThat(BootMode.RESTART.isRestart("n9", markers)).isTrue();
    }

    @Test
    void aMarkerLeftByAnEarlierProcessWithTheSamePidIsNotARestart() throws IOException {
        // pids are reused: a harness that had our parent's pid long ago left its markers behind
        Files.createFile(markers.resolve(parentPid() + "-1-n1"));
        assertThat(BootMode.AUTO.isRestart("n1", markers)).isFalse();
        BootMode.removeMarkersOfGoneProcesses(markers);
        assertThat(markers.resolve(parentPid() + "-1-n1")).as("the stale marker is removed").doesNotExist();
        assertThat(BootMode.AUTO.isRestart("n1", markers)).isTrue();
    }

    @Test
    void theMarkersOfTheLiveParentStay() throws IOException {
        BootMode.AUTO.isRestart("n1", markers);
        String live = BootMode.processKey(parentPid()) + "-n1";
        BootMode.AUTO.isRestart("n2", markers);
        BootMode.removeMarkersOfGoneProcesses(markers);
        assertThat(markers.resolve(live)).exists();
        assertThat(Files.list(markers).count()).isEqualTo(2);
    }

    @Test
    void theParentsKeyNamesTheParentAndAGoneProcessHasNone() throws Exception {
        assertThat(BootMode.parentKey()).isEqualTo(BootMode.processKey(parentPid())).startsWith(parentPid() + "-");
        assertThat(BootMode.processKey(ProcessHandle.current().pid()))
                .isEqualTo(BootMode.processKey(ProcessHandle.current().pid())).isNotNull();
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long pid = gone.pid();
        String whileRunning = BootMode.processKey(pid);
        gone.waitFor();

        assertThat(BootMode.processKey(pid)).as("key of %s, gone (%s while it ran)", pid, whileRunning).isNull();
    }
}
