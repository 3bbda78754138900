package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * msgs-per-op and stable latencies against a broadcast node whose figures are known (fanout.py): each broadcast
 * costs exactly n - 1 server messages, and with a constant latency L and a forwarding delay D a value is acknowledged
 * at about 2L after its broadcast began and reaches the last node's reads begun up to L + D after it, so its stable
 * latency is at most D - L (less by the gap to the read before).
 */
class FiguresTest {
    private static final int NODES = 5;
    private static final long LATENCY_MS = 20;
    private static final long DELAY_MS = 300;

    @TempDir
    Path store;

    @BeforeAll
    static void python() {
        HarnessRun.assumePython();
    }

    @Test
    void aNodeThatForwardsEachValueOnceAfterADelayHasKnownMsgsPerOpAndStableLatencies() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "broadcast", "--bin", HarnessRun.pythonNode("fanout.py"),
                "--node-count", String.valueOf(NODES), "--time-limit", "3", "--rate", "100", "--latency",
                String.valueOf(LATENCY_MS), "--recovery-time", "1", "--", "--delay", String.valueOf(DELAY_MS));
        assertThat(run.exitCode()).as(run.output()).isZero();
        long broadcasts = run.results().path("stats").path("by-f").path("broadcast").path("count").asLong();
        long ops = run.results().path("stats").path("count").asLong();
        JsonNode perOp = run.results().path("net").path("msgs-per-op");
        assertThat(perOp.path("op-count").asLong()).isEqualTo(ops);
        assertThat(perOp.path("server-msg-count").asLong()).isEqualTo((NODES - 1) * broadcasts);
        assertThat(perOp.path("servers").asDouble())
                .isCloseTo((double) (NODES - 1) * broadcasts / ops, org.assertj.core.data.Offset.offset(1e-4));
        JsonNode stable = run.results().path("workload").path("stable-latencies");
        long bound = DELAY_MS - LATENCY_MS;
        assertThat(stable.path("1").asLong()).as("max").isBetween(bound - 40, bound + 30);
        assertThat(stable.path("0.5").asLong()).as("median").isBetween(bound - 120, bound + 30);
        assertThat(run.output()).contains("msgs-per-op   " + perOp.path("servers").asText()).contains("stable ms");
    }
}
