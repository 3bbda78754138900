package io.stagger.maelstrom.examples;

import io.stagger.maelstrom.Json;
import io.stagger.maelstrom.Node;

/**
 * Maelstrom's unique-ids workload, with no messages between nodes: an id is the node's id, its boot and a counter.
 * The boot (the wall-clock millisecond at start, in base 36) keeps the ids of a restarted node apart from those of
 * its previous life, whose counter started at 0 too; a JVM takes far longer than a millisecond to start again.
 */
public final class UniqueIds {
    private final String boot = Long.toString(System.currentTimeMillis(), 36);
    private long issued;

    /** Registers the handler on {@code node}. */
    public UniqueIds(Node node) {
        node.on("generate", request ->
                node.reply(request, Json.body("generate_ok").put("id", node.id() + "-" + boot + "-" + issued++)));
    }

    public static void main(String[] args) {
        Node node = new Node();
        new UniqueIds(node);
        System.exit(node.run());
    }
}
