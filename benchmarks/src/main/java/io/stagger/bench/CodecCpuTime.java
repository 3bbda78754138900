package io.stagger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link CodecBenchmark}'s {@code parse} and {@code write}, timed by the measuring thread's CPU time rather than the
 * wall clock: on a machine shared with other work a preempted thread's wall time counts the time it waited for a
 * core, its CPU time does not. Not a JMH benchmark (JMH times the wall clock); the same code, state and messages.
 * For each message type, in one JVM: ROUNDS rounds (default 40) of BATCH parses then BATCH writes (default
 * 200,000), the first 5 rounds as warm-up; prints the least CPU time per op of the other rounds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.stagger.bench.CodecCpuTime [ROUNDS [BATCH]]
 * </pre>
 */
public final class CodecCpuTime {
    private static final int WARM_UP_ROUNDS = 5;

    private CodecCpuTime() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (String type : new String[] {"inquiry", "inquiry_ok", "declare", "revoke"}) {
            CodecBenchmark benchmark = new CodecBenchmark();
            benchmark.type = type;
            benchmark.setUp();
            double parseNanos = Double.MAX_VALUE;
            double writeNanos = Double.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < batch; i++) {
                    sink += benchmark.parse().hashCode();
                }
                long parsed = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < batch; i++) {
                    sink += benchmark.write();
                }
                long written = threads.getCurrentThreadCpuTime();
                if (round >= WARM_UP_ROUNDS) {
                    parseNanos = Math.min(parseNanos, (parsed - start) / (double) batch);
                    writeNanos = Math.min(writeNanos, (written - parsed) / (double) batch);
                }
            }
            System.out.printf("%-10s  parse %6.1f ns of CPU  write %6.1f ns of CPU%n", type, parseNanos, writeNanos);
        }
        if (sink == 42) {
            System.out.println(); // keeps the results in use
        }
    }
}
