package io.stagger.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The values a counter may read, as Maelstrom's pn-counter checker computes them: the sum of acknowledged adds plus
 * any subset of the indeterminate ones, kept as closed integer ranges that merge when they touch (Maelstrom's
 * TreeRangeSet of open ranges). Each indeterminate delta d turns the set S into S ∪ (S + d).
 */
final class CounterBounds {
    /** A closed range [lower, upper] of integers. */
    record Range(long lower, long upper) {}

    /** Most ranges kept: beyond it, the gaps between the closest ranges are filled (a superset, never a false alarm). */
    static final int MAX_RANGES = 10_000;

    private List<Range> ranges;

    CounterBounds(long definite) {
        ranges = List.of(new Range(definite, definite));
    }

    /** An add of delta may or may not have happened. */
    void maybe(long delta) {
        if (delta == 0) {
            return;
        }
        List<Range> all = new ArrayList<>(ranges);
        for (Range range : ranges) {
            all.add(new Range(range.lower() + delta, range.upper() + delta));
        }
        all.sort((a, b) -> Long.compare(a.lower(), b.lower()));
        List<Range> merged = new ArrayList<>();
        for (Range range : all) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && range.lower() <= last.upper() + 1) {
                merged.set(merged.size() - 1, new Range(last.lower(), Math.max(last.upper(), range.upper())));
            } else {
                merged.add(range);
            }
        }
        while (merged.size() > MAX_RANGES) {
            merged.set(0, new Range(merged.get(0).lower(), merged.get(1).upper()));
            merged.remove(1);
        }
        ranges = List.copyOf(merged);
    }

    boolean contains(long value) {
        for (Range range : ranges) {
            if (value >= range.lower() && value <= range.upper()) {
                return true;
            }
        }
        return false;
    }

    List<Range> ranges() {
        return ranges;
    }
}
