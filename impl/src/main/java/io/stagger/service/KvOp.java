package io.stagger.service;

import java.util.Map;

/**
 * A client operation of Maelstrom's {@code lin-kv} workload. Keys and values are kept as canonical JSON text, so the
 * service stores whatever JSON the client sends and compares values exactly as they were written.
 */
public sealed interface KvOp extends ReplicatedOp permits KvOp.Read, KvOp.Write, KvOp.Cas {

    /** The key this operation touches. */
    String key();

    /** {@code read}: the value of a key. */
    record Read(String key) implements KvOp {
        @Override
        public KvResult applyTo(Map<String, String> state) {
            String value = state.get(key);
            return value == null ? KvResult.NO_SUCH_KEY : new KvResult.Value(value);
        }
    }

    /** {@code write}: set a key's value. */
    record Write(String key, String value) implements KvOp {
        @Override
        public KvResult applyTo(Map<String, String> state) {
            state.put(key, value);
            return KvResult.OK;
        }
    }

    /** {@code cas}: set a key's value to {@code to} if it is {@code from}; optionally create a missing key. */
    record Cas(String key, String from, String to, boolean createIfNotExists) implements KvOp {
        @Override
        public KvResult applyTo(Map<String, String> state) {
            String current = state.get(key);
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
