package io.stagger.service;

import java.util.Map;

/**
 * A client operation of Maelstrom's {@code lin-kv} workload. Keys and values are kept as canonical JSON text, so the
 * service stores whatever JSON the client sends and compares values exactly as they were written.
 */
public sealed interface KvOp extends ReplicatedOp permits KvOp.Read, KvOp.Write, KvOp.Cas {

    /** The key this operation touches. */
    String key();

    /** The value of {@code key} in {@code state}, or null: a key-value store's values are JSON text. */
    private static String valueOf(Map<String, Object> state, String key) {
        Object value = state.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalStateException("key " + key + " holds " + value + ", not a key-value store's value");
        }
        return (String) value;
    }

    /** {@code read}: the value of a key. */
    record Read(String key) implements KvOp {
        @Override
        public KvResult applyTo(Map<String, Object> state) {
            String value = valueOf(state, key);
            return value == null ? KvResult.NO_SUCH_KEY : new KvResult.Value(value);
        }
    }

    /** {@code write}: set a key's value. */
    record Write(String key, String value) implements KvOp {
        @Override
        public KvResult applyTo(Map<String, Object> state) {
            state.put(key, value);
            return KvResult.OK;
        }
    }

    /** {@code cas}: set a key's value to {@code to} if it is {@code from}; optionally create a missing key. */
    record Cas(String key, String from, String to, boolean createIfNotExists) implements KvOp {
        @Override
        public KvResult applyTo(Map<String, Object> state) {
            String current = valueOf(state, key);
            if (current == null && !createIfNotExists) {
                return KvResult.NO_SUCH_KEY;
            }
            if (current != null && !current.equals(from)) {
                return new KvResult.PreconditionFailed(current);
            }
            state.put(key, to);
            return KvResult.OK;
        }
    }
}
