package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jepsen's client, less the connection (the harness's {@code client.Workers} sends and waits): how a node's reply
 * completes an operation, and which operations a time-out leaves definitely undone. A reply that breaks the
 * workload's schema (a missing field, a wrong type) completes the operation as failed or indeterminate, naming the
 * fault; it never throws.
 */
public interface OpClient {
    /** Completes an operation from its reply; null leaves the reply to the generic error handling. */
    Completion complete(Request request, String node, JsonNode reply);

    /** Whether a request with this function has no effect, so a time-out can count as a definite failure. */
    default boolean idempotent(String f) {
        return f.equals("read");
    }

    /** The reply type expected for a request body of type t: Maelstrom's "t_ok". */
    static boolean isOk(Request request, JsonNode reply) {
        return reply.path("type").asText().equals(request.body().path("type").asText() + "_ok");
    }

    /** The completion for a reply of a type other than the expected one. */
    static Completion unexpected(Request request, JsonNode reply) {
        return Completion.info("unexpected reply to " + request.body().path("type").asText() + ": "
                + reply.path("type").asText());
    }
}
