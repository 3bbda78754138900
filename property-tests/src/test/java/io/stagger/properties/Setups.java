package io.stagger.properties;

import io.stagger.core.Config;
import io.stagger.core.DelayBounds;
import io.stagger.core.RankRule;
import io.stagger.core.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Arbitraries of groups and configurations that shrink towards the simplest: two servers, ranks by position, one
 * delay bound for all pairs, short timers. T always covers the inquiry round trip (T ≥ 2 max d), as PROTOCOL.md §6
 * assumes, and P exceeds T.
 */
final class Setups {
    static final int MAX_SERVERS = 9;

    private Setups() {}

    /** Every variant set. */
    static Arbitrary<Set<Variant>> anyVariants() {
        return Arbitraries.subsetOf(Variant.values()).map(Setups::copy);
    }

    /**
     * Every variant set that has {@code required}; the variant named by the system property {@code stagger.without}
     * is then taken out again, to watch a property fail without the variant that makes it hold (for example
     * {@code -Dstagger.without=patient}).
     */
    static Arbitrary<Set<Variant>> anyVariantsWith(Variant... required) {
        String without = System.getProperty("stagger.without");
        return anyVariants().map(variants -> {
            variants.addAll(List.of(required));
            if (without != null && !without.isBlank()) {
                variants.removeAll(Variant.parseList(without));
            }
            return variants;
        });
    }

    /** Exactly {@code variants}. */
    static Arbitrary<Set<Variant>> exactly(Set<Variant> variants) {
        return Arbitraries.just(copy(variants));
    }

    /** Groups of 2 to 9 servers with {@code variants}. */
    static Arbitrary<Setup> setups(Arbitrary<Set<Variant>> variants) {
        return setups(variants, 0);
    }

    /** Groups of 2 to 9 servers with {@code variants}, every delay bound at least {@code minDelayMillis}. */
    static Arbitrary<Setup> setups(Arbitrary<Set<Variant>> variants, int minDelayMillis) {
        return Arbitraries.integers().between(2, MAX_SERVERS)
                .flatMap(n -> setups(n, variants, delayBounds(n, minDelayMillis)));
    }

    /** Groups of 2 to 9 servers with {@code variants} and one delay bound D for all pairs. */
    static Arbitrary<Setup> uniformSetups(Arbitrary<Set<Variant>> variants) {
        return Arbitraries.integers().between(2, MAX_SERVERS).flatMap(n -> setups(n, variants, uniform(0)));
    }

    private static Arbitrary<Setup> setups(int n, Arbitrary<Set<Variant>> variants, Arbitrary<DelayBounds> bounds) {
        Arbitrary<Integer> extraTMillis = Arbitraries.integers().between(1, 50);
        Arbitrary<Integer> extraPMillis = Arbitraries.integers().between(1, 150);
        Arbitrary<Integer> baseMillis = Arbitraries.integers().between(0, 100);
        return Combinators.combine(variants, bounds, extraTMillis, extraPMillis, baseMillis, rankRules(n))
                .as((vs, d, extraT, extraP, base, ranks) -> {
                    Duration inquiryTimeout = Duration.ofNanos(2 * d.maxMicros() * 1_000)
                            .plusMillis(extraT);
                    Duration period = inquiryTimeout.plusMillis(extraP);
                    Config config = new Config(vs, period, inquiryTimeout, Duration.ofMillis(base), d, ranks);
                    return new Setup(ids(n), config);
                });
    }

    /** One bound D for all pairs, or a matrix d(k, j) of bounds up to 30ms. */
    private static Arbitrary<DelayBounds> delayBounds(int n, int minDelayMillis) {
        Arbitrary<DelayBounds> matrix = Arbitraries.integers().between(minDelayMillis, 30).list().ofSize(n * n)
                .map(cells -> matrix(n, cells));
        return Arbitraries.oneOf(uniform(minDelayMillis), matrix);
    }

    private static Arbitrary<DelayBounds> uniform(int minDelayMillis) {
        return Arbitraries.integers().between(minDelayMillis, 30)
                .map(ms -> new DelayBounds.Uniform(Duration.ofMillis(ms)));
    }

    private static DelayBounds matrix(int n, List<Integer> cellsMillis) {
        List<String> ids = ids(n);
        Map<String, Map<String, Duration>> rows = new LinkedHashMap<>();
        for (int from = 0; from < n; from++) {
            Map<String, Duration> row = new LinkedHashMap<>();
            for (int to = 0; to < n; to++) {
                if (from != to) {
                    row.put(ids.get(to), Duration.ofMillis(cellsMillis.get(from * n + to)));
                }
            }
            rows.put(ids.get(from), row);
        }
        return new DelayBounds.Matrix(rows, Duration.ZERO);
    }

    /** Ranks by position, or by capability (claims 20-21: higher is stronger, ties by id). */
    private static Arbitrary<RankRule> rankRules(int n) {
        Arbitrary<RankRule> byCapability = Arbitraries.longs().between(1, 5).list().ofSize(n).map(capabilities -> {
            Map<String, Long> capability = new HashMap<>();
            for (int i = 0; i < n; i++) {
                capability.put(ids(n).get(i), capabilities.get(i));
            }
            return new RankRule.ByCapability(capability);
        });
        return Arbitraries.oneOf(Arbitraries.just(new RankRule.ByPosition()), byCapability);
    }

    static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add("n" + i);
        }
        return ids;
    }

    private static Set<Variant> copy(Set<Variant> variants) {
        return variants.isEmpty() ? EnumSet.noneOf(Variant.class) : EnumSet.copyOf(variants);
    }
}
