package io.stagger.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jepsen's set-full analysis of each element of a set (g-set's adds, broadcast's values): when it became known (the
 * add acknowledged, or a read that shows it completed, whichever first), the latest-invoked read that showed it and
 * the latest-invoked read that lacked it. An element is stable when a read that shows it began after every read that
 * lacks it; its stable latency is from the known time to the invocation of the last read that lacks it (0 if that
 * came first), the time until every read, on every node, shows it. Lost: the last read lacks it and began after it was
 * known. Never read: neither.
 */
public final class SetFull {
    /** Jepsen's quantiles of the stable latencies: 0, 0.5, 0.95, 0.99 and 1. */
    static final double[] QUANTILES = {0, 0.5, 0.95, 0.99, 1};

    /** Outcome of one element. */
    public enum Outcome { STABLE, LOST, NEVER_READ }

    /** One element's outcome; stable latency in ms (-1 unless stable), add invocation time in ns. */
    public record Element(JsonNode value, long addedNanos, Outcome outcome, long stableLatencyMillis) {}

    private static final class State {
        final JsonNode value;
        final long addedNanos;
        Op known;
        Op lastPresent;
        Op lastAbsent;

        State(JsonNode value, long addedNanos) {
            this.value = value;
            this.addedNanos = addedNanos;
        }
    }

    private SetFull() {}

    /** The elements added by operations with this f, in the order of their adds, from reads with f "read". */
    public static List<Element> analyse(List<Op> history, String addF) {
        Map<String, State> elements = new LinkedHashMap<>();
        Map<Integer, Op> open = new HashMap<>();
        for (Op op : history) {
            if (op.process() == Op.NEMESIS) {
                continue;
            }
            if (op.is(Op.Type.INVOKE)) {
                open.put(op.process(), op);
                if (op.f().equals(addF)) {
                    elements.putIfAbsent(key(op.value()), new State(op.value(), op.time()));
                }
                continue;
            }
            Op invoke = open.remove(op.process());
            if (invoke == null || !op.is(Op.Type.OK)) {
                continue;
            }
            if (op.f().equals(addF)) {
                State state = elements.get(key(invoke.value()));
                if (state != null && state.known == null) {
                    state.known = op;
                }
            } else if (op.f().equals("read") && op.value() != null && op.value().isArray()) {
                Set<String> seen = new HashSet<>();
                op.value().forEach(v -> seen.add(key(v)));
                for (Map.Entry<String, State> entry : elements.entrySet()) {
                    State state = entry.getValue();
                    if (seen.contains(entry.getKey())) {
                        if (state.known == null) {
                            state.known = op;
                        }
                        if (state.lastPresent == null || state.lastPresent.index() < invoke.index()) {
                            state.lastPresent = invoke;
                        }
                    } else if (state.lastAbsent == null || state.lastAbsent.index() < invoke.index()) {
                        state.lastAbsent = invoke;
                    }
                }
            }
        }
        List<Element> results = new ArrayList<>();
        for (State state : elements.values()) {
            results.add(result(state));
        }
        return results;
    }

    private static Element result(State e) {
        boolean stable = e.lastPresent != null && (e.lastAbsent == null || e.lastAbsent.index() < e.lastPresent.index());
        boolean lost = e.known != null && e.lastAbsent != null
                && (e.lastPresent == null || e.lastPresent.index() < e.lastAbsent.index())
                && e.known.index() < e.lastAbsent.index();
        if (stable) {
            long stableNanos = e.lastAbsent == null ? 0 : e.lastAbsent.time() + 1;
            long latency = Math.max(0, stableNanos - e.known.time()) / 1_000_000;
            return new Element(e.value, e.addedNanos, Outcome.STABLE, latency);
        }
        return new Element(e.value, e.addedNanos, lost ? Outcome.LOST : Outcome.NEVER_READ, -1);
    }

    /** Elements compare as numbers when they are integers (a read's 3 is an add's 3), else as their JSON text. */
    static String key(JsonNode value) {
        return value.isIntegralNumber() ? String.valueOf(value.asLong()) : Json.write(value);
    }

    /**
     * The figures of results.json: stable-count, stale-count (stable only after some read lacked it), lost-count
     * (Jepsen's sense: the last read lacks it), never-read-count, stable-latencies (ms at Jepsen's quantiles).
     */
    public static ObjectNode figures(List<Element> elements) {
        long[] latencies = elements.stream().filter(e -> e.outcome() == Outcome.STABLE)
                .mapToLong(Element::stableLatencyMillis).sorted().toArray();
        ObjectNode json = Json.object();
        json.put("stable-count", latencies.length);
        json.put("stale-count", Arrays.stream(latencies).filter(l -> l > 0).count());
        json.put("set-full-lost-count", elements.stream().filter(e -> e.outcome() == Outcome.LOST).count());
        json.put("never-read-count", elements.stream().filter(e -> e.outcome() == Outcome.NEVER_READ).count());
        json.set("stable-latencies", quantiles(latencies));
        return json;
    }

    /** Jepsen's frequency distribution: at quantile q, the element at floor(n q), capped at n - 1. */
    static ObjectNode quantiles(long[] sorted) {
        ObjectNode json = Json.object();
        if (sorted.length == 0) {
            return json;
        }
        for (double q : QUANTILES) {
            int index = (int) Math.min(sorted.length - 1, Math.floor(sorted.length * q));
            json.put(q == 0 ? "0" : q == 1 ? "1" : String.valueOf(q), sorted[index]);
        }
        return json;
    }
}
