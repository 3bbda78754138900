package io.stagger.maelstrom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Maelstrom message: {@code src}, {@code dest} and a {@code body} object. The {@code require...} accessors and
 * {@link #as} throw an {@link RpcError} with code 12 (malformed request) for a missing or mistyped field, so a handler
 * that uses them answers bad input with error 12 without a line of its own.
 */
public record Message(String src, String dest, ObjectNode body) {

    /** Reads a message from a JSON tree; IllegalArgumentException (with the reason) if it is not one. */
    public static Message fromJson(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("a message must be a JSON object");
        }
        if (!tree.path("src").isTextual() || !tree.path("body").isObject()) {
            throw new IllegalArgumentException("a message needs a string 'src' and an object 'body'");
        }
        JsonNode dest = tree.path("dest");
        return new Message(tree.get("src").textValue(), dest.isTextual() ? dest.textValue() : null,
                (ObjectNode) tree.get("body"));
    }

    /** The envelope {@code {"src", "dest", "body"}}. */
    public ObjectNode toJson() {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("src", src);
        envelope.put("dest", dest);
        envelope.set("body", body);
        return envelope;
    }

    /** The body's {@code type}, or null if it has no string type. */
    public String type() {
        JsonNode type = body.get("type");
        return type != null && type.isTextual() ? type.textValue() : null;
    }

    /** The body's {@code msg_id}, or null: a message with one is an RPC and expects a reply. */
    public Long msgId() {
        return integral(body.get("msg_id"));
    }

    /** The body's {@code in_reply_to}, or null: a message with one is a reply. */
    public Long inReplyTo() {
        return integral(body.get("in_reply_to"));
    }

    /** Whether this is a reply with an {@code error} body. */
    public boolean isError() {
        return "error".equals(type());
    }

    /** The field {@code field} of the body; error 12 if it is missing or null. */
    public JsonNode require(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw malformed(field, "a value", value);
        }
        return value;
    }

    /** The integer field {@code field}; error 12 if it is missing or not an integer that fits a long. */
    public long requireLong(String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw malformed(field, "an integer", value);
        }
        return value.longValue();
    }

    /** The string field {@code field}; error 12 if it is missing or not a string. */
    public String requireText(String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed(field, "a string", value);
        }
        return value.textValue();
    }

    /** The body converted to {@code type} (a record, say) with {@link Json#mapper()}; error 12 if it does not fit. */
    public <T> T as(Class<T> type) {
        try {
            return Json.mapper().treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new RpcError(ErrorCode.MALFORMED_REQUEST, "the body does not fit " + type.getSimpleName() + ": "
                    + reason);
        }
    }

    private RpcError malformed(String field, String expected, JsonNode value) {
        return new RpcError(ErrorCode.MALFORMED_REQUEST, "'" + type() + "' needs " + expected + " in field '"
                + field + "', got " + Json.describe(value));
    }

    private static Long integral(JsonNode value) {
        return value != null && value.canConvertToExactIntegral() && value.canConvertToLong() ? value.longValue() : null;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
