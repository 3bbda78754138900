package io.stagger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** E(i) of PROTOCOL.md §2 (claims 10-13) against values computed by hand, and against the formula itself. */
class ElectionDelaysTest {

    private static Config config(DelayBounds bounds) {
        return new Config(EnumSet.noneOf(Variant.class), Duration.ofMillis(100), Duration.ofMillis(50),
                Duration.ofMillis(100), bounds, new RankRule.ByPosition());
    }

    private static final Group FOUR = Group.of(List.of("n1", "n2", "n3", "n4"), new RankRule.ByPosition());

    @ParameterizedTest(name = "uniform D=20ms: E({0}) after {1} failed = {2}us")
    @CsvSource({
        // self, failed master, E in microseconds: B + (position among the candidates) * D
        "n2, n1, 100000",  // candidates n2 n3 n4: n2 is first
        "n3, n1, 120000",
        "n4, n1, 140000",
        "n1, n2, 100000",  // the old master n1 came back and n2 failed: n1 is still first
        "n3, n2, 120000",  // candidates n1 n3 n4
        "n4, n2, 140000",
        "n2, n3, 120000",  // the failed master is weaker than self: position unchanged
        "n4, n3, 140000",
        "n2, none, 120000", // rule 9: nobody excluded
        "n4, none, 160000",
    })
    void uniform(String self, String failed, long expectedMicros) {
        ElectionDelays delays = ElectionDelays.compute(self, FOUR,
                config(new DelayBounds.Uniform(Duration.ofMillis(20))));
        long actual = failed.equals("none") ? delays.withNoneFailedMicros() : delays.afterFailureOfMicros(failed);
        assertThat(actual).isEqualTo(expectedMicros);
    }

    /**
     * A matrix computed by hand. d(k, j) in ms:
     * <pre>
     *        n1  n2  n3  n4
     *   n1    -   5  10  40
     *   n2    7   -  10  30
     *   n3    9   8   -  12
     *   n4    3   6   2   -
     * </pre>
     */
    private static final DelayBounds MATRIX = new DelayBounds.Matrix(Map.of(
            "n1", Map.of("n2", ms(5), "n3", ms(10), "n4", ms(40)),
            "n2", Map.of("n1", ms(7), "n3", ms(10), "n4", ms(30)),
            "n3", Map.of("n1", ms(9), "n2", ms(8), "n4", ms(12)),
            "n4", Map.of("n1", ms(3), "n2", ms(6), "n3", ms(2))), ms(1000));

    @ParameterizedTest(name = "matrix: E({0}) after {1} failed = {2}us")
    @CsvSource({
        // n2 after n1 failed: L = {}, E = B
        "n2, n1, 100000",
        // n3 after n1 failed: L = {n2}, H = {n3, n4}: max(d(n2,n3)=10, d(n2,n4)=30) = 30
        "n3, n1, 130000",
        // n4 after n1 failed: L = {n2, n3}, H = {n4}: d(n2,n4)=30 + d(n3,n4)=12
        "n4, n1, 142000",
        // n3 after n4 failed: L = {n1, n2}, H = {n3}: d(n1,n3)=10 + d(n2,n3)=10
        "n3, n4, 120000",
        // n2 after n4 failed: L = {n1}, H = {n2, n3}: max(5, 10) = 10
        "n2, n4, 110000",
        // n2 after n3 failed: L = {n1}, H = {n2, n4}: max(5, 40) = 40
        "n2, n3, 140000",
        // n3 after n2 failed: L = {n1}, H = {n3, n4}: max(10, 40) = 40
        "n3, n2, 140000",
        // n3, nobody failed: L = {n1, n2}, H = {n3, n4}: max(10,40) + max(10,30) = 70
        "n3, none, 170000",
    })
    void matrix(String self, String failed, long expectedMicros) {
        ElectionDelays delays = ElectionDelays.compute(self, FOUR, config(MATRIX));
        long actual = failed.equals("none") ? delays.withNoneFailedMicros() : delays.afterFailureOfMicros(failed);
        assertThat(actual).isEqualTo(expectedMicros);
    }

    @Test
    void theFastPathAgreesWithTheFormulaOnRandomMatrices() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(9);
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                ids.add("n" + i);
            }
            Map<String, Map<String, Duration>> cells = new HashMap<>();
            for (String k : ids) {
                for (String j : ids) {
                    if (!k.equals(j) && random.nextInt(5) > 0) {
                        // few distinct values, so that ties between maxima are common
                        cells.computeIfAbsent(k, x -> new HashMap<>()).put(j, ms(random.nextInt(4) * 10));
                    }
                }
            }
            DelayBounds bounds = new DelayBounds.Matrix(cells, ms(15));
            Config config = config(bounds);
            Group group = Group.of(ids, new RankRule.ByPosition());
            for (String self : ids) {
                ElectionDelays delays = ElectionDelays.compute(self, group, config);
                assertThat(delays.withNoneFailedMicros()).isEqualTo(byFormula(self, null, group, config));
                for (String failed : ids) {
                    if (!failed.equals(self)) {
                        assertThat(delays.afterFailureOfMicros(failed))
                                .as("E(%s) after %s failed, n=%d, round %d", self, failed, n, round)
                                .isEqualTo(byFormula(self, failed, group, config));
                    }
                }
            }
        }
    }

    /** PROTOCOL.md §2 written out literally: O(n²) per call. */
    private static long byFormula(String self, String failed, Group group, Config config) {
        long sum = Durations.micros(config.electionBase());
        List<String> candidates = group.ids().stream().filter(id -> !id.equals(failed)).toList();
        for (String k : candidates) {
            if (group.rank(k) >= group.rank(self)) {
                continue;
            }
            long max = 0;
            for (String j : candidates) {
                if (group.rank(j) >= group.rank(self)) {
                    max = Math.max(max, config.delayBounds().boundMicros(k, j));
                }
            }
            sum += max;
        }
        return sum;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
