package io.stagger.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a node with a fast path of its own is made of ({@link Node#onLine}, {@link Node#init(String, Long, String,
 * List)}, {@link Node#fail}, its own {@link Output} with {@link Node#takeMsgId}), and the pieces the product's node
 * needs besides: timers moved to absolute deadlines, an init hook that fails, work run when the loop is idle.
 */
class FastPathTest {
    private final ManualClock clock = new ManualClock();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** What the node wrote through its output, one "src>dest body" per message, in order. */
    private final List<String> written = new ArrayList<>();
    private final Output output = new Output() {
        @Override
        public void write(String src, String dest, ObjectNode body) {
            written.add(src + ">" + dest + " " + body);
        }

        @Override
        public void flush() {}
    };
    private final Node node = new Node(clock, output, new PrintStream(err, true, StandardCharsets.UTF_8));

    private static String line(String src, String body) {
        return "{\"src\":\"" + src + "\",\"dest\":\"n1\",\"body\":" + body + "}";
    }

    @Test
    void theLineHandlerSeesEveryLineFirstAndTheNodeParsesOnlyWhatItDeclines() {
        List<String> seen = new ArrayList<>();
        node.on("echo", request -> node.reply(request, request.body().put("type", "echo_ok")));
        node.onLine(bytes -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            seen.add(text);
            if (text.contains("\"init\"")) {
                node.init("c1", 1L, "n1", List.of("n1", "n2"));
                return true;
            }
            if (text.contains("\"fast\"")) {
                // written by the caller itself, with an id from the node's one sequence
                written.add("n1>c1 {\"type\":\"fast_ok\",\"msg_id\":" + node.takeMsgId() + "}");
                return true;
            }
            return false;
        });

        node.handle(line("c1", "{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\",\"node_ids\":[\"n1\",\"n2\"]}"));
        node.handle(line("c1", "{\"type\":\"fast\",\"msg_id\":2}"));
        node.handle(line("c1", "{\"type\":\"echo\",\"msg_id\":3}"));

        assertThat(seen).hasSize(3);
        assertThat(written).containsExactly(
                "n1>c1 {\"type\":\"init_ok\",\"msg_id\":1,\"in_reply_to\":1}",
                "n1>c1 {\"type\":\"fast_ok\",\"msg_id\":2}",
                "n1>c1 {\"type\":\"echo_ok\",\"msg_id\":3,\"in_reply_to\":3}");
    }

    @Test
    void aFastPathAnswersItsFailuresAsAHandlersAreAnswered() {
        node.init("c1", 1L, "n1", List.of("n1", "n2"));
        ObjectNode body = Json.body("fast").put("msg_id", 7);
        node.fail(new Message("c1", "n1", body), new RpcError(ErrorCode.MALFORMED_REQUEST, "bad field"));
        node.fail(new Message("c1", "n1", body.deepCopy().put("msg_id", 8)), new IllegalStateException("broken"));

        assertThat(written).containsExactly(
                "n1>c1 {\"type\":\"init_ok\",\"msg_id\":1,\"in_reply_to\":1}",
                "n1>c1 {\"type\":\"error\",\"code\":12,\"text\":\"bad field\",\"msg_id\":2,\"in_reply_to\":7}",
                "n1>c1 {\"type\":\"error\",\"code\":13,\"text\":\"internal error: java.lang.IllegalStateException: "
                        + "broken\",\"msg_id\":3,\"in_reply_to\":8}");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("handling 'fast' from c1 failed");
    }

    @Test
    void anInitThatAFastPathReadIsCheckedAsAnInitLineIs() {
        node.init("c1", 1L, "n3", List.of("n1", "n2"));
        node.init("c1", 2L, "n1", List.of("n1", "n2"));
        node.init("c1", 3L, "n1", List.of("n1", "n2"));

        assertThat(written).containsExactly(
                "n3>c1 {\"type\":\"error\",\"code\":12,\"text\":\"init 'node_id' n3 is not in 'node_ids' [n1, n2]\","
                        + "\"msg_id\":1,\"in_reply_to\":1}",
                "n1>c1 {\"type\":\"init_ok\",\"msg_id\":2,\"in_reply_to\":2}",
                "n1>c1 {\"type\":\"error\",\"code\":12,\"text\":\"already initialised as n1\",\"msg_id\":3,"
                        + "\"in_reply_to\":3}");
    }

    @Test
    void anInitHookThatThrowsFailsTheInitAndTheNodeWaitsForAnother() {
        boolean[] fail = {true};
        node.onInit(() -> {
            if (fail[0]) {
                fail[0] = false;
                throw new RpcError(ErrorCode.TEMPORARILY_UNAVAILABLE, "not ready");
            }
        });
        node.init("c1", 1L, "n1", List.of("n1"));
        assertThat(node.initialised()).isFalse();
        node.init("c1", 2L, "n1", List.of("n1"));

        assertThat(node.initialised()).isTrue();
        assertThat(written).containsExactly(
                "n1>c1 {\"type\":\"error\",\"code\":11,\"text\":\"not ready\",\"msg_id\":1,\"in_reply_to\":1}",
                "n1>c1 {\"type\":\"init_ok\",\"msg_id\":2,\"in_reply_to\":2}");
    }

    @Test
    void aMovedTimerFiresOnceAtItsNewDeadlineAndAgainWhenMovedAfterFiring() {
        node.init("c1", 1L, "n1", List.of("n1"));
        List<Long> firedAt = new ArrayList<>();
        Scheduled timer = node.at(Duration.ofMillis(50).toNanos(), () -> firedAt.add(clock.nanos()));
        timer.moveTo(Duration.ofMillis(80).toNanos());
        assertThat(timer.deadlineNanos()).isEqualTo(Duration.ofMillis(80).toNanos());

        clock.set(Duration.ofMillis(60).toNanos());
        node.fireDueTimers();
        assertThat(firedAt).isEmpty();
        clock.set(Duration.ofMillis(80).toNanos());
        node.fireDueTimers();
        assertThat(timer.armed()).isFalse();
        timer.moveTo(Duration.ofMillis(100).toNanos());
        clock.set(Duration.ofMillis(100).toNanos());
        node.fireDueTimers();

        assertThat(firedAt).containsExactly(Duration.ofMillis(80).toNanos(), Duration.ofMillis(100).toNanos());
    }

    @Test
    void idleWorkRunsOnceAfterTheQueuedInputIsHandledAndFlushed() throws InterruptedException {
        List<String> events = new ArrayList<>();
        Node logged = new Node(clock, new Output() {
            @Override
            public void write(String src, String dest, ObjectNode body) {
                events.add("write " + body.path("type").asText());
            }

            @Override
            public void flush() {
                events.add("flush");
            }
        }, new PrintStream(err, true, StandardCharsets.UTF_8));
        logged.onInit(() -> logged.whenIdle(() -> events.add("idle")));
        List<Input.Item> items = new ArrayList<>(List.of(
                new Input.Line(line("c1", "{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\",\"node_ids\":[\"n1\"]}")),
                new Input.Line(line("c1", "{\"type\":\"nope\",\"msg_id\":2}"))));
        int[] waits = {0};
        Input input = maxWaitNanos -> {
            if (!items.isEmpty()) {
                return items.remove(0);
            }
            return maxWaitNanos == 0 || waits[0]++ == 0 ? null : Input.End.END;
        };

        assertThat(logged.run(input)).isZero();
        assertThat(events).startsWith("write init_ok", "write error", "flush", "idle").containsOnlyOnce("idle");
    }
}
