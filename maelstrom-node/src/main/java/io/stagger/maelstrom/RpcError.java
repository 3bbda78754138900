package io.stagger.maelstrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A Maelstrom error: a code and a text. Thrown by a handler, it becomes the {@code error} body the node answers
 * with; given to an RPC's error callback, it is what the other side answered, or a local time-out (code 0).
 */
public final class RpcError extends RuntimeException {
    private final int code;

    /** An error with a known code. */
    public RpcError(ErrorCode code, String text) {
        this(code.code(), text);
    }

    /** An error with any code, custom codes included (they are indefinite). */
    public RpcError(int code, String text) {
        super(text, null, false, false);
        this.code = code;
    }

    /** The error an {@code error} body describes; a body without an integer code is a crash (13), indefinite. */
    public static RpcError fromBody(JsonNode body) {
        JsonNode code = body.path("code");
        String text = body.path("text").asText("");
        if (!code.canConvertToExactIntegral() || !code.canConvertToInt()) {
            return new RpcError(ErrorCode.CRASH, "an error body without an integer code: " + body);
        }
        return new RpcError(code.intValue(), text);
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The known code, or empty for a custom one. */
    public Optional<ErrorCode> errorCode() {
        return ErrorCode.of(code);
    }

    /** Whether this error is one of {@code code}. */
    public boolean is(ErrorCode known) {
        return code == known.code();
    }

    /** Whether the operation certainly did not take place. */
    public boolean definite() {
        return ErrorCode.isDefinite(code);
    }

    /** The text. */
    public String text() {
        return getMessage();
    }

    /** The {@code error} body for this error. */
    public ObjectNode toBody() {
        ObjectNode body = Json.body("error");
        body.put("code", code);
        body.put("text", text());
        return body;
    }

    @Override
    public String toString() {
        return "error " + code + errorCode().map(known -> " (" + known + ")").orElse("") + ": " + text();
    }
}
