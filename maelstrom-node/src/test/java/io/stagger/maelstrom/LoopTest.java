package io.stagger.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event loop itself ({@link Node#run(Input)}) on a scripted input and a manual clock: waiting for input moves the
 * clock, so the loop runs in virtual time, with no thread and no sleep.
 */
class LoopTest {
    private final ManualClock clock = new ManualClock();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Node node = new Node(clock, out, new PrintStream(err, true, StandardCharsets.UTF_8));

    /** Lines that arrive at given times; a wait moves the clock; with {@code stallUntil}, one wait oversleeps. */
    private final class Script implements Input {
        private final Deque<long[]> times = new ArrayDeque<>();
        private final Deque<Item> items = new ArrayDeque<>();
        final List<String> outputWhenBlocking = new ArrayList<>();
        long stallUntil = -1;

        Script at(long millis, Item item) {
            times.add(new long[] {Duration.ofMillis(millis).toNanos()});
            items.add(item);
            return this;
        }

        Script at(long millis, String line) {
            return at(millis, new Line(line));
        }

        @Override
        public Item next(long maxWaitNanos) {
            if (maxWaitNanos > 0) {
                outputWhenBlocking.add(out.toString(StandardCharsets.UTF_8));
                if (stallUntil >= 0) { // the process is not scheduled: it wakes up late, with input queued meanwhile
                    clock.set(Duration.ofMillis(stallUntil).toNanos());
                    stallUntil = -1;
                    return null;
                }
            }
            if (items.isEmpty()) {
                return End.END;
            }
            long arrival = times.peek()[0];
            if (arrival > clock.nanos()) {
                if (maxWaitNanos != FOREVER && arrival > clock.nanos() + maxWaitNanos) {
                    clock.set(clock.nanos() + maxWaitNanos);
                    return null;
                }
                if (maxWaitNanos == 0) {
                    return null;
                }
                clock.set(arrival);
            }
            times.poll();
            return items.poll();
        }
    }

    private static String init() {
        return "{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\",\"node_ids\":[\"n1\",\"n2\"]}}";
    }

    private static String echo(int msgId) {
        return "{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"echo\",\"msg_id\":" + msgId + ",\"echo\":\"x\"}}";
    }

    @Test
    void everythingWrittenIsFlushedBeforeTheLoopWaits() {
        node.on("echo", request -> node.reply(request, request.body().put("type", "echo_ok")));
        Script script = new Script().at(0, init()).at(10, echo(2)).at(10, echo(3)).at(20, echo(4));
        assertThat(node.run(script)).isZero();
        // Waits after init and after the two echoes at 10 (not between them: the second was already queued).
        assertThat(script.outputWhenBlocking).hasSize(2);
        assertThat(script.outputWhenBlocking.get(0)).contains("init_ok").doesNotContain("echo_ok");
        assertThat(script.outputWhenBlocking.get(1).lines().filter(l -> l.contains("echo_ok"))).hasSize(2);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(4);
    }

    @Test
    void timersFireInTheLoopAtTheirVirtualDeadlines() {
        List<Long> firedAtMillis = new ArrayList<>();
        node.every(Duration.ofMillis(100), () -> firedAtMillis.add(Duration.ofNanos(clock.nanos()).toMillis()));
        Script script = new Script().at(0, init()).at(350, echo(2));
        assertThat(node.run(script)).isZero();
        assertThat(firedAtMillis).containsExactly(100L, 200L, 300L);
    }

    @Test
    void aReplyQueuedWhileTheNodeStoodStillBeatsTheTimeOutThatPassedMeanwhile() {
        List<String> outcome = new ArrayList<>();
        node.onInit(() -> node.rpc("n2", Json.body("ping"), Duration.ofMillis(100), reply -> outcome.add("reply"),
                error -> outcome.add("timeout")));
        String pong = "{\"src\":\"n2\",\"dest\":\"n1\",\"body\":{\"type\":\"pong\",\"in_reply_to\":1}}";
        Script script = new Script().at(0, init()).at(50, pong);
        script.stallUntil = 200;
        assertThat(node.run(script)).isZero();
        assertThat(outcome).containsExactly("reply");
    }

    @Test
    void anOverlongLineIsLoggedAndTheNextOneServed() {
        node.on("echo", request -> node.reply(request, request.body().put("type", "echo_ok")));
        Script script = new Script().at(0, init()).at(1, new Input.Overlong("{\"src\":", 5_000_000)).at(2, echo(2));
        assertThat(node.run(script)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ignored a line of 5000000 bytes");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("echo_ok");
    }
}
