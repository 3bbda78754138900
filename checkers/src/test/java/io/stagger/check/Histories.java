package io.stagger.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.List;

/** A history written by hand, event by event, with values as JSON text and times in milliseconds. */
final class Histories {
    private final List<Op> ops = new ArrayList<>();

    Histories invoke(int process, String f, String value, long ms) {
        return add(process, Op.Type.INVOKE, f, value, ms, false);
    }

    Histories ok(int process, String f, String value, long ms) {
        return add(process, Op.Type.OK, f, value, ms, false);
    }

    Histories info(int process, String f, String value, long ms) {
        return add(process, Op.Type.INFO, f, value, ms, false);
    }

    Histories fail(int process, String f, String value, long ms) {
        return add(process, Op.Type.FAIL, f, value, ms, false);
    }

    /** An operation invoked and completed ok, one event after the other. */
    Histories done(int process, String f, String invoked, String completed, long fromMs, long toMs) {
        return invoke(process, f, invoked, fromMs).ok(process, f, completed, toMs);
    }

    /** A final read of a node (both events marked final). */
    Histories finalRead(int process, String node, String value, long fromMs, long toMs) {
        return finalOp(process, node, "read", "null", value, fromMs, toMs);
    }

    /** An operation of the final phase, invoked and completed ok at n1. */
    Histories finalOp(int process, String f, String invoked, String completed, long fromMs, long toMs) {
        return finalOp(process, "n1", f, invoked, completed, fromMs, toMs);
    }

    private Histories finalOp(int process, String node, String f, String invoked, String completed, long fromMs,
            long toMs) {
        ops.add(new Op(ops.size(), process, Op.Type.INVOKE, f, parse(invoked), fromMs * 1_000_000, node, null, true));
        ops.add(new Op(ops.size(), process, Op.Type.OK, f, parse(completed), toMs * 1_000_000, node, null, true));
        return this;
    }

    private Histories add(int process, Op.Type type, String f, String value, long ms, boolean isFinal) {
        ops.add(new Op(ops.size(), process, type, f, parse(value), ms * 1_000_000, "n1", null, isFinal));
        return this;
    }

    private static JsonNode parse(String value) {
        try {
            return Json.MAPPER.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    List<Op> ops() {
        return List.copyOf(ops);
    }

    CheckContext context() {
        return new CheckContext(ops(), List.of("n1", "n2"), -1);
    }
}
