package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Nearest-rank percentiles and the summary reports print, on samples small enough to check by hand. */
class PercentilesTest {
    /** 1, 2, ..., 100 ms. */
    private static final double[] HUNDRED = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

    static Stream<Arguments> ranks() {
        return Stream.of(
                Arguments.of(0.0, 1.0),
                Arguments.of(0.01, 1.0),
                Arguments.of(0.5, 50.0),
                Arguments.of(0.95, 95.0),
                Arguments.of(0.99, 99.0),
                Arguments.of(1.0, 100.0));
    }

    @ParameterizedTest(name = "q={0}")
    @MethodSource("ranks")
    void theNearestRankOfAHundredValuesIsTheValueAtThatRank(double quantile, double value) {
        assertThat(Percentiles.of(HUNDRED, quantile)).isEqualTo(value);
    }

    @Test
    void anEmptySampleHasNoPercentiles() {
        assertThat(Percentiles.of(new double[0], 0.5)).isNaN();
        assertThat(Percentiles.summary(new double[0]).toString()).isEqualTo("{\"count\":0}");
    }

    @Test
    void theSummarySortsItsSampleAndRoundsToATenthOfAMillisecond() {
        ObjectNode summary = Percentiles.summary(new double[] {7.25, 1.04, 3.0, 9.96, 2.0});
        assertThat(summary.toString())
                .isEqualTo("{\"count\":5,\"min\":1.0,\"p50\":3.0,\"p95\":10.0,\"p99\":10.0,\"max\":10.0}");
    }
}
