package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.check.TxnCheck;
import io.stagger.history.Json;
import io.stagger.txn.ConsistencyModel;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Maelstrom's txn-list-append and txn-rw-register: {@code txn} requests of 1 to {@code --max-txn-length}
 * micro-operations, half reads ({@code ["r", k, null]}), half appends or writes of a value unique to its key, over
 * {@code --key-count} keys at a time, each key retired for a fresh one after {@code --max-writes-per-key} writes (as
 * Elle's generators do); {@code txn_ok} carries the transaction with its reads filled in, error 30 (txn-conflict)
 * is a definite abort. The checker is the txn-checker module (Elle's approach) under {@code --consistency-models}.
 */
public final class TxnWorkload implements Generator, OpClient {
    private final io.stagger.txn.Workload kind;
    private final int keyCount;
    private final int maxTxnLength;
    private final int maxWritesPerKey;
    private final Set<ConsistencyModel> models;
    private final long[] activeKeys;
    private final Map<Long, Integer> writesPerKey = new HashMap<>();
    private long nextKey;

    /** The options of the transactional workloads. */
    public record Options(int maxTxnLength, int maxWritesPerKey, List<String> consistencyModels) {
        public static final Options MAELSTROM = new Options(4, 16, List.of("strict-serializable"));

        public Options {
            consistencyModels = List.copyOf(consistencyModels);
            if (maxTxnLength < 1) {
                throw new IllegalArgumentException("--max-txn-length must be positive");
            }
            if (maxWritesPerKey < 1) {
                throw new IllegalArgumentException("--max-writes-per-key must be positive");
            }
        }
    }

    public TxnWorkload(io.stagger.txn.Workload kind, int keyCount, Options options) {
        this.kind = kind;
        this.keyCount = keyCount;
        this.maxTxnLength = options.maxTxnLength();
        this.maxWritesPerKey = options.maxWritesPerKey();
        EnumSet<ConsistencyModel> parsed = EnumSet.noneOf(ConsistencyModel.class);
        for (String model : options.consistencyModels()) {
            parsed.add(ConsistencyModel.parse(model));
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("--consistency-models needs at least one model");
        }
        this.models = parsed;
        this.activeKeys = new long[keyCount];
        for (int k = 0; k < keyCount; k++) {
            activeKeys[k] = k;
        }
        this.nextKey = keyCount;
    }

    @Override
    public synchronized Request next(int process, SplittableRandom random) {
        ArrayNode txn = Json.MAPPER.createArrayNode();
        int length = 1 + random.nextInt(maxTxnLength);
        for (int i = 0; i < length; i++) {
            int slot = random.nextInt(keyCount);
            long key = activeKeys[slot];
            if (random.nextBoolean()) {
                txn.addArray().add("r").add(key).addNull();
                continue;
            }
            int written = writesPerKey.merge(key, 1, Integer::sum);
            txn.addArray().add(kind == io.stagger.txn.Workload.LIST_APPEND ? "append" : "w").add(key).add(written);
            if (written == maxWritesPerKey) {
                writesPerKey.remove(key);
                activeKeys[slot] = nextKey++;
            }
        }
        ObjectNode body = Json.object().put("type", "txn");
        body.set("txn", txn);
        return Request.to("txn", txn, body);
    }

    @Override
    public boolean idempotent(String f) {
        return false;
    }

    @Override
    public Completion complete(Request request, String node, JsonNode reply) {
        if (!OpClient.isOk(request, reply)) {
            return null;
        }
        JsonNode txn = reply.get("txn");
        String mismatch = mismatch(request.value(), txn);
        return mismatch == null ? Completion.ok(txn) : Completion.info("txn_ok does not match the request: " + mismatch);
    }

    /** Why a txn_ok's transaction is not the request's with reads filled in, or null. */
    private static String mismatch(JsonNode sent, JsonNode got) {
        if (got == null || !got.isArray() || got.size() != sent.size()) {
            return "expected " + sent.size() + " micro-operations, got " + got;
        }
        for (int i = 0; i < sent.size(); i++) {
            JsonNode mine = sent.get(i);
            JsonNode theirs = got.get(i);
            boolean read = mine.get(0).asText().equals("r");
            if (!theirs.isArray() || theirs.size() != 3 || !theirs.get(0).equals(mine.get(0))
                    || !sameInteger(theirs.get(1), mine.get(1)) || (!read && !sameInteger(theirs.get(2), mine.get(2)))) {
                return "micro-operation " + i + " was " + mine + ", came back " + theirs;
            }
        }
        return null;
    }

    private static boolean sameInteger(JsonNode a, JsonNode b) {
        return a.isIntegralNumber() && b.isIntegralNumber() && a.asLong() == b.asLong();
    }

    /** The checker of this workload: the txn-checker module under the models asked for. */
    public TxnCheck checker() {
        return new TxnCheck(kind, models);
    }
}
