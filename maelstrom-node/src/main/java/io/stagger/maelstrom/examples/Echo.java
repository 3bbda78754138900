package io.stagger.maelstrom.examples;

import io.stagger.maelstrom.Node;

/** Maelstrom's echo workload: every {@code echo} is answered with {@code echo_ok} carrying the same text. */
public final class Echo {
    /** Registers the handler on {@code node}. */
    public Echo(Node node) {
        node.on("echo", request -> node.reply(request, request.body().put("type", "echo_ok")));
    }

    public static void main(String[] args) {
        Node node = new Node();
        new Echo(node);
        System.exit(node.run());
    }
}
