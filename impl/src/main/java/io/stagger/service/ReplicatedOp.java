package io.stagger.service;

import java.util.Map;

/**
 * An operation of the replicated state machine that the group provides: the key-value store's {@link KvOp}s and the
 * conference's {@link ConferenceOp}s. The master applies operations in one order and the backups apply the same
 * operations in the same order, so each must be a deterministic function of the state: no clock, no randomness.
 * The state is one map of string keys to values; each service keeps to its own keys: the key-value store's values
 * are the JSON text its clients wrote ({@code String}), the conference's are records ({@link ConferenceState},
 * {@link ConferenceState.Post}, {@link ConferenceState.Session}).
 */
public interface ReplicatedOp {

    /** Applies this operation to {@code state} and returns its result; the state is changed in place. */
    KvResult applyTo(Map<String, Object> state);

    /** How a replica applies an operation to its state; every replica of a group applies them alike. */
    @FunctionalInterface
    interface Application {
        /**
         * Each operation as it says: {@link ReplicatedOp#applyTo}. (A class, not a method reference: it is made in
         * every node's start; see MaelstromNode.)
         */
        Application AS_SPECIFIED = new Application() {
            @Override
            public KvResult apply(ReplicatedOp op, Map<String, Object> state) {
                return op.applyTo(state);
            }
        };

        KvResult apply(ReplicatedOp op, Map<String, Object> state);
    }
}
