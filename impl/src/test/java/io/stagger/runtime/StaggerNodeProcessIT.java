package io.stagger.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written sessions of {@link SessionTest}, piped through the real launcher {@code bin/stagger-node}. */
class StaggerNodeProcessIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "stagger-node").toAbsolutePath().normalize();

    static java.util.stream.Stream<String> sessions() throws IOException {
        return SessionTest.sessions();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void theLauncherGivesTheGoldenReplies(String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(Files.readString(SessionTest.SESSIONS.resolve(name + ".args")).strip().split("\\s+")));
        Path stderr = Files.createTempFile("stagger-node", ".err");
        // From another working directory: the launcher must find its jar wherever it is started.
        Process node = new ProcessBuilder(command)
                .directory(new File(System.getProperty("java.io.tmpdir")))
                .redirectInput(SessionTest.SESSIONS.resolve(name + ".in.jsonl").toFile())
                .redirectError(stderr.toFile())
                .start();
        String stdout = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isZero();
        assertThat(stdout.lines().toList())
                .containsExactlyElementsOf(Files.readAllLines(SessionTest.SESSIONS.resolve(name + ".out.jsonl")));
        assertThat(Files.readString(stderr)).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpListsEveryOption() throws Exception {
        Process node = new ProcessBuilder(LAUNCHER.toString(), "--help").redirectErrorStream(true).start();
        String help = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(help).contains("--variants", "--P", "--T", "--B", "--D", "--delay-matrix", "--rank-rule",
                "--capability", "--boot");
    }

    @Test
    void aBadOptionIsAClearErrorNotAStackTrace() throws Exception {
        Process node = new ProcessBuilder(LAUNCHER.toString(), "--P", "100").redirectErrorStream(true).start();
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isEqualTo(2);
        assertThat(output).contains("'100' is not a duration").doesNotContain("\tat ");
    }
}
