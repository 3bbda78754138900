package io.stagger.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Regression: what a timer makes the node send must leave before the node waits again, not when the next input
 * arrives. (It once stayed in the output buffer until the master's next announce, so backups timed out inquiries
 * that their master had answered in time.) Here nothing is sent to the node after init: the inquiry of its first
 * detection tick must arrive when the tick fires, not at the next wake-up. One of the few tests that reads a clock:
 * the margin is 600 ms.
 */
class TimerOutputFlushTest {

    @Test
    void aMessageSentByATimerIsFlushedWithoutFurtherInput() throws Exception {
        NodeMain main = new NodeMain();
        new CommandLine(main).parseArgs("--P", "1s", "--T", "10s", "--boot", "start", "--start-allowance", "1s");
        PipedOutputStream toNode = new PipedOutputStream();
        PipedInputStream nodeStdin = new PipedInputStream(toNode, 1 << 16);
        PipedInputStream fromNode = new PipedInputStream(1 << 16);
        OutputStream nodeStdout = new PipedOutputStream(fromNode);
        Thread node = new Thread(() -> new MaelstromNode(main.options(), nodeStdout,
                new PrintStream(OutputStream.nullOutputStream())).run(nodeStdin), "node");
        node.setDaemon(true);
        node.start();
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(fromNode, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.add(line);
                }
            } catch (IOException e) {
                out.add("reader failed: " + e);
            }
        }, "reader");
        reader.setDaemon(true);
        reader.start();

        toNode.write(("{\"src\":\"c1\",\"dest\":\"n2\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
                + "\"node_id\":\"n2\",\"node_ids\":[\"n1\",\"n2\"]}}\n").getBytes(StandardCharsets.UTF_8));
        toNode.flush();

        assertThat(out.poll(10, TimeUnit.SECONDS)).contains("init_ok");
        long initOkNanos = System.nanoTime();
        // The tick comes at P = 1s; the next deadline after it is 2s. A flush that waited for the next wake-up
        // would deliver the inquiry at 2s.
        String inquiry = out.poll(5, TimeUnit.SECONDS);
        long afterMillis = (System.nanoTime() - initOkNanos) / 1_000_000;
        assertThat(inquiry).as("the first detection tick's inquiry").isNotNull().contains("\"type\":\"inquiry\"");
        assertThat(afterMillis).as("ms from init_ok to the inquiry sent at P = 1000 ms").isLessThan(1_600);
        toNode.close();
    }
}
