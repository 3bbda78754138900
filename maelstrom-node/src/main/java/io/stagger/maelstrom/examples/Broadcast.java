package io.stagger.maelstrom.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.maelstrom.ErrorCode;
import io.stagger.maelstrom.Json;
import io.stagger.maelstrom.Message;
import io.stagger.maelstrom.Node;
import io.stagger.maelstrom.RpcError;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maelstrom's broadcast workload. Each node keeps, per neighbour of the topology, the values that neighbour has not
 * acknowledged; every {@link #GOSSIP_PERIOD} it sends them in one {@code gossip} RPC (one at a time per neighbour).
 * A reply removes them; a time-out (a partition, a lost message) leaves them for the next round: retries until
 * acknowledged, so every value reaches every node once the network heals.
 */
public final class Broadcast {
    static final Duration GOSSIP_PERIOD = Duration.ofMillis(100);
    static final Duration GOSSIP_TIMEOUT = Duration.ofMillis(400);

    private final Node node;
    private final Set<Long> values = new TreeSet<>();
    private final Map<String, Set<Long>> unacknowledged = new TreeMap<>();
    private final Set<String> inFlight = new HashSet<>();

    /** Registers the handlers and the gossip timer on {@code node}. */
    public Broadcast(Node node) {
        this.node = node;
        node.on("topology", this::topology);
        node.on("broadcast", request -> {
            learn(request.requireLong("message"), request.src());
            node.reply(request, Json.body("broadcast_ok"));
        });
        node.on("gossip", request -> {
            for (JsonNode value : request.require("messages")) {
                if (!value.canConvertToExactIntegral()) {
                    throw new RpcError(ErrorCode.MALFORMED_REQUEST, "gossip holds a value that is no integer: " + value);
                }
                learn(value.longValue(), request.src());
            }
            node.reply(request, Json.body("gossip_ok"));
        });
        node.on("read", request -> {
            ObjectNode reply = Json.body("read_ok");
            reply.set("messages", Json.tree(values));
            node.reply(request, reply);
        });
        node.every(GOSSIP_PERIOD, this::gossip);
    }

    private void topology(Message request) {
        for (JsonNode neighbour : request.require("topology").path(node.id())) {
            unacknowledged.computeIfAbsent(neighbour.asText(), n -> new TreeSet<>()).addAll(values);
        }
        node.reply(request, Json.body("topology_ok"));
    }

    private void learn(long value, String from) {
        if (values.add(value)) {
            unacknowledged.forEach((neighbour, pending) -> {
                if (!neighbour.equals(from)) {
                    pending.add(value);
                }
            });
        }
    }

    private void gossip() {
        unacknowledged.forEach((neighbour, pending) -> {
            if (pending.isEmpty() || !inFlight.add(neighbour)) {
                return;
            }
            List<Long> batch = List.copyOf(pending);
            ObjectNode body = Json.body("gossip");
            body.set("messages", Json.tree(batch));
            node.rpc(neighbour, body, GOSSIP_TIMEOUT, reply -> {
                inFlight.remove(neighbour);
                batch.forEach(pending::remove);
            }, error -> inFlight.remove(neighbour)); // the values stay pending: the next round sends them again
        });
    }

    public static void main(String[] args) {
        Node node = new Node();
        new Broadcast(node);
        System.exit(node.run());
    }
}
