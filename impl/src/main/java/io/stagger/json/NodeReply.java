package io.stagger.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The node's own replies that are neither protocol messages nor the service's, written by {@link EnvelopeWriter}:
 * {@code master_ok}. ({@code init_ok} and the {@code error} replies are the maelstrom-node library's.)
 */
public sealed interface NodeReply permits NodeReply.MasterOk {

    /**
     * {@code master_ok}: whom this server recognises ({@code null}: none), its role, epoch and rank, and how many
     * elections it won by its timer and revocations it sent since it started.
     */
    record MasterOk(String master, String role, long epoch, long rank, long elections, long revocations)
            implements NodeReply {}

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
        }
        return body;
    }
}
