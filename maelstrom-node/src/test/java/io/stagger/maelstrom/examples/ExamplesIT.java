package io.stagger.maelstrom.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.harness.TestCommand;
import io.stagger.maelstrom.Json;
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
 * Each example, as a process started by its launcher (bin/NAME, after package), passes its workload under the
 * project's harness with partitions, in-process through {@link TestCommand}: runs of a few seconds each.
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

    /** Runs the harness on bin/{@code example}; asserts the run is valid and returns its results.json. */
    private JsonNode run(String example, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--store", store.toString(), "--no-progress", "--seed", "7",
                "--bin", Path.of("bin", example).toAbsolutePath().toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = TestCommand.execute(out, all.toArray(String[]::new));
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("Everything looks good!");
        Path workload = store.resolve(args[1]).resolve("latest").resolve("results.json");
        assertThat(workload).exists();
        JsonNode results = Json.MAPPER.readTree(Files.readString(workload));
        assertThat(results.path("valid?").asBoolean()).isTrue();
        return results;
    }
}
