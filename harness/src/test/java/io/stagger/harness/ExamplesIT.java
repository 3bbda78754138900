package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each example of the maelstrom-node library, as a process started by its launcher (maelstrom-node/bin/NAME, after
 * the library's package), passes its workload under the harness with partitions, in-process through
 * {@link TestCommand}: runs of a few seconds each.
 */
class ExamplesIT {
    @TempDir
    Path store;

    @Test
    void echoAnswersEveryEcho() throws Exception {
        JsonNode results = run("echo", "-w", "echo", "--node-count", "2", "--time-limit", "2", "--rate", "50",
                "--nemesis", "partition", "--nemesis-interval", "0.5", "--availability", "total");
        assertThat(results.path("workload").path("ok-count").asInt()).isGreaterThan(50);
    }

    @Test
    void uniqueIdsStayUniqueAcrossPartitionsAndRestarts() throws Exception {
        JsonNode results = run("unique-ids", "-w", "unique-ids", "--node-count", "3", "--time-limit", "4", "--rate",
                "100", "--nemesis", "partition,kill", "--nemesis-interval", "0.7");
        assertThat(results.path("workload").path("acknowledged-count").asInt()).isGreaterThan(100);
        assertThat(results.path("nodes").path("restart-init-ms").size()).isPositive();
    }

    @Test
    void broadcastReachesEveryNodeAfterPartitionsHeal() throws Exception {
        JsonNode results = run("broadcast", "-w", "broadcast", "--node-count", "5", "--time-limit", "4", "--rate",
                "30", "--topology", "line", "--nemesis", "partition", "--nemesis-interval", "0.7", "--recovery-time",
                "1", "--latency", "5", "--latency-dist", "uniform");
        assertThat(results.path("workload").path("final-read-count").asInt()).isEqualTo(5);
        assertThat(results.path("workload").path("acknowledged-count").asInt()).isGreaterThan(30);
        assertThat(results.path("net").path("servers").path("dropped-count").asLong())
                .as("the partitions dropped gossip, so the retries carried it").isPositive();
    }

    @Test
    void gCounterOnSeqKvSumsEveryAdd() throws Exception {
        JsonNode results = run("g-counter", "-w", "g-counter", "--node-count", "3", "--time-limit", "3", "--rate",
                "50", "--nemesis", "partition,kill", "--nemesis-interval", "0.7", "--recovery-time", "1",
                "--timeout", "1000");
        assertThat(results.path("workload").path("lower-bound").asLong()).isPositive();
        assertThat(results.path("nodes").path("restart-init-ms").size()).isPositive();
    }

    @Test
    void linKvProxyIsLinearizable() throws Exception {
        JsonNode results = run("lin-kv-proxy", "-w", "lin-kv", "--node-count", "3", "--time-limit", "3", "--rate",
                "60", "--key-count", "2", "--latency", "3", "--latency-dist", "uniform", "--nemesis", "partition,kill",
                "--nemesis-interval", "0.7", "--timeout", "1000");
        assertThat(results.path("workload").path("keys").size()).isEqualTo(2);
        assertThat(results.path("nodes").path("restart-init-ms").size()).isPositive();
    }

    /** Runs the harness on maelstrom-node/bin/{@code example}; asserts the run is valid and returns its results.json. */
    private JsonNode run(String example, String... args) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.exists(Paths.get("..", "maelstrom-node", "target", "stagger-maelstrom-examples.jar")),
                "maelstrom-node/target/stagger-maelstrom-examples.jar is not built: run the whole build from the root");
        List<String> all = new ArrayList<>(List.of("--bin",
                Paths.get("..", "maelstrom-node", "bin", example).toAbsolutePath().normalize().toString()));
        all.addAll(List.of(args));
        HarnessRun run = HarnessRun.run(store, all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Everything looks good!");
        assertThat(run.results().path("valid?").asBoolean()).isTrue();
        return run.results();
    }
}
