package io.stagger.maelstrom;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON side of the library: one shared mapper and small helpers for message bodies. */
public final class Json {
    private Json() {}

    /**
     * The mapper the node parses and writes trees with, made on first use (building one is a large part of a JVM's
     * start, and a node with a fast path of its own may never need it). Converting a body to a record
     * ({@link Message#as}) ignores fields the record does not name ({@code type}, {@code msg_id}...) and refuses a
     * missing or null primitive field.
     */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .build();
    }

    /** A new body {@code {"type": type}}; add fields with {@code put} and {@code set}. */
    public static ObjectNode body(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    /** Any value (a record, a list, a map, a number...) as a JSON tree, for {@code body.set(field, ...)}. */
    public static JsonNode tree(Object value) {
        return mapper().valueToTree(value);
    }

    /** A short description of a field's value for an error text: "missing", "a string", "a number"... */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        return "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(value.toString());
    }

    /** At most 120 characters of {@code text}, for log lines and error texts that quote input. */
    static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
