package io.stagger.check;

import static io.stagger.check.TestPairs.pair;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.history.History;
import io.stagger.history.Op;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Maelstrom's --availability on three successes out of four operations, one row per requirement. */
class AvailabilityTest {
    private static final List<History.Pair> THREE_OF_FOUR = List.of(
            pair("read", Op.Type.OK, 0, 1), pair("read", Op.Type.FAIL, 2, 3), pair("write", Op.Type.OK, 4, 5),
            pair("write", Op.Type.OK, 6, 7));

    static Stream<Arguments> requirements() {
        return Stream.of(
                Arguments.of(null, null),
                Arguments.of("0.5", null),
                Arguments.of("0.75", null),
                Arguments.of("0.8", "only 75.00% of operations succeeded, 80.0% required"),
                Arguments.of("total", "only 75.00% of operations succeeded, all required"));
    }

    @ParameterizedTest(name = "expected {0}")
    @MethodSource("requirements")
    void judgesTheFractionThatSucceeded(String expected, String reason) {
        CheckResult result = Availability.check(THREE_OF_FOUR, expected);
        assertThat(result.valid()).isEqualTo(reason == null);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.details().get("ok-fraction").asDouble()).isEqualTo(0.75);
        assertThat(result.details().get("ok-count").asInt()).isEqualTo(3);
        assertThat(result.details().get("op-count").asInt()).isEqualTo(4);
        assertThat(result.details().path("expected").asText(null)).isEqualTo(expected);
    }

    @Test
    void noOperationsAreTotallyAvailable() {
        CheckResult result = Availability.check(List.of(), "total");
        assertThat(result.valid()).isTrue();
        assertThat(result.details().get("ok-fraction").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theFractionIsRoundedToFourDecimals() {
        CheckResult result = Availability.check(THREE_OF_FOUR.subList(1, 4), null);
        assertThat(result.details().get("ok-fraction").asDouble()).isEqualTo(0.6667);
    }
}
