package io.stagger.service;

import java.util.List;
import java.util.Map;

/**
 * The messages of the replicated service between servers (docs/SERVICE.md). Every message carries the ballot it
 * belongs to; a server that has promised a higher ballot refuses it with {@link Nack}.
 */
public sealed interface KvMessage permits KvMessage.Prepare, KvMessage.Promise, KvMessage.Nack, KvMessage.Sync,
        KvMessage.Replicate, KvMessage.Ack, KvMessage.NeedSync, KvMessage.Recover, KvMessage.RecoverOk {

    /** The ballot this message belongs to. */
    Ballot ballot();

    /** The Maelstrom body type. */
    String type();

    /** A new MASTER asks every server to promise {@code ballot} and to tell what state it holds. */
    record Prepare(Ballot ballot) implements KvMessage {
        @Override
        public String type() {
            return "kv_prepare";
        }
    }

    /** The promise: the state the server holds, the ballot it was accepted in, and its version. */
    record Promise(Ballot ballot, Ballot accepted, long version, Map<String, Object> state) implements KvMessage {
        public Promise {
            state = Map.copyOf(state);
        }

        @Override
        public String type() {
            return "kv_promise";
        }
    }

    /** A refusal: the server has promised the higher ballot {@code promised}. */
    record Nack(Ballot ballot, Ballot promised) implements KvMessage {
        @Override
        public String type() {
            return "kv_nack";
        }
    }

    /** The master's whole state at {@code version}: a backup replaces its own with it. */
    record Sync(Ballot ballot, long version, Map<String, Object> state) implements KvMessage {
        public Sync {
            state = Map.copyOf(state);
        }

        @Override
        public String type() {
            return "kv_sync";
        }
    }

    /** Operations {@code fromVersion + 1 ..} in the master's order: a backup applies them after {@code fromVersion}. */
    record Replicate(Ballot ballot, long fromVersion, List<ReplicatedOp> ops) implements KvMessage {
        public Replicate {
            ops = List.copyOf(ops);
        }

        @Override
        public String type() {
            return "kv_replicate";
        }
    }

    /** The backup holds the master's state up to {@code version} in {@code ballot}. */
    record Ack(Ballot ballot, long version) implements KvMessage {
        @Override
        public String type() {
            return "kv_ack";
        }
    }

    /** The backup cannot apply a {@link Replicate} (it missed the sync or a batch): send it the whole state. */
    record NeedSync(Ballot ballot) implements KvMessage {
        @Override
        public String type() {
            return "kv_need_sync";
        }
    }

    /**
     * A restarted server lost everything, its promises included: before it votes again it asks the others what they
     * promised and hold. {@code ballot} is unused ({@link Ballot#ZERO}); {@code nonce} pairs the answers.
     */
    record Recover(Ballot ballot, long nonce) implements KvMessage {
        @Override
        public String type() {
            return "kv_recover";
        }
    }

    /** The answer to {@link Recover}: what the answering server promised and holds. Promises nothing. */
    record RecoverOk(Ballot ballot, long nonce, Ballot promised, Ballot accepted, long version,
                     Map<String, Object> state) implements KvMessage {
        public RecoverOk {
            state = Map.copyOf(state);
        }

        @Override
        public String type() {
            return "kv_recover_ok";
        }
    }
}
