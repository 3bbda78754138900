package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes that are wrong are caught: each run ends invalid (exit 1) with the reason in the results. */
class BrokenNodesTest {
    @TempDir
    Path store;

    @BeforeAll
    static void python() {
        HarnessRun.assumePython();
    }

    @Test
    void aLinKvNodeThatServesStaleReadsIsNotLinearizable() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "lin-kv", "--bin", HarnessRun.pythonNode("kv.py"), "--node-args",
                "--stale", "--node-count", "3", "--time-limit", "3", "--rate", "60", "--key-count", "1");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.reason()).contains("workload: key 0 is not linearizable");
        assertThat(run.output()).contains("Analysis invalid! (ﾉಥ益ಥ）ﾉ ┻━┻");
    }

    @Test
    void aBroadcastNodeThatDropsValuesLosesAcknowledgedBroadcasts() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "broadcast", "--bin", HarnessRun.pythonNode("broadcast.py"),
                "--node-count", "3", "--time-limit", "2", "--rate", "30", "--recovery-time", "1", "--", "--drop-every", "3");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.reason()).contains("acknowledged broadcasts are missing from final reads");
        assertThat(run.results().path("workload").path("lost-count").asInt()).isPositive();
    }

    @Test
    void aGSetNodeThatDropsAddsLosesAcknowledgedAdds() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "g-set", "--bin", HarnessRun.pythonNode("g_set.py"),
                "--node-count", "3", "--time-limit", "2", "--rate", "30", "--recovery-time", "1", "--", "--drop-every", "4");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.reason()).contains("workload: ").contains("acknowledged adds are missing from final reads");
        assertThat(run.results().path("workload").path("lost-count").asInt()).isPositive();
    }

    @Test
    void aPnCounterThatIgnoresNegativeDeltasReadsOutsideTheBounds() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "pn-counter", "--bin", HarnessRun.pythonNode("pn_counter.py"),
                "--node-count", "3", "--time-limit", "2", "--rate", "30", "--recovery-time", "1", "--", "--ignore-negative");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.reason()).contains("finally, not the sum of the acknowledged adds");
    }

    @Test
    void aKafkaNodeThatAssignsOffsetsPerNodeWithoutAgreementPutsTwoMessagesAtOneOffset() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "kafka", "--bin", HarnessRun.pythonNode("kafka.py"),
                "--node-count", "3", "--time-limit", "2", "--rate", "40", "--recovery-time", "0.5", "--", "--local-offsets");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.reason()).contains("kafka anomalies:").contains("inconsistent-offsets");
        assertThat(run.results().path("workload").path("anomalies").path("inconsistent-offsets").get(0).path("ops")
                .size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aKafkaNodeThatReordersAPollIsNonmonotonicWithinThePoll() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "kafka", "--bin", HarnessRun.pythonNode("kafka.py"),
                "--node-count", "3", "--time-limit", "2", "--rate", "40", "--recovery-time", "0.5", "--", "--reorder-poll");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.reason()).contains("int-poll-nonmonotonic");
        assertThat(run.results().path("workload").path("anomaly-counts").path("inconsistent-offsets").asInt()).isZero();
    }

    @Test
    void anElectionNodeThatNeverAnswersFailsTheConvergenceCheck() throws Exception {
        HarnessRun run = HarnessRun.run(store, "-w", "election", "--bin", HarnessRun.pythonNode("election.py"),
                "--node-args", "--silent", "--node-count", "3", "--time-limit", "2", "--rate", "10", "--recovery-time", "0.5",
                "--timeout", "300");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.reason()).contains("did not answer the final master request");
    }
}
