package io.stagger.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checker of a grow-only set (g-set's adds, broadcast's values), as Jepsen's set-full: every acknowledged element
 * is in every node's final read (else lost), and no read holds an element that was never added (unexpected). On the
 * way, {@link SetFull}'s outcomes and stable latencies (the time until every read shows an element).
 */
public final class SetChecker implements Checker {
    /** Integers in numeric order, anything else after them in the order of its JSON text. */
    private static final Comparator<JsonNode> ORDER = Comparator
            .comparing((JsonNode v) -> !v.isIntegralNumber())
            .thenComparingLong(v -> v.isIntegralNumber() ? v.asLong() : 0)
            .thenComparing(Json::write);

    private final String addF;
    private final String acknowledgedNoun;
    private final String neverVerb;

    /** addF: the function that adds ("broadcast", "add"); the nouns name the elements in the verdict's reasons. */
    public SetChecker(String addF, String acknowledgedNoun, String neverVerb) {
        this.addF = addF;
        this.acknowledgedNoun = acknowledgedNoun;
        this.neverVerb = neverVerb;
    }

    /** Broadcast's checker: values broadcast. */
    public static SetChecker broadcast() {
        return new SetChecker("broadcast", "broadcasts", "broadcast");
    }

    /** G-set's checker: elements added. */
    public static SetChecker gSet() {
        return new SetChecker("add", "adds", "added");
    }

    @Override
    public CheckResult check(CheckContext context) {
        Map<String, JsonNode> attempted = new HashMap<>();
        Map<String, JsonNode> acknowledged = new HashMap<>();
        Map<JsonNode, Boolean> unexpected = new TreeMap<>(ORDER);
        Map<String, Set<String>> finalReads = new TreeMap<>();
        for (History.Pair pair : History.pairs(context.history())) {
            Op invoke = pair.invoke();
            if (invoke.f().equals(addF)) {
                attempted.put(SetFull.key(invoke.value()), invoke.value());
                if (pair.ok()) {
                    acknowledged.put(SetFull.key(invoke.value()), invoke.value());
                }
            }
        }
        for (History.Pair pair : History.pairs(context.history())) {
            if (pair.invoke().f().equals("read") && pair.ok()) {
                if (pair.complete().value() == null || !pair.complete().value().isArray()) {
                    throw new ModelMismatchException(pair.complete().index(), "a set's read gives an array, not "
                            + pair.complete().value());
                }
                Set<String> seen = new HashSet<>();
                for (JsonNode value : pair.complete().value()) {
                    seen.add(SetFull.key(value));
                    if (!attempted.containsKey(SetFull.key(value))) {
                        unexpected.put(value, true);
                    }
                }
                if (pair.invoke().isFinal()) {
                    finalReads.put(pair.invoke().node(), seen);
                }
            }
        }
        Map<JsonNode, Boolean> lost = new TreeMap<>(ORDER);
        for (Set<String> seen : finalReads.values()) {
            acknowledged.forEach((key, value) -> {
                if (!seen.contains(key)) {
                    lost.put(value, true);
                }
            });
        }
        ObjectNode details = Json.object().put("attempted-count", attempted.size())
                .put("acknowledged-count", acknowledged.size()).put("lost-count", lost.size())
                .put("unexpected-count", unexpected.size()).put("final-read-count", finalReads.size());
        lost.keySet().stream().limit(50).forEach(details.putArray("lost")::add);
        unexpected.keySet().stream().limit(50).forEach(details.putArray("unexpected")::add);
        details.setAll(SetFull.figures(SetFull.analyse(context.history(), addF)));
        if (!lost.isEmpty()) {
            return CheckResult.invalid(lost.size() + " acknowledged " + acknowledgedNoun
                    + " are missing from final reads, e.g. " + lost.keySet().stream().limit(10).toList(), details);
        }
        if (!unexpected.isEmpty()) {
            return CheckResult.invalid(unexpected.size() + " values were read that were never " + neverVerb, details);
        }
        if (finalReads.isEmpty()) {
            return CheckResult.invalid("no final read succeeded", details);
        }
        return CheckResult.valid(details);
    }
}
