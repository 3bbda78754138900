package io.stagger.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Maelstrom's pn-counter checker: every final read (after the heal and recovery) is the sum of the acknowledged adds
 * plus some subset of the indeterminate ones ({@link CounterBounds}; failed adds never count). Reads during the run
 * are only reported: each against its own bounds, from the adds acknowledged before it began (definite) and those
 * that may have taken effect before it ended (each negative one can lower it, each positive one raise it).
 */
public final class PnCounterChecker implements Checker {
    /** Out-of-bounds reads listed in the results. */
    static final int MAX_LISTED = 20;

    /** A read with its bounds: times in ns, whether it was final, whether it lies within [lower, upper]. */
    public record BoundedRead(long invokedNanos, long value, long lower, long upper, boolean isFinal, String node) {
        public boolean inBounds() {
            return value >= lower && value <= upper;
        }
    }

    private record Add(long delta, long invokedNanos, long completedNanos, boolean ok) {}

    @Override
    public CheckResult check(CheckContext context) {
        List<History.Pair> pairs = History.pairs(context.history());
        for (History.Pair pair : pairs) {
            requireCounterValues(pair);
        }
        long definite = 0;
        List<Long> indeterminate = new ArrayList<>();
        for (History.Pair pair : pairs) {
            if (pair.invoke().f().equals("add") && !pair.failed()) {
                if (pair.ok()) {
                    definite += pair.invoke().value().asLong();
                } else {
                    indeterminate.add(pair.invoke().value().asLong());
                }
            }
        }
        CounterBounds acceptable = new CounterBounds(definite);
        indeterminate.forEach(acceptable::maybe);
        ObjectNode details = Json.object().put("definite-sum", definite).put("indeterminate-add-count",
                indeterminate.size());
        ArrayNode ranges = details.putArray("acceptable");
        acceptable.ranges().stream().limit(MAX_LISTED).forEach(r -> ranges.addArray().add(r.lower()).add(r.upper()));
        ObjectNode finals = details.putObject("final-reads");
        String wrong = null;
        for (History.Pair pair : pairs) {
            if (pair.invoke().isFinal() && pair.ok() && pair.invoke().f().equals("read")) {
                long value = pair.complete().value().asLong();
                finals.put(pair.invoke().node(), value);
                if (!acceptable.contains(value) && wrong == null) {
                    wrong = pair.invoke().node() + " read " + value + " finally, not the sum of the acknowledged adds ("
                            + definite + ") plus any of the " + indeterminate.size() + " indeterminate ones: acceptable "
                            + ranges;
                }
            }
        }
        List<BoundedRead> reads = reads(context.history());
        List<BoundedRead> outside = reads.stream().filter(r -> !r.isFinal() && !r.inBounds()).toList();
        details.put("read-count", reads.stream().filter(r -> !r.isFinal()).count());
        details.put("out-of-bounds-read-count", outside.size());
        ArrayNode listed = details.putArray("out-of-bounds-reads");
        outside.stream().limit(MAX_LISTED).forEach(r -> listed.addObject().put("node", r.node())
                .put("time-s", Math.round(r.invokedNanos() / 1e6) / 1e3).put("value", r.value()).put("lower", r.lower())
                .put("upper", r.upper()));
        if (wrong != null) {
            return CheckResult.invalid(wrong, details);
        }
        if (finals.isEmpty()) {
            return CheckResult.invalid("no final read succeeded", details);
        }
        return CheckResult.valid(details);
    }

    /** An add's delta and a successful read's value are integers; anything else is not a counter's history. */
    private static void requireCounterValues(History.Pair pair) {
        String f = pair.invoke().f();
        if (f.equals("add") && !pair.failed() && !integral(pair.invoke().value())) {
            throw new ModelMismatchException(pair.invoke().index(), "a counter's add takes an integer, not "
                    + pair.invoke().value());
        }
        if (f.equals("read") && pair.ok() && !integral(pair.complete().value())) {
            throw new ModelMismatchException(pair.complete().index(), "a counter's read gives an integer, not "
                    + pair.complete().value());
        }
        if (!f.equals("add") && !f.equals("read")) {
            throw new ModelMismatchException(pair.invoke().index(), f + " is not a counter's add or read");
        }
    }

    private static boolean integral(JsonNode value) {
        return value != null && value.isIntegralNumber() && value.canConvertToLong();
    }

    /** Every successful read with its bounds (for the verdict's report and the plot). */
    public static List<BoundedRead> reads(List<Op> history) {
        List<Add> adds = new ArrayList<>();
        List<History.Pair> reads = new ArrayList<>();
        for (History.Pair pair : History.pairs(history)) {
            if (pair.invoke().f().equals("add") && !pair.failed()) {
                adds.add(new Add(pair.invoke().value().asLong(), pair.invoke().time(),
                        pair.complete() == null ? Long.MAX_VALUE : pair.complete().time(), pair.ok()));
            } else if (pair.invoke().f().equals("read") && pair.ok()) {
                reads.add(pair);
            }
        }
        List<BoundedRead> bounded = new ArrayList<>();
        for (History.Pair read : reads) {
            long begin = read.invoke().time();
            long end = read.complete().time();
            long lower = 0;
            long upper = 0;
            for (Add add : adds) {
                if (add.ok() && add.completedNanos() < begin) {
                    lower += add.delta();
                    upper += add.delta();
                } else if (add.invokedNanos() < end) {
                    lower += Math.min(0, add.delta());
                    upper += Math.max(0, add.delta());
                }
            }
            bounded.add(new BoundedRead(begin, read.complete().value().asLong(), lower, upper, read.invoke().isFinal(),
                    read.invoke().node()));
        }
        return bounded;
    }
}
