package io.stagger.harness.workload;

/** A workload's defaults for the options a user leaves out. */
public record Defaults(double rate, double nemesisIntervalSeconds, double latencyMillis, String latencyDist,
    double recoverySeconds, long requestTimeoutMillis) {
  /** Maelstrom's own defaults: 5 requests/s, a fault every 10 s, no latency, 10 s of recovery, 5 s time-outs. */
  public static final Defaults MAELSTROM = new Defaults(5, 10, 0, "constant", 10, 5000);
}
