package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * txn-list-append and txn-rw-register with the test node txn.py: the correct node (every transaction applied
 * whole by n1) is strict-serializable in both workloads; each broken one is caught with its anomaly named.
 */
class TxnNodesTest {
    @TempDir
    Path store;

    @BeforeAll
    static void python() {
        HarnessRun.assumePython();
    }

    private HarnessRun run(String workload, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("-w", workload, "--bin", HarnessRun.pythonNode("txn.py"),
                "--node-count", "3", "--time-limit", "3", "--rate", "100"));
        args.addAll(List.of(more));
        return HarnessRun.run(store, args.toArray(String[]::new));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        node.elements().forEachRemaining(e -> {
            if (e.isTextual()) {
                names.add(e.asText());
            }
        });
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"txn-list-append", "txn-rw-register"})
    void theCorrectNodeIsStrictSerializable(String workload) throws Exception {
        HarnessRun run = run(workload);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode checked = run.results().path("workload");
        assertThat(checked.path("committed-count").asInt()).isGreaterThan(100);
        assertThat(checked.path("anomaly-types").size()).isZero();
        assertThat(names(checked.path("consistency-models"))).containsExactly("strict-serializable");
    }

    @Test
    void aNodeAnsweringFromItsOwnStaleCopyBreaksOnlyRealTimeAndSessionOrder() throws Exception {
        HarnessRun run = run("txn-list-append", "--", "--stale");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        JsonNode checked = run.results().path("workload");
        assertThat(names(checked.path("anomaly-types")))
                .anyMatch(type -> type.startsWith("G-single-") || type.equals("lost-append"));
        assertThat(names(checked.path("ruled-out"))).containsExactly("strict-serializable");
        assertThat(run.reason()).contains("forbidden by strict-serializable");
        try (var plots = Files.list(run.directory().resolve("txn-anomalies"))) {
            assertThat(plots.map(p -> p.getFileName().toString())).isNotEmpty().allMatch(n -> n.endsWith(".svg"));
        }
    }

    @Test
    void aNodeWithoutIsolationBreaksSerializability() throws Exception {
        HarnessRun run = run("txn-rw-register", "--concurrency", "6", "--key-count", "2", "--", "--no-isolation");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        JsonNode checked = run.results().path("workload");
        assertThat(names(checked.path("anomaly-types")))
                .containsAnyOf("G0", "G1c", "G-single", "G2-item", "lost-update");
        assertThat(names(checked.path("ruled-out"))).contains("serializable");
    }

    @Test
    void aNodeThatKeepsTheWritesOfAbortedTransactionsShowsG1a() throws Exception {
        HarnessRun run = run("txn-list-append", "--", "--dirty-abort");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.results().path("workload").path("aborted-count").asInt()).isPositive();
        assertThat(names(run.results().path("workload").path("anomaly-types"))).containsExactly("G1a");
        assertThat(run.reason()).startsWith("workload: G1a (forbidden by strict-serializable): ");
    }

    @Test
    void aNodeWhoseReadsIgnoreTheirOwnTransactionsWritesIsInternallyInconsistent() throws Exception {
        HarnessRun run = run("txn-rw-register", "--consistency-models", "read-committed,snapshot-isolation");
        assertThat(run.exitCode()).as(run.output()).isZero();
        HarnessRun broken = run("txn-rw-register", "--consistency-models", "read-committed,snapshot-isolation", "--",
                "--internal");
        assertThat(broken.exitCode()).as(broken.output()).isEqualTo(1);
        assertThat(names(broken.results().path("workload").path("anomaly-types"))).containsExactly("internal");
        assertThat(broken.reason()).startsWith("workload: internal (forbidden by snapshot-isolation): ");
    }
}
