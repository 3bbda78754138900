package io.stagger.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.stagger.harness.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The WGL search on small register histories, one row per case: "f arg→result [invoke, complete]". */
class LinearizabilityTest {
  static Stream<Arguments> histories() {
    return Stream.of(
        Arguments.of("a read of the initial null", true, List.of("read -> null 0 1")),
        Arguments.of("write then read", true, List.of("write 1 0 1", "read -> 1 2 3")),
        Arguments.of("a stale read after a completed write", false, List.of("write 1 0 1", "read -> null 2 3")),
        Arguments.of("a read concurrent with a write may see either", true,
            List.of("write 1 0 5", "read -> null 1 2", "read -> 1 3 4")),
        Arguments.of("once the new value is seen, the old one cannot come back", false,
            List.of("write 1 0 10", "read -> 1 1 2", "read -> null 3 4")),
        Arguments.of("cas succeeds only from the current value", true,
            List.of("write 1 0 1", "cas 1 2 2 3", "read -> 2 4 5")),
        Arguments.of("a successful cas from a value the register never had", false,
            List.of("write 1 0 1", "cas 3 4 2 3")),
        Arguments.of("an indeterminate write may take effect late", true,
            List.of("write? 1 0 1", "read -> null 2 3", "read -> 1 4 5")),
        Arguments.of("an indeterminate write may never take effect", true,
            List.of("write? 1 0 1", "read -> null 2 3")),
        Arguments.of("an indeterminate cas that cannot apply is harmless", true,
            List.of("cas? 7 8 0 1", "write 2 2 3", "read -> 2 4 5")),
        Arguments.of("two writes, reads in the wrong order", false,
            List.of("write 1 0 1", "write 2 2 3", "read -> 2 4 5", "read -> 1 6 7")),
        Arguments.of("concurrent writes: the read sees the one the search tries first", true,
            List.of("write 1 0 10", "write 2 0 10", "read -> 2 20 21")),
        Arguments.of("concurrent writes: the read sees the one the search must backtrack to", true,
            List.of("write 1 0 10", "write 2 0 10", "read -> 1 20 21")),
        Arguments.of("a write that returned the instant a read began precedes it", false,
            List.of("read -> null 1 2", "write 1 0 1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void decides(String name, boolean linearizable, List<String> rows) {
    List<RegisterOp> ops = parseAll(rows);
    Linearizability.Outcome outcome = Linearizability.check(ops);
    assertThat(outcome.linearizable()).as(name).isEqualTo(linearizable);
    if (!linearizable) {
      assertThat(outcome.stuckAt()).isNotBlank();
    }
  }

  /** The rows as operations, numbered in order. */
  static List<RegisterOp> parseAll(List<String> rows) {
    List<RegisterOp> ops = new ArrayList<>();
    for (String row : rows) {
      ops.add(parse(ops.size(), row));
    }
    return ops;
  }

  private static RegisterOp parse(int id, String row) {
    String[] w = row.split(" ");
    boolean indeterminate = w[0].endsWith("?");
    String f = w[0].replace("?", "");
    switch (f) {
      case "read":
        return new RegisterOp(id, f, NullNode.instance, value(w[2]), at(w[3]), at(w[4]), false);
      case "write":
        return new RegisterOp(id, f, value(w[1]), null, at(w[2]), at(w[3]), indeterminate);
      default:
        JsonNode pair = Json.MAPPER.createArrayNode().add(Integer.parseInt(w[1])).add(Integer.parseInt(w[2]));
        return new RegisterOp(id, f, pair, null, at(w[3]), at(w[4]), indeterminate);
    }
  }

  private static JsonNode value(String text) {
    return text.equals("null") ? NullNode.instance : IntNode.valueOf(Integer.parseInt(text));
  }

  private static long at(String text) {
    return Long.parseLong(text);
  }
}
