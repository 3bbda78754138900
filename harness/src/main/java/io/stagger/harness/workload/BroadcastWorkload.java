package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Maelstrom's broadcast: broadcast a value, read all values a node has seen. Like Jepsen's set-full checker, every
 * acknowledged value must be in every node's final read (after the heal and recovery), and no read may hold a value
 * that was never broadcast.
 */
public final class BroadcastWorkload extends WriteOrRead {
    private final String topology;

    public BroadcastWorkload(String topology) {
        this(topology, new AtomicInteger());
    }

    private BroadcastWorkload(String topology, AtomicInteger nextValue) {
        super("broadcast", "message", random -> nextValue.getAndIncrement(), "messages", true);
        this.topology = topology;
    }

    @Override
    public List<Request> setup(List<String> nodeIds) {
        Map<String, List<String>> neighbours = Topology.of(topology, nodeIds);
        List<Request> requests = new ArrayList<>();
        for (String node : nodeIds) {
            ObjectNode body = Json.object().put("type", "topology");
            ObjectNode map = body.putObject("topology");
            neighbours.forEach((n, list) -> list.forEach(map.withArray(n)::add));
            requests.add(new Request("topology", NullNode.instance, body, node));
        }
        return requests;
    }
}
