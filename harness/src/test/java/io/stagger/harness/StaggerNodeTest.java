package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's own node under the harness, with faults: the election converges, and the key-value service the group
 * provides stays linearizable (docs/SERVICE.md). Needs the node jar, which the build makes in impl before this module.
 */
class StaggerNodeTest {
    private static final Path LAUNCHER = Path.of("..", "bin", "stagger-node").toAbsolutePath().normalize();

    @TempDir
    Path store;

    @BeforeAll
    static void nodeIsBuilt() {
        assumeTrue(Files.exists(Path.of("..", "impl", "target", "stagger-node.jar")),
                "impl/target/stagger-node.jar is not built: run the whole build (mvn verify) from the root");
    }

    @Test
    void linKvServedByTheGroupIsLinearizableUnderKillPauseAndPartition() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "lin-kv", "--bin", LAUNCHER.toString(), "--node-count", "3",
                "--time-limit", "10", "--rate", "100", "--nemesis", "kill,pause,partition", "--nemesis-interval", "3");
        // Linearizability is the claim; how many operations succeed depends on how loaded the machine is (the
        // figures under load are in the README), so the other checkers' verdicts are not asserted here.
        assertThat(run.exitCode()).as(run.output()).isNotEqualTo(2);
        assertThat(run.results().path("workload").path("valid?").asBoolean()).as(run.output()).isTrue();
        assertThat(run.results().path("workload").path("keys").size()).as("keys checked").isPositive();
    }

    @Test
    void theElectionConvergesAfterKillsAndPartitions() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "election", "--bin", LAUNCHER.toString(), "--node-count", "3",
                "--time-limit", "8", "--nemesis", "kill,partition", "--nemesis-interval", "2");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("failovers");
    }
}
