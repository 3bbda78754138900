package io.stagger.harness.check;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation on a single register for the linearizability search: read, write or cas, its interval, and
 * whether its outcome is unknown (an info op: it may have taken effect at any time after its invocation, or never).
 */
public record RegisterOp(int id, String f, JsonNode argument, JsonNode result, long invokeNanos, long completeNanos,
    boolean indeterminate) {

  /** The register after this op from state, or null when the op cannot have happened in that state. */
  JsonNode step(JsonNode state) {
    switch (f) {
      case "read":
        return state.equals(result) ? state : null;
      case "write":
        return argument;
      case "cas":
        if (state.equals(argument.get(0))) {
          return argument.get(1);
        }
        return indeterminate ? state : null;
      default:
        throw new IllegalArgumentException("not a register operation: " + f);
    }
  }

  @Override
  public String toString() {
    String what = f.equals("read") ? "read → " + result : f + " " + argument;
    return what + (indeterminate ? " (indeterminate)" : "") + " invoked at "
        + String.format(java.util.Locale.ROOT, "%.3f s", invokeNanos / 1e9);
  }
}
