package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.harness.nodes.PingNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness carries a heavy load: five ping nodes keep the network saturated. The README records the full figure
 * (measured alone on the machine); here a conservative floor guards against a regression on a shared machine.
 */
class ThroughputTest {
    @TempDir
    Path store;

    @Test
    void carriesThousandsOfMessagesPerSecond() throws Exception {
        // 1 ms of latency bounds each node at 32 pings in flight per ms (32,000 messages/s), under the router's flood
        // limit of 100,000 per sender and second: without it a fast router let each node reach that limit.
        HarnessRun run = HarnessRun.run(store, "-w", "echo", "--bin", "java", "--node-args",
                HarnessRun.javaNodeArgs(PingNode.class, "32"), "--node-count", "5", "--time-limit", "3", "--latency", "1");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.results().path("net").path("main-phase").path("server-msgs-per-second").asLong())
                .isGreaterThan(5_000);
    }
}
