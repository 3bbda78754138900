package io.stagger.maelstrom.examples;

import io.stagger.maelstrom.ErrorCode;
import io.stagger.maelstrom.Json;
import io.stagger.maelstrom.KvClient;
import io.stagger.maelstrom.Message;
import io.stagger.maelstrom.Node;

/**
 * Maelstrom's g-counter workload on the {@code seq-kv} service: one shared key. An add reads it and sets it with a
 * compare-and-set (creating it if missing), and starts again when another add got in between (error 22), at most
 * {@link #MAX_ATTEMPTS} times. Any other error goes back to the client as it is: a time-out stays indefinite, since
 * the add may have happened.
 */
public final class GCounter {
    static final String KEY = "counter";
    static final int MAX_ATTEMPTS = 20;

    private final Node node;
    private final KvClient kv;

    /** Registers the handlers on {@code node}. */
    public GCounter(Node node) {
        this.node = node;
        this.kv = KvClient.seqKv(node);
        node.on("add", request -> add(request, request.requireLong("delta"), 1));
        node.on("read", request -> kv.read(KEY,
                value -> node.reply(request, Json.body("read_ok").put("value", value.asLong())),
                error -> node.reply(request, error.is(ErrorCode.KEY_DOES_NOT_EXIST)
                        ? Json.body("read_ok").put("value", 0) : error.toBody())));
    }

    private void add(Message request, long delta, int attempt) {
        kv.read(KEY, value -> compareAndSet(request, value.asLong(), delta, attempt), error -> {
            if (error.is(ErrorCode.KEY_DOES_NOT_EXIST)) {
                compareAndSet(request, 0, delta, attempt);
            } else {
                node.reply(request, error.toBody());
            }
        });
    }

    private void compareAndSet(Message request, long current, long delta, int attempt) {
        kv.cas(KEY, current, current + delta, true, () -> node.reply(request, Json.body("add_ok")), error -> {
            if (!error.is(ErrorCode.PRECONDITION_FAILED)) {
                node.reply(request, error.toBody());
            } else if (attempt < MAX_ATTEMPTS) {
                add(request, delta, attempt + 1);
            } else {
                node.reply(request, Json.body("error").put("code", ErrorCode.TEMPORARILY_UNAVAILABLE.code())
                        .put("text", "the counter changed under each of " + MAX_ATTEMPTS + " attempts"));
            }
        });
    }

    public static void main(String[] args) {
        Node node = new Node();
        new GCounter(node);
        System.exit(node.run());
    }
}
