package io.stagger.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The node's own replies that are neither protocol messages nor the service's: written by {@link EnvelopeWriter}. */
public sealed interface NodeReply permits NodeReply.InitOk, NodeReply.MasterOk, NodeReply.Error {

    /** {@code init_ok}. */
    record InitOk() implements NodeReply {}

    /**
     * {@code master_ok}: whom this server recognises ({@code null}: none), its role, epoch and rank, and how many
     * elections it won by its timer and revocations it sent since it started.
     */
    record MasterOk(String master, String role, long epoch, long rank, long elections, long revocations)
            implements NodeReply {}

    /** A Maelstrom {@code error} with {@code code} and a readable {@code text}. */
    record Error(int code, String text) implements NodeReply {}

    /** The body of {@code reply}, without its message ids. */
    static ObjectNode encode(NodeReply reply) {
        ObjectNode body = Json.NODES.objectNode();
        if (reply instanceof MasterOk ok) {
            body.put("type", "master_ok");
            body.put("master", ok.master());
            body.put("role", ok.role());
            body.put("epoch", ok.epoch());
            body.put("rank", ok.rank());
            body.put("elections", ok.elections());
            body.put("revocations", ok.revocations());
        } else if (reply instanceof Error error) {
            body.put("type", "error");
            body.put("code", error.code());
            body.put("text", error.text());
        } else {
            body.put("type", "init_ok");
        }
        return body;
    }
}
