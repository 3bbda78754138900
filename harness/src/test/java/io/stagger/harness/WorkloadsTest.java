package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every workload end to end with the project's own small correct nodes: each run is valid, with faults too. */
class WorkloadsTest {
    @TempDir
    Path store;

    @BeforeAll
    static void python() {
        HarnessRun.assumePython();
    }

    @Test
    void echoIsValidAndWritesTheWholeResultsLayout() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "echo", "--bin", HarnessRun.pythonNode("echo.py"),
                "--node-count", "3", "--time-limit", "2", "--rate", "20", "--latency", "2", "--latency-dist", "exponential");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Everything looks good! ヽ(‘ー`)ノ");
        for (String file : new String[] {"results.json", "history.jsonl", "messages.jsonl", "harness.log", "latency.svg",
                "rate.svg", "messages.svg", "node-logs/n1.log"}) {
            assertThat(Files.exists(run.directory().resolve(file))).as(file).isTrue();
        }
        assertThat(run.results().path("workload").path("ok-count").asInt()).isGreaterThan(10);
        assertThat(run.results().path("nodes").path("init-ms").path("n3").asDouble()).isPositive();
        assertThat(run.results().path("net").path("all").path("recv-count").asLong()).isPositive();
    }

    @Test
    void uniqueIdsAreUniqueUnderPartitions() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "unique-ids", "--bin", HarnessRun.pythonNode("unique_ids.py"),
                "--node-count", "3", "--time-limit", "3", "--rate", "50", "--nemesis", "partition", "--nemesis-interval", "1",
                "--availability", "total");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.results().path("workload").path("acknowledged-count").asInt()).isGreaterThan(50);
    }

    @Test
    void broadcastReachesEveryNodeAfterPartitionsHeal() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "broadcast", "--bin", HarnessRun.pythonNode("broadcast.py"),
                "--node-count", "5", "--time-limit", "3", "--rate", "30", "--topology", "line", "--nemesis", "partition",
                "--nemesis-interval", "1", "--recovery-time", "1", "--latency", "5", "--latency-dist", "uniform");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.results().path("workload").path("final-read-count").asInt()).isEqualTo(5);
        assertThat(run.results().path("workload").path("acknowledged-count").asInt()).isPositive();
    }

    @Test
    void broadcastSurvivesMessageLossAndASlowClock() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "broadcast", "--bin", HarnessRun.pythonNode("broadcast.py"),
                "--node-count", "3", "--time-limit", "3", "--rate", "30", "--topology", "total", "--nemesis", "loss,clock",
                "--nemesis-interval", "0.7", "--recovery-time", "1", "--timeout", "1000");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.results().path("net").path("servers").path("dropped-count").asLong()).isPositive();
    }

    @Test
    void gSetConvergesAfterPartitionsAndReportsStableLatencies() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "g-set", "--bin", HarnessRun.pythonNode("g_set.py"),
                "--node-count", "3", "--time-limit", "3", "--rate", "40", "--nemesis", "partition", "--nemesis-interval", "1",
                "--recovery-time", "1");
        assertThat(run.exitCode()).as(run.output()).isZero();
        var workload = run.results().path("workload");
        assertThat(workload.path("final-read-count").asInt()).isEqualTo(3);
        assertThat(workload.path("lost-count").asInt()).isZero();
        assertThat(workload.path("stable-count").asInt()).isEqualTo(workload.path("acknowledged-count").asInt())
                .isPositive();
        assertThat(workload.path("stable-latencies").path("1").asLong())
                .as("partitions hold some elements back for a while").isPositive();
        assertThat(run.output()).contains("stable ms");
        assertThat(java.nio.file.Files.exists(run.directory().resolve("stable-latency.svg"))).isTrue();
    }

    @Test
    void gCounterOnTheSeqKvServiceSumsEveryAdd() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "g-counter", "--bin", HarnessRun.pythonNode("g_counter.py"),
                "--node-count", "3", "--time-limit", "3", "--rate", "30", "--recovery-time", "1", "--nemesis", "pause",
                "--nemesis-interval", "1", "--timeout", "1000");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.results().path("workload").path("lower-bound").asLong()).isPositive();
    }

    @Test
    void pnCounterCrdtConvergesAfterPartitionsWithinMaelstromsBounds() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "pn-counter", "--bin", HarnessRun.pythonNode("pn_counter.py"),
                "--node-count", "3", "--time-limit", "3", "--rate", "40", "--nemesis", "partition", "--nemesis-interval", "1",
                "--recovery-time", "1");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.results().path("workload").path("final-reads").size()).isEqualTo(3);
        assertThat(run.results().path("workload").path("read-count").asInt()).isPositive();
        assertThat(run.output()).contains("counter       final reads");
        assertThat(java.nio.file.Files.exists(run.directory().resolve("counter.svg"))).isTrue();
    }

    @Test
    void kafkaWithOneLeaderHasNoAnomaliesUnderPartitions() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "kafka", "--bin", HarnessRun.pythonNode("kafka.py"),
                "--node-count", "3", "--time-limit", "4", "--rate", "60", "--nemesis", "partition", "--nemesis-interval", "1",
                "--recovery-time", "1", "--timeout", "500", "--key-count", "3", "--max-writes-per-key", "8");
        assertThat(run.exitCode()).as(run.output()).isZero();
        var workload = run.results().path("workload");
        assertThat(workload.path("send-count").asInt()).isPositive();
        assertThat(workload.path("key-count").asInt()).as("keys retired after 8 sends").isGreaterThan(3);
        assertThat(run.output()).contains("kafka         ");
        assertThat(java.nio.file.Files.exists(run.directory().resolve("offsets.svg"))).isTrue();
    }

    @Test
    void linKvByProxyToTheLinKvServiceIsLinearizable() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "lin-kv", "--bin", HarnessRun.pythonNode("kv.py"),
                "--node-count", "3", "--time-limit", "3", "--rate", "60", "--key-count", "2", "--latency", "3",
                "--latency-dist", "uniform", "--nemesis", "kill", "--nemesis-interval", "1", "--timeout", "1000");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.results().path("workload").path("keys").size()).isEqualTo(2);
    }

    @Test
    void electionConvergesAfterKillsAndPartitionsAndReportsFailovers() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "election", "--bin", HarnessRun.pythonNode("election.py"),
                "--node-count", "3", "--time-limit", "4", "--nemesis", "kill,partition", "--nemesis-interval", "1",
                "--recovery-time", "1");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.results().path("workload").path("master").asText()).isEqualTo("n1");
        assertThat(run.results().path("workload").has("failover-ms")).isTrue();
        assertThat(run.output()).contains("failovers");
    }
}
