package io.stagger.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.maelstrom.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The product's node on the library's manual clock: its timers are the library's, so a backup's detection, its
 * inquiry's time-out and its election run in virtual time, with no process, no thread and no sleep.
 */
class VirtualTimeTest {
    private final ManualClock clock = new ManualClock();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final MaelstromNode node;
    private int read;

    VirtualTimeTest() {
        NodeMain main = new NodeMain();
        new CommandLine(main).parseArgs("--P", "1s", "--T", "200ms", "--B", "300ms", "--D", "50ms", "--boot", "start",
                "--start-allowance", "1s", "--incarnation", "1");
        node = new MaelstromNode(main.options(), clock, out, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), FrontDoors.PRODUCT);
    }

    /** Moves the clock to {@code millis} and fires what is due; returns the lines written since the last call. */
    private List<String> at(long millis) {
        clock.set(Duration.ofMillis(millis).toNanos());
        node.fireDueTimers();
        return written();
    }

    private List<String> written() {
        node.flushOutput();
        String text = out.toString(StandardCharsets.UTF_8);
        List<String> lines = text.substring(read).lines().toList();
        read = text.length();
        return lines;
    }

    @Test
    void aBackupInquiresAtPTimesOutAfterTAndDeclaresAfterItsElectionDelay() {
        node.handleLine("{\"src\":\"c1\",\"dest\":\"n2\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
                + "\"node_id\":\"n2\",\"node_ids\":[\"n1\",\"n2\"]}}");
        assertThat(written()).anySatisfy(line -> assertThat(line).contains("init_ok"));

        assertThat(at(999)).noneSatisfy(line -> assertThat(line).contains("\"inquiry\""));
        assertThat(at(1000)).anySatisfy(line -> assertThat(line).contains("\"dest\":\"n1\"")
                .contains("\"type\":\"inquiry\""));
        assertThat(at(1199)).noneSatisfy(line -> assertThat(line).contains("declare"));
        at(1200); // no inquiry_ok within T: n1 is taken as failed, and n2 waits its election delay (B: it is the
                  // strongest candidate left)
        assertThat(at(1499)).noneSatisfy(line -> assertThat(line).contains("declare"));
        assertThat(at(1500)).anySatisfy(line -> assertThat(line).contains("\"dest\":\"n1\"")
                .contains("\"type\":\"declare\"").contains("\"master\":\"n2\""));

        node.handleLine("{\"src\":\"c1\",\"dest\":\"n2\",\"body\":{\"type\":\"master\",\"msg_id\":2}}");
        assertThat(written()).singleElement().asString().contains("\"role\":\"MASTER\"").contains("\"elections\":1");
    }
}
