package io.stagger.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one shared Jackson mapper and the few JSON helpers every part of the harness uses. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Parses one line; returns null if the line is not a JSON object. */
    public static ObjectNode parseObject(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            return node instanceof ObjectNode ? (ObjectNode) node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
