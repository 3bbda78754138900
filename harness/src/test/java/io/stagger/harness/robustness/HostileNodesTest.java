package io.stagger.harness.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.harness.TestCommand;
import io.stagger.history.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node binaries that are hostile to the harness itself (BadNodesTest covers a missing binary, a node that never
 * answers init, one that prints a line that is not JSON, one that crashes after init, one that floods): each run
 * ends with exit 2 and a reason that names the problem, within seconds, and leaves no process behind - neither a
 * child of the test JVM nor a process the node forked (found by a marker in its command line, since a forked child
 * whose parent died is no longer a descendant of the JVM). The nodes are shell scripts written into a temp dir.
 */
@Timeout(60)
class HostileNodesTest {
    @TempDir
    Path dir;

    private final String marker = "stagger-robustness-" + UUID.randomUUID();

    private record Run(int exitCode, String output, JsonNode results) {
        String reason() {
            return results == null ? "" : results.path("reason").asText("");
        }
    }

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Run run(Path node) throws Exception {
        return run(node, 1500);
    }

    private Run run(Path node, int initTimeoutMillis) throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));
        List<String> args = new ArrayList<>(List.of("--store", store.toString(), "--no-progress", "--seed", "7",
                "-w", "echo", "--bin", node.toString(), "--node-count", "2", "--time-limit", "2", "--rate", "10",
                "--init-timeout", Integer.toString(initTimeoutMillis)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = TestCommand.execute(out, args.toArray(String[]::new));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String output = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        JsonNode results = null;
        try (Stream<Path> workloads = Files.list(store)) {
            for (Path workload : workloads.toList()) {
                Path latest = workload.resolve("latest").resolve("results.json");
                if (Files.exists(latest)) {
                    results = Json.MAPPER.readTree(latest.toFile());
                }
            }
        }
        assertThat(took).as("the run took too long").isLessThan(Duration.ofSeconds(20));
        assertThat(exit).as(output).isEqualTo(2);
        assertNothingLeft();
        return new Run(exit, output, results);
    }

    /** No live descendant of this JVM, and no process anywhere that carries this test's marker. */
    private void assertNothingLeft() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<String> left;
        do {
            left = new ArrayList<>();
            for (ProcessHandle p : ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()) {
                left.add("descendant " + p.pid() + " " + p.info().commandLine().orElse("?"));
            }
            left.addAll(processesWithMarker());
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        killMarked();
        assertThat(left).as("processes left behind").isEmpty();
    }

    private List<String> processesWithMarker() {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.toList()) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmdline.contains(marker) && !name.equals(Long.toString(ProcessHandle.current().pid()))) {
                        found.add("pid " + name + ": " + cmdline.strip());
                    }
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    /** Cleans up after a failing check, so that a failure here does not leave sleepers on a shared machine. */
    private void killMarked() {
        for (String p : processesWithMarker()) {
            long pid = Long.parseLong(p.substring(4, p.indexOf(':')));
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aBinaryThatIsNotExecutable() throws Exception {
        Path node = script("not-executable", "exit 0");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rw-r--r--"));
        Run run = run(node);
        assertThat(run.reason() + run.output()).contains("could not start n").contains(node.toString());
    }

    @Test
    void aNodeThatExitsAtOnce() throws Exception {
        Run run = run(script("exits", "echo 'leaving before init' >&2\nexit 5"));
        assertThat(run.reason()).containsAnyOf("exited with status 5", "status 5");
    }

    @Test
    void aNodeThatWritesALineOf100Megabytes() throws Exception {
        // Reads init, then writes 100 MB without a newline, then a newline, then waits.
        Run run = run(script("long-line", "read -r init\nhead -c 104857600 /dev/zero | tr '\\0' x\necho\n"
                + "exec -a " + marker + " sleep 300"), 8000);
        assertThat(run.reason()).contains("printed a line longer than");
        assertThat(run.output()).contains("Errors occurred");
    }

    @Test
    void aNodeThatIgnoresSigterm() throws Exception {
        Run run = run(script("ignores-term", "trap '' TERM INT HUP\nwhile read -r line; do :; done\n"
                + "exec -a " + marker + " sleep 300"));
        assertThat(run.reason()).contains("did not answer init within 1500 ms");
    }

    @Test
    void aNodeThatForksChildrenAndNeverAnswers() throws Exception {
        Run run = run(script("forks", "(exec -a " + marker + " sleep 300) &\n"
                + "(bash -c \"(exec -a " + marker + " sleep 300) & wait\") &\n"
                + "while read -r line; do :; done\nwait"));
        assertThat(run.reason()).contains("did not answer init within 1500 ms");
    }

    @Test
    // Once the node has exited its child is no longer in its process tree; the harness runs every node in a session
    // of its own (setsid) and kills the whole process group.
    void aNodeThatForksADaemonAndExits() throws Exception {
        // The child outlives its parent: once the node has exited it is no longer in the node's process tree.
        Run run = run(script("forks-and-exits", "(exec -a " + marker + " sleep 300) &\ndisown\nexit 4"));
        assertThat(run.reason()).containsAnyOf("exited with status 4", "did not answer init");
    }
}
