package io.stagger.harness;

import io.stagger.harness.nemesis.Fault;
import io.stagger.harness.net.Latency;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** The options of one run, resolved against the workload's defaults and validated once. */
public record RunConfig(
        String workload,
        List<String> command,
        File workingDirectory,
        int nodeCount,
        double timeLimitSeconds,
        double rate,
        int concurrency,
        double latencyMillis,
        Latency.Shape latencyShape,
        List<Fault> nemesis,
        double nemesisIntervalSeconds,
        String nemesisSchedule,
        String availability,
        String topology,
        int keyCount,
        int maxWritesPerKey,
        boolean logStderr,
        boolean logNetSend,
        boolean logNetRecv,
        long seed,
        double recoverySeconds,
        long requestTimeoutMillis,
        long initTimeoutMillis,
        double maxDualMasterMillis,
        Path store,
        boolean progress,
        long startSpreadMillis) {

    public RunConfig {
        command = List.copyOf(command);
        nemesis = List.copyOf(nemesis);
        require(!command.isEmpty(), "--bin is required");
        require(nodeCount >= 1, "--node-count must be positive");
        require(maxWritesPerKey >= 1, "--max-writes-per-key must be positive");
        require(timeLimitSeconds > 0, "--time-limit must be positive");
        require(rate >= 0, "--rate can't be negative");
        require(concurrency >= 1, "--concurrency must be positive");
        require(latencyMillis >= 0, "--latency must be non-negative");
        require(nemesisIntervalSeconds > 0, "--nemesis-interval must be positive");
        require(keyCount >= 1, "--key-count must be positive");
        require(recoverySeconds >= 0, "--recovery-time must be non-negative");
        require(requestTimeoutMillis > 0, "--timeout must be positive");
        require(initTimeoutMillis > 0, "--init-timeout must be positive");
        require(startSpreadMillis >= 0, "--start-spread must be non-negative");
        if (availability != null && !availability.equals("total")) {
            double fraction;
            try {
                fraction = Double.parseDouble(availability);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--availability must be a number from 0 to 1, or total");
            }
            require(fraction >= 0 && fraction <= 1, "--availability must be a number from 0 to 1, or total");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
