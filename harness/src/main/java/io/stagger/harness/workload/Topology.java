package io.stagger.harness.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maelstrom's broadcast topologies: grid, line, total, and trees with branch factor 2, 3 or 4. */
public final class Topology {
    public static final List<String> NAMES = List.of("grid", "line", "total", "tree", "tree2", "tree3", "tree4");

    private Topology() {}

    public static Map<String, List<String>> of(String name, List<String> nodes) {
        switch (name) {
            case "line":
                return line(nodes);
            case "total":
                return total(nodes);
            case "tree":
            case "tree2":
                return tree(nodes, 2);
            case "tree3":
                return tree(nodes, 3);
            case "tree4":
                return tree(nodes, 4);
            case "grid":
                return grid(nodes);
            default:
                throw new IllegalArgumentException("unknown topology " + name + "; one of " + NAMES);
        }
    }

    private static Map<String, List<String>> line(List<String> nodes) {
        Map<String, List<String>> topology = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            List<String> neighbours = new ArrayList<>();
            if (i > 0) {
                neighbours.add(nodes.get(i - 1));
            }
            if (i + 1 < nodes.size()) {
                neighbours.add(nodes.get(i + 1));
            }
            topology.put(nodes.get(i), neighbours);
        }
        return topology;
    }

    private static Map<String, List<String>> total(List<String> nodes) {
        Map<String, List<String>> topology = new LinkedHashMap<>();
        for (String node : nodes) {
            topology.put(node, nodes.stream().filter(n -> !n.equals(node)).toList());
        }
        return topology;
    }

    /** A roughly square grid: each node's neighbours are the ones above, below, left and right of it. */
    private static Map<String, List<String>> grid(List<String> nodes) {
        int side = (int) Math.ceil(Math.sqrt(nodes.size()));
        Map<String, List<String>> topology = new LinkedHashMap<>();
        for (int index = 0; index < nodes.size(); index++) {
            int row = index / side;
            int column = index % side;
            List<String> neighbours = new ArrayList<>();
            int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
            for (int[] step : steps) {
                int r = row + step[0];
                int c = column + step[1];
                int other = r * side + c;
                if (r >= 0 && c >= 0 && c < side && other < nodes.size()) {
                    neighbours.add(nodes.get(other));
                }
            }
            topology.put(nodes.get(index), neighbours);
        }
        return topology;
    }

    /** A tree in breadth-first order: node i's children are b·i+1 .. b·i+b; its neighbours are parent and children. */
    private static Map<String, List<String>> tree(List<String> nodes, int branching) {
        Map<String, List<String>> topology = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            List<String> neighbours = new ArrayList<>();
            if (i > 0) {
                neighbours.add(nodes.get((i - 1) / branching));
            }
            for (int child = branching * i + 1; child <= branching * i + branching && child < nodes.size(); child++) {
                neighbours.add(nodes.get(child));
            }
            topology.put(nodes.get(i), neighbours);
        }
        return topology;
    }
}
