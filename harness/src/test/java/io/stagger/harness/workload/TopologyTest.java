package io.stagger.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Maelstrom's topologies, by hand for five nodes. */
class TopologyTest {
    private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

    @Test
    void grid() {
        Map<String, List<String>> grid = Topology.of("grid", NODES);
        assertThat(grid.get("n1")).containsExactlyInAnyOrder("n2", "n4");
        assertThat(grid.get("n5")).containsExactlyInAnyOrder("n2", "n4");
        assertThat(grid.get("n3")).containsExactlyInAnyOrder("n2");
    }

    @Test
    void lineTotalAndTree() {
        assertThat(Topology.of("line", NODES).get("n3")).containsExactly("n2", "n4");
        assertThat(Topology.of("total", NODES).get("n1")).containsExactly("n2", "n3", "n4", "n5");
        Map<String, List<String>> tree = Topology.of("tree2", NODES);
        assertThat(tree.get("n1")).containsExactly("n2", "n3");
        assertThat(tree.get("n2")).containsExactly("n1", "n4", "n5");
        assertThat(tree.get("n5")).containsExactly("n2");
    }

    @Test
    void everyTopologyIsSymmetric() {
        for (String name : Topology.NAMES) {
            Map<String, List<String>> topology = Topology.of(name, NODES);
            topology.forEach((node, neighbours) -> neighbours.forEach(
                    other -> assertThat(topology.get(other)).as(name + " " + other).contains(node)));
        }
    }
}
