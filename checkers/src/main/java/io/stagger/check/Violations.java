package io.stagger.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.stagger.history.Json;
import java.util.ArrayList;
import java.util.List;

/** What a checker found wrong: every violation counted, the first {@link #MAX_LISTED} kept in words. */
public final class Violations {
    /** How many violations a result lists; the rest are only counted. */
    public static final int MAX_LISTED = 20;

    private final List<String> listed = new ArrayList<>();
    private int count;

    public void add(String violation) {
        count++;
        if (listed.size() < MAX_LISTED) {
            listed.add(violation);
        }
    }

    public boolean any() {
        return count > 0;
    }

    public int count() {
        return count;
    }

    /** The first violation found, or null. */
    public String first() {
        return listed.isEmpty() ? null : listed.get(0);
    }

    public ArrayNode toJson() {
        ArrayNode json = Json.MAPPER.createArrayNode();
        listed.forEach(json::add);
        return json;
    }
}
