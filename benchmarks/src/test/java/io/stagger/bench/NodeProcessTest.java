package io.stagger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void racesCommandsInRoundsWithTheirEnvironment() throws Exception {
        assumeTrue(Files.exists(NODE_JAR), "the node jar is built by mvn package of impl");
        List<NodeProcess.Contender> contenders = List.of(
                NodeProcess.Contender.parse("node", LAUNCHER + " --boot start"),
                NodeProcess.Contender.parse("node, no archive", "STAGGER_NODE_CDS=0 " + LAUNCHER + " --boot start"));

        List<List<NodeProcess.Start>> starts = NodeProcess.race(2, contenders, false);

        assertThat(contenders.get(1).environment()).containsEntry("STAGGER_NODE_CDS", "0");
        assertThat(starts).hasSize(2).allSatisfy(mine -> assertThat(mine).hasSize(2)
                .allSatisfy(start -> assertThat(start.millis()).isPositive()));
    }

    @Test
    void measuresMessagesThroughTheProcess() throws Exception {
        assumeTrue(Files.exists(NODE_JAR), "the node jar is built by mvn package of impl");

        assertThat(NodeProcess.messagesPerSecond(LAUNCHER.toString(), 2_000)).isPositive();
    }
}
