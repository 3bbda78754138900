package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.history.Op;

/** How a reply completes an operation: its type in the history, its value, and an error text if any. */
public record Completion(Op.Type type, JsonNode value, String error) {
    public static Completion ok(JsonNode value) {
        return new Completion(Op.Type.OK, value, null);
    }

    public static Completion fail(String error) {
        return new Completion(Op.Type.FAIL, null, error);
    }

    public static Completion info(String error) {
        return new Completion(Op.Type.INFO, null, error);
    }

    /** The prefix of the error of a reply that breaks its workload's schema; results.json counts them. */
    public static final String MALFORMED = "malformed reply: ";

    /**
     * A reply of the expected type that breaks the schema (a missing field, a wrong type): a failure when the
     * operation has no effect (a read), else indeterminate (the node may have applied it).
     */
    public static Completion malformed(boolean idempotent, String what) {
        return idempotent ? fail(MALFORMED + what) : info(MALFORMED + what);
    }
}
