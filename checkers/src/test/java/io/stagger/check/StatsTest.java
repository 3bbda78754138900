package io.stagger.check;

import static io.stagger.check.TestPairs.pair;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.history.History;
import io.stagger.history.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jepsen's stats checker and the latency summary on a handful of operations. */
class StatsTest {
    /** Reads: 10 ms and 30 ms ok, one failed, one info, one never completed; a 2 ms write; cas never succeeded. */
    private static final List<History.Pair> PAIRS = List.of(
            pair("read", Op.Type.OK, 0, 10),
            pair("read", Op.Type.OK, 20, 50),
            pair("read", Op.Type.FAIL, 60, 70),
            pair("read", Op.Type.INFO, 80, 90),
            pair("read", null, 100, 0),
            pair("write", Op.Type.OK, 110, 112),
            pair("cas", Op.Type.FAIL, 120, 130),
            pair("cas", Op.Type.INFO, 140, 150));

    @Test
    void countsEachFunctionsOutcomesAndIsInvalidWhenOneNeverSucceeded() {
        CheckResult result = Stats.check(PAIRS);
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo("no cas operation ever succeeded");
        assertThat(result.details().toString()).isEqualTo("{\"by-f\":{"
                + "\"cas\":{\"count\":2,\"ok-count\":0,\"fail-count\":1,\"info-count\":1},"
                + "\"read\":{\"count\":5,\"ok-count\":2,\"fail-count\":1,\"info-count\":2},"
                + "\"write\":{\"count\":1,\"ok-count\":1,\"fail-count\":0,\"info-count\":0}},"
                + "\"count\":8,\"ok-count\":3}");
    }

    @Test
    void isValidWhenEveryFunctionSucceededAtLeastOnce() {
        CheckResult result = Stats.check(PAIRS.subList(0, 6));
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.reason()).isNull();
    }

    @Test
    void summarisesTheLatencyOfSuccessfulOperationsOverallAndPerFunction() {
        assertThat(Stats.latency(PAIRS).toString()).isEqualTo("{"
                + "\"ok\":{\"count\":3,\"min\":2.0,\"p50\":10.0,\"p95\":30.0,\"p99\":30.0,\"max\":30.0},"
                + "\"by-f\":{"
                + "\"read\":{\"count\":2,\"min\":10.0,\"p50\":10.0,\"p95\":30.0,\"p99\":30.0,\"max\":30.0},"
                + "\"write\":{\"count\":1,\"min\":2.0,\"p50\":2.0,\"p95\":2.0,\"p99\":2.0,\"max\":2.0}}}");
    }
}
