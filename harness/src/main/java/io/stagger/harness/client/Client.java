package io.stagger.harness.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.net.Endpoint;
import io.stagger.harness.net.Envelope;
import io.stagger.harness.net.Network;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** A Maelstrom client (c1, c2, ...): sends a request through the network and waits for the reply to its msg_id. */
public final class Client implements Endpoint {
    private static final long GIVE_UP_POLL_NANOS = 50_000_000;
    private final String id;
    private final Network network;
    private final AtomicLong msgIds = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

    Client(String id, Network network) {
        this.id = id;
        this.network = network;
    }

    public String id() {
        return id;
    }

    /** Sends body to dest and returns the reply's body; a reply later than the timeout is discarded. */
    public JsonNode call(String dest, ObjectNode body, long timeoutMillis) throws TimeoutException, InterruptedException {
        return call(dest, body, timeoutMillis, () -> false);
    }

    /** As {@link #call(String, ObjectNode, long)}, but gives up early (a time-out) once giveUp says so. */
    public JsonNode call(String dest, ObjectNode body, long timeoutMillis, BooleanSupplier giveUp)
            throws TimeoutException, InterruptedException {
        long msgId = msgIds.incrementAndGet();
        body.put("msg_id", msgId);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        waiting.put(msgId, reply);
        try {
            network.send(Envelope.of(id, dest, body));
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
            while (true) {
                long left = Math.min(deadline - System.nanoTime(), GIVE_UP_POLL_NANOS);
                try {
                    return reply.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() >= deadline || giveUp.getAsBoolean()) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            waiting.remove(msgId);
        }
    }

    @Override
    public void deliver(Envelope envelope) {
        JsonNode inReplyTo = envelope.body().get("in_reply_to");
        if (inReplyTo != null) {
            CompletableFuture<JsonNode> reply = waiting.get(inReplyTo.asLong());
            if (reply != null) {
                reply.complete(envelope.body());
            }
        }
    }
}
