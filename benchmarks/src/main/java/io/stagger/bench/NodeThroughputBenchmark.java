package io.stagger.bench;

import io.stagger.runtime.BootMode;
import io.stagger.runtime.MaelstromNode;
import io.stagger.runtime.NodeOptions;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One node's stdin to stdout, in process: {@link MaelstromNode#run} over a pre-built input of {@code init} and
 * {@value #INQUIRIES} inquiries from a BACKUP to the MASTER, each answered with an {@code inquiry_ok} line. The
 * whole node runs as in production (reader thread, bounded inbox, event loop, JSON, core, buffered stdout); the
 * score is protocol messages in and answered per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class NodeThroughputBenchmark {
    /** Protocol messages per invocation: enough that starting a node (one thread, one init) is noise. */
    static final int INQUIRIES = 20_000;

    private final NodeOptions options = startOptions();
    private final PrintStream stderr = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    private byte[] stdin;

    @Setup(Level.Trial)
    public void setUp() {
        StringBuilder input = new StringBuilder();
        input.append("{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
                + "\"node_id\":\"n1\",\"node_ids\":[\"n1\",\"n2\",\"n3\"]}}\n");
        for (int i = 1; i <= INQUIRIES; i++) {
            input.append("{\"src\":\"n2\",\"dest\":\"n1\",\"body\":{\"type\":\"inquiry\",\"msg_id\":")
                    .append(i).append("}}\n");
        }
        stdin = input.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The defaults of {@code bin/stagger-node}, but always rule 8, so that node n1 is the MASTER that answers. */
    private static NodeOptions startOptions() {
        return NodeOptions.defaults().withBootMode(BootMode.START);
    }

    /** {@value #INQUIRIES} inquiries through one node, each answered. */
    @Benchmark
    @OperationsPerInvocation(INQUIRIES)
    public long inquiriesAnswered() {
        LineCounter stdout = new LineCounter();
        int exit = new MaelstromNode(options, stdout, stderr).run(new ByteArrayInputStream(stdin));
        // init_ok and one inquiry_ok per inquiry; announce may add declares if a run outlasts P.
        if (exit != 0 || stdout.lines < INQUIRIES + 1) {
            throw new IllegalStateException("the node answered " + stdout.lines + " lines, exit " + exit);
        }
        return stdout.lines;
    }

    /** Counts output lines and throws the bytes away. */
    private static final class LineCounter extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
