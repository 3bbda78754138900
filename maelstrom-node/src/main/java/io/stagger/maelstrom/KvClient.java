package io.stagger.maelstrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * A client of Maelstrom's key-value services: {@code lin-kv} (linearizable), {@code seq-kv} (sequentially
 * consistent), {@code lww-kv} (last write wins). Keys and values are any JSON (a string, a number, a list...).
 * Each call is an RPC with this client's time-out; errors come as Maelstrom's: 20 for a missing key, 22 for a
 * cas whose {@code from} did not match, 0 (indefinite) for a time-out.
 */
public final class KvClient {
    /** The time-out of a call unless {@link #withTimeout} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    private final Node node;
    private final String service;
    private final Duration timeout;

    /** A client of {@code service} (a service's node id, such as "lin-kv") with {@code timeout} per call. */
    public KvClient(Node node, String service, Duration timeout) {
        this.node = node;
        this.service = service;
        this.timeout = timeout;
    }

    /** The linearizable store. */
    public static KvClient linKv(Node node) {
        return new KvClient(node, "lin-kv", DEFAULT_TIMEOUT);
    }

    /** The sequentially consistent store. */
    public static KvClient seqKv(Node node) {
        return new KvClient(node, "seq-kv", DEFAULT_TIMEOUT);
    }

    /** The last-write-wins store. */
    public static KvClient lwwKv(Node node) {
        return new KvClient(node, "lww-kv", DEFAULT_TIMEOUT);
    }

    /** The same client with another time-out per call. */
    public KvClient withTimeout(Duration timeout) {
        return new KvClient(node, service, timeout);
    }

    /** The service's node id. */
    public String service() {
        return service;
    }

    /** Reads {@code key}: its value, or error 20 if it does not exist. */
    public void read(Object key, Callback<JsonNode> onValue, Callback<RpcError> onError) {
        ObjectNode body = Json.body("read");
        body.set("key", Json.tree(key));
        node.rpc(service, body, timeout, reply -> {
            JsonNode value = reply.body().get("value");
            if (value == null) {
                onError.accept(new RpcError(ErrorCode.CRASH, service + " answered a read without a value: " + reply.body()));
            } else {
                onValue.accept(value);
            }
        }, onError);
    }

    /** Writes {@code value} under {@code key}. */
    public void write(Object key, Object value, Task onDone, Callback<RpcError> onError) {
        ObjectNode body = Json.body("write");
        body.set("key", Json.tree(key));
        body.set("value", Json.tree(value));
        node.rpc(service, body, timeout, reply -> onDone.run(), onError);
    }

    /**
     * Sets {@code key} to {@code to} if it holds {@code from}: error 22 if it holds something else, error 20 if it
     * does not exist, unless {@code createIfNotExists}, which then creates it with {@code to}.
     */
    public void cas(Object key, Object from, Object to, boolean createIfNotExists, Task onDone,
            Callback<RpcError> onError) {
        ObjectNode body = Json.body("cas");
        body.set("key", Json.tree(key));
        body.set("from", Json.tree(from));
        body.set("to", Json.tree(to));
        if (createIfNotExists) {
            body.put("create_if_not_exists", true);
        }
        node.rpc(service, body, timeout, reply -> onDone.run(), onError);
    }
}
