package io.stagger.check.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.stagger.check.ModelMismatchException;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a history's operations become register operations, key by key (Jepsen's cas-register model, and Maelstrom's
 * lin-kv where every value is a [key, value] pair and each key is its own register): read, write and cas; a failed
 * operation did not happen, except a failed cas under {@link FailedCas#COMPARE_FAILED}, which says the register did
 * not hold the expected value; an indeterminate read constrains nothing and is left out.
 */
public record RegisterModel(boolean keyed, FailedCas failedCas) {
    /** What a failed cas means. */
    public enum FailedCas {
        /** It did not happen (Jepsen's and Maelstrom's reading: error codes are definite failures). */
        DID_NOT_HAPPEN,
        /** Its compare failed: the register held another value then (Porcupine's etcd model). */
        COMPARE_FAILED;

        public static FailedCas parse(String text) {
            switch (text) {
                case "did-not-happen":
                    return DID_NOT_HAPPEN;
                case "compare-failed":
                    return COMPARE_FAILED;
                default:
                    throw new IllegalArgumentException("a failed cas is did-not-happen or compare-failed, not " + text);
            }
        }

        public String label() {
            return this == DID_NOT_HAPPEN ? "did-not-happen" : "compare-failed";
        }
    }

    /** The key of an unkeyed register's history. */
    public static final String SINGLE_KEY = "register";

    /** Maelstrom's lin-kv: per-key registers, a failed cas did not happen. */
    public static final RegisterModel LIN_KV = new RegisterModel(true, FailedCas.DID_NOT_HAPPEN);

    /**
     * Each key's operations, keys in order (numbers by value, then the rest by text). An operation that is not a
     * register's (another f, a malformed value) is a ModelMismatchException naming its history index.
     */
    public List<KeyHistory> split(List<Op> ops) {
        Map<JsonNode, KeyHistory> byKey = new LinkedHashMap<>();
        // One pass, pairing each completion with its process's open invocation (History.pairs' pairing, without its
        // lists): an invocation left open, or replaced by its process's next, never completed.
        Map<Integer, Op> open = new HashMap<>();
        List<Op> neverCompleted = new ArrayList<>();
        for (Op op : ops) {
            if (op.process() == Op.NEMESIS) {
                continue;
            }
            if (op.is(Op.Type.INVOKE)) {
                Op replaced = open.put(op.process(), op);
                if (replaced != null) {
                    neverCompleted.add(replaced);
                }
            } else {
                Op invoke = open.remove(op.process());
                if (invoke != null) {
                    add(byKey, invoke, op);
                }
            }
        }
        neverCompleted.addAll(open.values());
        neverCompleted.sort(Comparator.comparingInt(Op::index));
        for (Op invoke : neverCompleted) {
            add(byKey, invoke, null);
        }
        List<JsonNode> keys = new ArrayList<>(byKey.keySet());
        keys.sort(Comparator.comparing((JsonNode k) -> !k.isNumber()).thenComparing((x, y) -> x.isNumber()
                && y.isNumber() ? Double.compare(x.asDouble(), y.asDouble()) : byKey.get(x).key().compareTo(byKey.get(y).key())));
        List<KeyHistory> histories = new ArrayList<>();
        for (JsonNode key : keys) {
            histories.add(byKey.get(key));
        }
        return histories;
    }

    private void add(Map<JsonNode, KeyHistory> byKey, Op invoke, Op complete) {
        boolean indeterminate = complete == null || complete.is(Op.Type.INFO);
        boolean failed = complete != null && complete.is(Op.Type.FAIL);
        String f = invoke.f();
        if (!f.equals("read") && !f.equals("write") && !f.equals("cas")) {
            throw new ModelMismatchException(invoke.index(), f + " is not a register's read, write or cas");
        }
        boolean compareFailed = failed && f.equals("cas") && failedCas == FailedCas.COMPARE_FAILED;
        if ((failed && !compareFailed) || (indeterminate && f.equals("read"))) {
            return;
        }
        JsonNode key = keyed ? part(invoke, invoke.value(), 0) : NullNode.instance;
        JsonNode argument = keyed ? part(invoke, invoke.value(), 1) : invoke.value();
        KeyHistory history = byKey.get(key);
        if (history == null) {
            history = new KeyHistory(keyed ? key.asText(key.toString()) : SINGLE_KEY);
            byKey.put(key, history);
        }
        long completed = indeterminate ? KeyHistory.NEVER : complete.time();
        int process = invoke.process();
        switch (f) {
            case "read": {
                JsonNode result = keyed ? part(complete, complete.value(), 1) : complete.value();
                history.add(KeyHistory.Kind.READ, null, null, result, invoke.time(), completed, process, invoke.index());
                break;
            }
            case "write":
                history.add(KeyHistory.Kind.WRITE, argument, null, null, invoke.time(), completed, process, invoke.index());
                break;
            default:
                if (argument == null || !argument.isArray() || argument.size() != 2) {
                    throw new ModelMismatchException(invoke.index(), "a cas takes [expected, new], not " + argument);
                }
                history.add(compareFailed ? KeyHistory.Kind.CAS_COMPARE_FAILED : KeyHistory.Kind.CAS, argument.get(0),
                        argument.get(1), null, invoke.time(), completed, process, invoke.index());
                break;
        }
    }

    private static JsonNode part(Op op, JsonNode value, int i) {
        if (value == null || !value.isArray() || value.size() != 2) {
            throw new ModelMismatchException(op.index(), "a keyed register's value is [key, value], not " + value);
        }
        return value.get(i);
    }
}
