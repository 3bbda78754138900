package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's own node under the harness, with faults: the election converges, the key-value service the group
 * provides stays linearizable (docs/SERVICE.md), and the conference (docs/CONFERENCE.md) is valid and resumes, while
 * the node's two deliberately broken variants are caught: a doc_write that skips the access check, and a master that
 * replicates nothing, so that the master after a failover serves from its own stale state. Needs the node jar, which
 * the build makes in impl before this module.
 */
class StaggerNodeTest {
        @TempDir
        Path store;

        @TempDir
        Path boots;

        @Test
        void linKvServedByTheGroupIsLinearizableUnderKillPauseAndPartition() throws Exception {
                HarnessRun run = HarnessRun.run(store, "-w", "lin-kv", "--bin", HarnessRun.productNode(), "--node-count", "3",
                                "--time-limit", "10", "--rate", "100", "--nemesis", "kill,pause,partition", "--nemesis-interval", "3",
                                "--node-args", HarnessRun.bootMarkers(boots));
                // Linearizability is the claim; how many operations succeed depends on how loaded the machine is (the
                // figures under load are in the README), so the other checkers' verdicts are not asserted here.
                assertThat(run.exitCode()).as(run.output()).isNotEqualTo(2);
                assertThat(run.results().path("workload").path("valid?").asBoolean()).as(run.output()).isTrue();
                assertThat(run.results().path("workload").path("keys").size()).as("keys checked").isPositive();
        }

        @Test
        void theElectionConvergesAfterKillsAndPartitions() throws Exception {
                HarnessRun run = HarnessRun.run(store, "-w", "election", "--bin", HarnessRun.productNode(), "--node-count", "3",
                                "--time-limit", "8", "--nemesis", "kill,partition", "--nemesis-interval", "2",
                                "--node-args", HarnessRun.bootMarkers(boots));
                assertThat(run.exitCode()).as(run.output()).isZero();
                assertThat(run.output()).contains("failovers");
        }

        @Test
        void theConferenceIsValidAndResumesUnderKillsAndPartitions() throws Exception {
                HarnessRun run = HarnessRun.run(store, "-w", "conference", "--bin", HarnessRun.productNode(), "--node-count",
                                "5", "--time-limit", "15", "--nemesis", "kill,partition", "--nemesis-interval", "3", "--recovery-time",
                                "3", "--node-args", HarnessRun.bootMarkers(boots));
                assertThat(run.exitCode()).as(run.output()).isNotEqualTo(2);
                JsonNode workload = run.results().path("workload");
                assertThat(workload.path("valid?").asBoolean()).as(run.output()).isTrue();
                assertThat(workload.path("resume").path("resumed-after-heal").asBoolean()).isTrue();
                assertThat(workload.path("post-count").asInt()).isPositive();
                assertThat(workload.path("failover-count").asInt()).as("the first kill takes the master").isPositive();
                assertThat(workload.path("doc-write-denied-count").asInt()).as("the outsider is denied").isPositive();
                assertThat(run.output()).contains("resume ms");
        }

        @Test
        void theConferenceCatchesADocWriteThatSkipsTheAccessCheck() throws Exception {
                HarnessRun run = HarnessRun.run(store, "-w", "conference", "--bin", broken("access-check"), "--node-count", "3",
                                "--time-limit", "6", "--recovery-time", "1", "--node-args", HarnessRun.bootMarkers(boots));
                assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
                assertThat(run.reason()).contains("had no access");
        }

        @Test
        void theConferenceCatchesAMasterThatReplicatesNothingOnceItIsKilled() throws Exception {
                HarnessRun run = HarnessRun.run(store, "-w", "conference", "--bin", broken("replication"), "--node-count", "3",
                                "--time-limit", "8", "--nemesis", "kill", "--nemesis-interval", "2", "--recovery-time", "1",
                                "--node-args", HarnessRun.bootMarkers(boots));
                assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
                assertThat(run.reason()).startsWith("workload:");
        }

        /**
         * A launcher of impl's test node, the product's classes deliberately broken as {@code what} says (the shipped
         * node has no such option).
         */
        private String broken(String what) throws Exception {
                HarnessRun.productNode(); // skips the test unless impl is built
                Path impl = Paths.get("..", "impl", "target").toAbsolutePath().normalize();
                Assumptions.assumeTrue(Files.exists(impl.resolve("test-classes/io/stagger/runtime/BrokenNodeMain.class")),
                                "impl's test classes are not built: run the whole build (mvn verify) from the root");
                Path script = boots.resolve("stagger-node-" + what);
                Files.writeString(script, "#!/bin/sh\nexec java -XX:TieredStopAtLevel=1 -cp '" + impl.resolve("test-classes")
                                + ":" + impl.resolve("stagger-node.jar") + "' io.stagger.runtime.BrokenNodeMain --break " + what
                                + " \"$@\"\n");
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                return script.toString();
        }
}
