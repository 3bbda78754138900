package io.stagger.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Hand-written sessions piped into a node, with golden replies: {@code src/test/resources/sessions/NAME.in.jsonl}
 * is stdin, {@code NAME.args} the command line, {@code NAME.out.jsonl} the stdout that PROTOCOL.md says. Each
 * session keeps its timers long enough that only the steps the session asks for happen, so the output is exact.
 * The same files run through {@code bin/stagger-node} in {@code StaggerNodeProcessIT}.
 */
class SessionTest {
    static final Path SESSIONS = Path.of("src/test/resources/sessions");

    static Stream<String> sessions() throws IOException {
        try (Stream<Path> files = Files.list(SESSIONS)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".in.jsonl"))
                    .map(n -> n.substring(0, n.length() - ".in.jsonl".length()))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void repliesAsTheProtocolSays(String name) throws IOException {
        String[] args = Files.readString(SESSIONS.resolve(name + ".args")).strip().split("\\s+");
        NodeMain main = new NodeMain();
        new CommandLine(main).parseArgs(args);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        byte[] stdin = Files.readAllBytes(SESSIONS.resolve(name + ".in.jsonl"));

        int exit = new MaelstromNode(main.options(), stdout, new PrintStream(stderr, true, StandardCharsets.UTF_8))
                .run(new ByteArrayInputStream(stdin));

        assertThat(exit).isZero();
        List<String> expected = Files.readAllLines(SESSIONS.resolve(name + ".out.jsonl"));
        assertThat(stdout.toString(StandardCharsets.UTF_8).lines().toList()).containsExactlyElementsOf(expected);
        String log = stderr.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("Exception").doesNotContain("\tat ").contains("input closed: stopping");
    }
}
