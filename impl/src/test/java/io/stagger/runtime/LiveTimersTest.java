package io.stagger.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * One of the few tests with real time: a node with short timers, whose master never answers, detects the failure,
 * waits its election delay and declares; then yields to a stronger declarer. It checks that the runtime's event loop
 * drives the core's timers, not the protocol (which the core tests cover without clocks).
 */
class LiveTimersTest {
    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void aSilentMasterIsDetectedAndReplacedThenAStrongerDeclarerWins() throws Exception {
        NodeMain main = new NodeMain();
        new CommandLine(main).parseArgs("--P", "20ms", "--T", "10ms", "--B", "10ms", "--D", "5ms", "--boot", "start");
        PipedOutputStream toNode = new PipedOutputStream();
        PipedInputStream nodeStdin = new PipedInputStream(toNode, 1 << 16);
        PipedInputStream fromNode = new PipedInputStream(1 << 16);
        OutputStream nodeStdout = new PipedOutputStream(fromNode);

        MaelstromNode node = new MaelstromNode(main.options(), nodeStdout,
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            int code = node.run(nodeStdin);
            try {
                nodeStdout.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return code;
        });
        java.util.concurrent.BlockingQueue<String> out = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(fromNode, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.add(line);
                }
            } catch (IOException e) {
                out.add("{\"reader\":\"" + e.getMessage() + "\"}");
            }
        }, "test-stdout-reader");
        reader.setDaemon(true);
        reader.start();

        send(toNode, "{\"src\":\"c1\",\"dest\":\"n2\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
                + "\"node_id\":\"n2\",\"node_ids\":[\"n1\",\"n2\",\"n3\"]}}");
        assertThat(next(out).path("body").path("type").asText()).isEqualTo("init_ok");

        JsonNode inquiry = next(out);
        assertThat(inquiry.path("dest").asText()).isEqualTo("n1");
        assertThat(inquiry.path("body").path("type").asText()).isEqualTo("inquiry");

        // n1 stays silent: after T the node waits E = B (it is the strongest candidate), then declares to all.
        JsonNode first = next(out);
        JsonNode second = next(out);
        assertThat(first.path("body").path("type").asText()).isEqualTo("declare");
        assertThat(first.path("body").path("epoch").asLong()).isEqualTo(1);
        assertThat(java.util.List.of(first.path("dest").asText(), second.path("dest").asText()))
                .containsExactlyInAnyOrder("n1", "n3");

        send(toNode, "{\"src\":\"n1\",\"dest\":\"n2\",\"body\":{\"type\":\"declare\",\"master\":\"n1\",\"epoch\":1}}");
        send(toNode, "{\"src\":\"c1\",\"dest\":\"n2\",\"body\":{\"type\":\"master\",\"msg_id\":2}}");
        JsonNode masterOk = nextOfType(out, "master_ok");
        assertThat(masterOk.path("body").path("master").asText()).isEqualTo("n1");
        assertThat(masterOk.path("body").path("role").asText()).isEqualTo("BACKUP");

        toNode.close();
        assertThat(exit.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("election timer: WAITING -> MASTER");
    }

    private static void send(OutputStream to, String line) throws IOException {
        to.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        to.flush();
    }

    private JsonNode next(java.util.concurrent.BlockingQueue<String> out) throws Exception {
        String line = out.poll(5, TimeUnit.SECONDS);
        assertThat(line).as("a line from the node; its log so far:\n" + stderr).isNotNull();
        return json.readTree(line);
    }

    private JsonNode nextOfType(java.util.concurrent.BlockingQueue<String> out, String type) throws Exception {
        for (int i = 0; i < 20; i++) {
            JsonNode message = next(out);
            if (message.path("body").path("type").asText().equals(type)) {
                return message;
            }
        }
        throw new AssertionError("no " + type + " among the next 20 lines");
    }
}
