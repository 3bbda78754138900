package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes that break the protocol itself end the run with an error (exit 2) that names the node and what it did, and
 * never hang the run; no child process outlives it.
 */
class BadNodesTest {
    @TempDir
    Path store;

    @BeforeAll
    static void python() {
        HarnessRun.assumePython();
    }

    private HarnessRun misbehave(String mode, String... more) throws Exception {
        String[] args = {"-w", "echo", "--bin", HarnessRun.pythonNode("misbehave.py"), "--node-args", mode,
                "--node-count", "2", "--time-limit", "3", "--rate", "10", "--init-timeout", "1500"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        long started = System.nanoTime();
        HarnessRun run = HarnessRun.run(store, all);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("Errors occurred");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count()).isZero();
        return run;
    }

    @Test
    void aNodeThatNeverAnswersInit() throws Exception {
        assertThat(misbehave("--mute-init").reason()).contains("did not answer init within 1500 ms");
    }

    @Test
    void aNodeThatPrintsALineThatIsNotJson() throws Exception {
        assertThat(misbehave("--not-json").reason()).contains("printed a line that is not a Maelstrom message")
                .contains("hello, I am not JSON");
    }

    @Test
    void aNodeThatCrashes() throws Exception {
        assertThat(misbehave("--crash").reason()).contains("exited with status 3").contains("crashing on purpose");
    }

    @Test
    void aNodeThatFloodsTheNetwork() throws Exception {
        assertThat(misbehave("--flood").reason()).contains("floods the network");
    }

    @Test
    void aBinaryThatDoesNotExist() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "echo", "--bin", "/nonexistent/node", "--time-limit", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.reason()).contains("could not start n").contains("/nonexistent/node");
    }
}
