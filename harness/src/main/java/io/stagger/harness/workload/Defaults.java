package io.stagger.harness.workload;

/** A workload's defaults for the options a user leaves out. */
public record Defaults(double rate, double nemesisIntervalSeconds, double latencyMillis, String latencyDist,
        double recoverySeconds, long requestTimeoutMillis) {
    /** Maelstrom's own defaults: 5 requests/s, a fault every 10 s, no latency, 10 s of recovery, 5 s time-outs. */
    public static final Defaults MAELSTROM = new Defaults(5, 10, 0, "constant", 10, 5000);

    /**
     * The product's workloads (election, conference): 50 requests/s probe each of 5 nodes every 100 ms; a fault every
     * 5 s; 0-5 ms latency; 5 s of recovery; a 1 s time-out, so that a client of a killed node soon probes it again
     * after its restart, or reattaches to another node.
     */
    public static final Defaults PRODUCT = new Defaults(50, 5, 2.5, "uniform", 5, 1000);
}
