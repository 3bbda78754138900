package io.stagger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The process measurements run end to end through the real launcher, once and briefly. */
class NodeProcessTest {
    private static final Path LAUNCHER = Path.of("..", "bin", "stagger-node").toAbsolutePath().normalize();
    private static final Path NODE_JAR = Path.of("..", "impl", "target", "stagger-node.jar");

    @Test
    void measuresTheStartToInitOk() throws Exception {
        assumeTrue(Files.exists(NODE_JAR), "the node jar is built by mvn package of impl");

        double[] millis = NodeProcess.startupMillis(LAUNCHER.toString(), 2);

        assertThat(millis).hasSize(2);
        assertThat(Math.min(millis[0], millis[1])).isPositive();
    }

    @Test
    void measuresMessagesThroughTheProcess() throws Exception {
        assumeTrue(Files.exists(NODE_JAR), "the node jar is built by mvn package of impl");

        assertThat(NodeProcess.messagesPerSecond(LAUNCHER.toString(), 2_000)).isPositive();
    }
}
