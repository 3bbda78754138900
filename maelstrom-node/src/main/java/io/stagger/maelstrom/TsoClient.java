package io.stagger.maelstrom;

import java.time.Duration;

/** A client of Maelstrom's {@code lin-tso}: each {@code ts} is a timestamp larger than every one handed out before. */
public final class TsoClient {
    /** The service's node id. */
    public static final String SERVICE = "lin-tso";

    private final Node node;
    private final Duration timeout;

    /** A client with {@code timeout} per call. */
    public TsoClient(Node node, Duration timeout) {
        this.node = node;
        this.timeout = timeout;
    }

    /** A client with {@link KvClient#DEFAULT_TIMEOUT} per call. */
    public TsoClient(Node node) {
        this(node, KvClient.DEFAULT_TIMEOUT);
    }

    /** A new timestamp. */
    public void ts(Callback<Long> onTimestamp, Callback<RpcError> onError) {
        node.rpc(SERVICE, Json.body("ts"), timeout, reply -> {
            Long ts = reply.body().path("ts").canConvertToExactIntegral() ? reply.body().get("ts").longValue() : null;
            if (ts == null) {
                onError.accept(new RpcError(ErrorCode.CRASH, SERVICE + " answered without an integer ts: " + reply.body()));
            } else {
                onTimestamp.accept(ts);
            }
        }, onError);
    }
}
