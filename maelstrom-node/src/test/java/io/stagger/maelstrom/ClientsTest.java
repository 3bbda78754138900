package io.stagger.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service clients' requests as Maelstrom's services expect them, and their replies and errors decoded. */
class ClientsTest {
    private final List<String> results = new ArrayList<>();

    private NodeTester tester(Task calls) {
        NodeTester tester = new NodeTester(node -> node.on("go", request -> calls.run()));
        tester.init("n1", "n1");
        return tester;
    }

    @Test
    void readWriteAndCasSendMaelstromsBodies() {
        NodeTester[] t = new NodeTester[1];
        t[0] = tester(() -> {
            KvClient kv = KvClient.linKv(t[0].node());
            kv.read("k", value -> results.add("read " + value), error -> results.add(error.toString()));
            kv.write(List.of(1, 2), 7, () -> results.add("written"), error -> results.add(error.toString()));
            kv.cas("k", 1, 2, true, () -> results.add("swapped"), error -> results.add(error.toString()));
            kv.cas("k", 1, 2, false, () -> results.add("swapped"), error -> results.add(error.toString()));
        });
        List<Message> sent = t[0].request("c1", Json.body("go"));
        assertThat(sent).extracting(Message::dest).containsOnly("lin-kv");
        assertThat(sent).extracting(m -> m.body().deepCopy().without(List.of("msg_id")).toString()).containsExactly(
                "{\"type\":\"read\",\"key\":\"k\"}",
                "{\"type\":\"write\",\"key\":[1,2],\"value\":7}",
                "{\"type\":\"cas\",\"key\":\"k\",\"from\":1,\"to\":2,\"create_if_not_exists\":true}",
                "{\"type\":\"cas\",\"key\":\"k\",\"from\":1,\"to\":2}");
        t[0].replyTo(sent.get(0), Json.body("read_ok").put("value", 5));
        t[0].replyTo(sent.get(1), Json.body("write_ok"));
        t[0].replyTo(sent.get(2), Json.body("cas_ok"));
        t[0].replyTo(sent.get(3), Json.body("error").put("code", 22).put("text", "expected 1 but had 5"));
        assertThat(results).containsExactly("read 5", "written", "swapped",
                "error 22 (PRECONDITION_FAILED): expected 1 but had 5");
    }

    @Test
    void aMissingKeyIsError20AndASilentServiceATimeOut() {
        NodeTester[] t = new NodeTester[1];
        t[0] = tester(() -> {
            KvClient kv = KvClient.seqKv(t[0].node()).withTimeout(Duration.ofMillis(300));
            kv.read("absent", value -> results.add("read " + value),
                    error -> results.add(error.errorCode().orElseThrow() + " definite=" + error.definite()));
            kv.read("slow", value -> results.add("read " + value),
                    error -> results.add(error.errorCode().orElseThrow() + " definite=" + error.definite()));
        });
        List<Message> sent = t[0].request("c1", Json.body("go"));
        assertThat(sent).extracting(Message::dest).containsOnly("seq-kv");
        t[0].replyTo(sent.get(0), Json.body("error").put("code", 20).put("text", "key does not exist"));
        t[0].advance(Duration.ofMillis(300));
        assertThat(results).containsExactly("KEY_DOES_NOT_EXIST definite=true", "TIMEOUT definite=false");
    }

    @Test
    void aReadReplyWithoutAValueIsAnError() {
        NodeTester[] t = new NodeTester[1];
        t[0] = tester(() -> KvClient.lwwKv(t[0].node()).read("k", value -> results.add("read " + value),
                error -> results.add(error.toString())));
        Message read = t[0].request("c1", Json.body("go")).get(0);
        assertThat(read.dest()).isEqualTo("lww-kv");
        t[0].replyTo(read, Json.body("read_ok"));
        assertThat(results).singleElement().asString().startsWith("error 13 (CRASH): lww-kv answered a read without");
    }

    @Test
    void tsAsksLinTsoForATimestamp() {
        NodeTester[] t = new NodeTester[1];
        t[0] = tester(() -> {
            TsoClient tso = new TsoClient(t[0].node());
            tso.ts(ts -> results.add("ts " + ts), error -> results.add(error.toString()));
            tso.ts(ts -> results.add("ts " + ts), error -> results.add(error.toString()));
        });
        List<Message> sent = t[0].request("c1", Json.body("go"));
        assertThat(sent).extracting(Message::dest).containsOnly("lin-tso");
        assertThat(sent).extracting(Message::type).containsOnly("ts");
        t[0].replyTo(sent.get(0), Json.body("ts_ok").put("ts", 42));
        t[0].replyTo(sent.get(1), Json.body("ts_ok").put("ts", "soon"));
        assertThat(results).hasSize(2).startsWith("ts 42");
        assertThat(results.get(1)).startsWith("error 13 (CRASH): lin-tso answered without an integer ts");
    }
}
