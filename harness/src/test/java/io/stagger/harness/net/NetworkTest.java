package io.stagger.harness.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.harness.Problems;
import io.stagger.harness.RunClock;
import io.stagger.history.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The router's decisions between nodes: latency, partitions, loss, held traffic of a paused node, flooding. */
class NetworkTest {
    private final RunClock clock = new RunClock();
    private final Problems problems = new Problems();
    private final BlockingQueue<Envelope> n2Inbox = new LinkedBlockingQueue<>();
    private Network network;

    private void start(double latencyMillis) {
        network = new Network(clock, new Latency(Latency.Shape.CONSTANT, latencyMillis), 1, new Journal(null), problems,
                line -> { }, false, false);
        network.register("n1", envelope -> { }, true);
        network.register("n2", n2Inbox::add, true);
        network.register("n3", envelope -> { }, true);
    }

    @AfterEach
    void stop() {
        network.close();
    }

    private void send(String from, String to) {
        network.send(Envelope.of(from, to, Json.object().put("type", "ping")));
    }

    private Envelope received(long millis) throws InterruptedException {
        return n2Inbox.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Test
    void aMessageArrivesAfterTheLatency() throws InterruptedException {
        start(30);
        long sent = System.nanoTime();
        send("n1", "n2");
        assertThat(received(1000)).isNotNull();
        assertThat((System.nanoTime() - sent) / 1e6).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aPartitionDropsOnlyMessagesBetweenItsComponents() throws InterruptedException {
        start(0);
        network.partition(Map.of("n2", Set.of("n1"), "n1", Set.of("n2", "n3"), "n3", Set.of("n1")));
        send("n1", "n2");
        assertThat(received(100)).isNull();
        send("n3", "n2");
        assertThat(received(1000).src()).isEqualTo("n3");
        network.partition(Map.of());
        send("n1", "n2");
        assertThat(received(1000).src()).isEqualTo("n1");
        assertThat(network.stats().servers().delivered()).isEqualTo(2);
    }

    @Test
    void lossDropsMessagesBetweenNodes() throws InterruptedException {
        start(0);
        network.loss(1.0);
        send("n1", "n2");
        assertThat(received(100)).isNull();
        network.loss(0);
        send("n1", "n2");
        assertThat(received(1000)).isNotNull();
    }

    @Test
    void aPausedNodesTrafficIsHeldUntilItResumes() throws InterruptedException {
        start(0);
        network.pause("n2");
        send("n1", "n2");
        send("n3", "n2");
        assertThat(received(150)).isNull();
        network.resume("n2");
        assertThat(List.of(received(1000).src(), received(1000).src())).containsExactlyInAnyOrder("n1", "n3");
    }

    @Test
    void aSenderBeyondTheRateBoundIsReportedAsFlooding() throws InterruptedException {
        start(0);
        for (long i = 0; i <= 2 * Network.MAX_MESSAGES_PER_SENDER_SECOND; i++) {
            send("n3", "nobody");
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!problems.any() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(problems.list()).anySatisfy(p -> assertThat(p).startsWith("n3 floods the network"));
    }
}
