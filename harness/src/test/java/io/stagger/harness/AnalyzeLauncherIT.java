package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher `bin/stagger analyze` as a process: the first run after a build (which dumps the class-data archive
 * after it) answers and exits as every later one does, and help still comes from picocli.
 */
class AnalyzeLauncherIT {
    private static final Path LAUNCHER = Paths.get("..", "bin", "stagger").toAbsolutePath().normalize();
    private static final Path ARCHIVE = Paths.get("target", "analyze.jsa").toAbsolutePath();
    private static final Path HISTORIES = Paths.get("src", "test", "resources", "histories").toAbsolutePath();

    record Outcome(int exit, String out) {}

    private static Outcome run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "analyze"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.waitFor(), out);
    }

    @Test
    void theFirstRunAfterABuildDumpsTheArchiveAndAnswersAsEveryLaterRun(@TempDir Path store) throws Exception {
        Files.deleteIfExists(ARCHIVE);
        String invalid = HISTORIES.resolve("kv-invalid.edn").toString();

        Outcome first = run("--history", invalid, "--model", "kv", "--store", store.toString());
        assertThat(ARCHIVE).exists();
        Outcome later = run("--history", invalid, "--model", "kv", "--store", store.toString());

        assertThat(first.exit()).isEqualTo(RunOutcome.INVALID);
        assertThat(later.exit()).isEqualTo(RunOutcome.INVALID);
        assertThat(first.out()).contains("key 0 is not linearizable");
        assertThat(later.out()).contains("key 0 is not linearizable");
    }

    @Test
    void helpAndABadOptionAreStillPicocli() throws Exception {
        Outcome help = run("--help");
        Outcome bad = run("--history");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--history=FILE", "--consistency-models=MODELS", "--store=DIR");
        assertThat(bad.exit()).isEqualTo(RunOutcome.ERROR);
        assertThat(bad.out()).startsWith("stagger analyze: Missing required parameter for option '--history'");
    }
}
