package io.stagger.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The node's Jackson: a streaming factory for its reader and writer, the tree node factory, and the tree mapper made
 * on first use, since building an {@link ObjectMapper} is a large part of a start and a node that serves only the
 * election never needs one.
 */
public final class Json {
    /** Builds the trees of the service's messages (the {@link ObjectMapper}'s default factory). */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** A streaming factory: no field-name interning (names are canonicalised all the same), no root separator. */
    public static JsonFactory streaming() {
        return new JsonFactoryBuilder()
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .rootValueSeparator((String) null)
                .build();
    }

    /** One generator for a whole output stream: a line is a root object and a newline ({@link #endLine}). */
    public static JsonGenerator lineWriter(JsonFactory factory, OutputStream out) {
        try {
            return factory.createGenerator(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Ends the line whose root object {@code out} has just closed. */
    public static void endLine(JsonGenerator out) throws IOException {
        out.writeRaw('\n');
    }

    /**
     * Writes the tree {@code node} as the tree mapper would, without one: containers and plain values here, a
     * {@link RawValue} as its text, anything else through the mapper.
     */
    public static void writeTree(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    writeTree(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    writeTree(out, element);
                }
                out.writeEndArray();
            }
            case NULL -> out.writeNull();
            case STRING, NUMBER, BOOLEAN -> ((ValueNode) node).serialize(out, null); // these need no provider
            default -> {
                if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
                    raw.serialize(out, null);
                } else {
                    mapper().writeTree(out, node);
                }
            }
        }
    }

    /** The tree mapper, for lines and texts that are read as trees; made on first use. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }
}
