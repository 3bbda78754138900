package io.stagger.harness.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the router sends a node reaches its stdin whole and in order; a node that stops reading is reported. */
class NodeProcessTest {
    @TempDir
    Path directory;

    /** Records what a node process tells its owner. */
    private static final class Recorder implements NodeProcess.Listener {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> inputFull = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch expected;

        Recorder(int lines) {
            expected = new CountDownLatch(lines);
        }

        @Override
        public void line(byte[] bytes, int offset, int length) {
            lines.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
            expected.countDown();
        }

        @Override
        public void endOfRead() {}

        @Override
        public void problem(String description) {}

        @Override
        public void inputFull(int waiting) {
            inputFull.add(waiting);
        }

        @Override
        public void exited(int status, List<String> stderrTail) {}
    }

    private NodeProcess start(String program, Recorder recorder) throws IOException {
        return new NodeProcess("n1", List.of(program), directory.toFile(), directory.resolve("n1.log"), false,
                recorder);
    }

    @Test
    void linesSentInBurstsComeBackInOrder() throws Exception {
        int count = 20_000;
        Recorder recorder = new Recorder(count);
        NodeProcess cat = start("cat", recorder);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String line = "{\"n\":" + i + ",\"pad\":\"" + "p".repeat(i % 97) + "\"}";
            sent.add(line);
            cat.send(line.getBytes(StandardCharsets.UTF_8));
            if (i % 1_000 == 999) {
                cat.flush();
            }
        }
        cat.flush();
        assertThat(recorder.expected.await(20, TimeUnit.SECONDS)).as("lines echoed").isTrue();
        cat.destroy();
        assertThat(recorder.lines).containsExactlyElementsOf(sent);
        assertThat(recorder.inputFull).isEmpty();
    }

    @Test
    void aNodeThatDoesNotReadItsInputIsReportedOnce() throws Exception {
        Recorder recorder = new Recorder(0);
        NodeProcess sleeper = new NodeProcess("n1", List.of("sleep", "30"), directory.toFile(),
                directory.resolve("n1.log"), false, recorder);
        byte[] line = "{}".getBytes(StandardCharsets.UTF_8);
        try {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < NodeProcess.STDIN_QUEUE; j++) {
                    sleeper.send(line);
                }
                sleeper.flush();
            }
        } finally {
            sleeper.destroy();
        }
        assertThat(recorder.inputFull).containsExactly(NodeProcess.STDIN_QUEUE);
    }
}
