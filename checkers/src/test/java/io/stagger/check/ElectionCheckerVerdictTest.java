package io.stagger.check;

import static io.stagger.check.ElectionHistory.NODES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The election checker's convergence verdict, one row per final phase: what the nodes answered, the reason. */
class ElectionCheckerVerdictTest {
    static Stream<Arguments> finalPhases() {
        return Stream.of(
                row("no node was asked after the final recovery", h -> {},
                        "no node was asked for its master after the final recovery"),
                row("a node did not answer", h -> h
                        .answer(1000, "n1", "n1", "MASTER", true)
                        .answer(1000, "n2", "n1", "BACKUP", true)
                        .timedOut(990, 1000, "n3", true), "n3 did not answer the final master request"),
                row("a node names no master", h -> h
                        .answer(1000, "n1", "n1", "MASTER", true)
                        .answer(1000, "n2", "n1", "BACKUP", true)
                        .answer(1000, "n3", null, "WAITING", true), "the live nodes do not agree on one master after the final "
                        + "recovery: {\"n1\":\"n1 (MASTER)\",\"n2\":\"n1 (BACKUP)\",\"n3\":\"null (WAITING)\"}"),
                row("all name a node that is not live", h -> h
                        .answer(1000, "n1", "n3", "BACKUP", true)
                        .answer(1000, "n2", "n3", "BACKUP", true), "all live nodes name n3, but n3 is not a live node"),
                row("all name a node that is not MASTER", h -> h
                        .answer(1000, "n1", "n1", "BACKUP", true)
                        .answer(1000, "n2", "n1", "BACKUP", true)
                        .answer(1000, "n3", "n1", "BACKUP", true), "all live nodes name n1, but n1 reports role BACKUP"),
                row("all name one master, but two report MASTER", h -> h
                        .answer(1000, "n1", "n1", "MASTER", true)
                        .answer(1000, "n2", "n1", "MASTER", true)
                        .answer(1000, "n3", "n1", "BACKUP", true),
                        "2 nodes report role MASTER after the final recovery: "
                                + "{\"n1\":\"n1 (MASTER)\",\"n2\":\"n1 (MASTER)\",\"n3\":\"n1 (BACKUP)\"}"));
    }

    private static Arguments row(String name, Consumer<ElectionHistory> finalPhase, String reason) {
        return Arguments.of(name, finalPhase, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finalPhases")
    void judges(String name, Consumer<ElectionHistory> finalPhase, String reason) {
        ElectionHistory history = new ElectionHistory().allAgreeOn(100, "n1", NODES);
        finalPhase.accept(history);
        CheckResult result = history.check(-1);
        assertThat(result.valid()).as(name).isFalse();
        assertThat(result.reason()).isEqualTo(reason);
    }
}
