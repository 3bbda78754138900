package io.stagger.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.stagger.harness.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the WGL search reports when a history is not linearizable: the operation it could not place, in words. */
class LinearizabilityReportTest {
  @Test
  void reportsTheFirstOperationThatCouldNotBePlacedAtTheDeepestPoint() {
    // Both orders of the concurrent writes get three operations deep; the first to get there fails at the read of 1.
    Linearizability.Outcome outcome = Linearizability.check(LinearizabilityTest.parseAll(List.of(
        "write 1 0 1000000000", "write 2 0 1000000000",
        "read -> 1 2000000000 2100000000", "read -> 2 2000000000 2100000000")));
    assertThat(outcome.linearizable()).isFalse();
    assertThat(outcome.stuckAt()).isEqualTo("read → 1 invoked at 2.000 s");
  }

  static Stream<Arguments> operations() {
    return Stream.of(
        Arguments.of(new RegisterOp(0, "read", NullNode.instance, IntNode.valueOf(3), 250_000_000L, 300_000_000L,
            false), "read → 3 invoked at 0.250 s"),
        Arguments.of(new RegisterOp(1, "write", IntNode.valueOf(1), null, 1_500_000_000L, 1_600_000_000L, true),
            "write 1 (indeterminate) invoked at 1.500 s"),
        Arguments.of(new RegisterOp(2, "cas", Json.MAPPER.createArrayNode().add(1).add(2), null, 2_000_000_000L,
            2_100_000_000L, false), "cas [1,2] invoked at 2.000 s"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("operations")
  void namesAnOperationByWhatItDidAndWhenItBegan(RegisterOp op, String words) {
    assertThat(op.toString()).isEqualTo(words);
  }
}
