package io.stagger.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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

    /** The tree mapper, for lines and texts that are read as trees; made on first use. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }
}
