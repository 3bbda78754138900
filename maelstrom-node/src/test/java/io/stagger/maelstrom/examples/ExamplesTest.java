package io.stagger.maelstrom.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.maelstrom.Json;
import io.stagger.maelstrom.Message;
import io.stagger.maelstrom.NodeTester;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The examples' handlers on virtual time, with no process: what each sends and answers, retries included. */
class ExamplesTest {
    @Test
    void echoAnswersWithTheSameText() {
        NodeTester tester = new NodeTester(Echo::new);
        tester.init("n1", "n1");
        Message reply = tester.request("c1", Json.body("echo").put("echo", "hello")).get(0);
        assertThat(reply.type()).isEqualTo("echo_ok");
        assertThat(reply.body().path("echo").asText()).isEqualTo("hello");
        assertThat(reply.inReplyTo()).isNotNull();
    }

    @Test
    void uniqueIdsNeverRepeatOnANodeNorAcrossNodes() {
        Set<String> ids = new HashSet<>();
        for (String self : List.of("n1", "n2")) {
            NodeTester tester = new NodeTester(UniqueIds::new);
            tester.init(self, "n1", "n2");
            for (int i = 0; i < 100; i++) {
                ids.add(tester.request("c1", Json.body("generate")).get(0).body().path("id").asText());
            }
        }
        assertThat(ids).hasSize(200);
    }

    @Test
    void broadcastGossipsToItsNeighboursAndSendsAgainUntilAcknowledged() {
        NodeTester tester = new NodeTester(Broadcast::new);
        tester.init("n1", "n1", "n2", "n3");
        var topology = Json.body("topology");
        topology.set("topology", Json.tree(java.util.Map.of("n1", List.of("n2", "n3"), "n2", List.of("n1"))));
        assertThat(tester.request("c1", topology)).extracting(Message::type).containsExactly("topology_ok");
        assertThat(tester.request("c1", Json.body("broadcast").put("message", 7)))
                .extracting(Message::type).containsExactly("broadcast_ok");
        // n3 told us 8: it is not gossiped back to n3.
        var gossip = Json.body("gossip");
        gossip.set("messages", Json.tree(List.of(8)));
        assertThat(tester.request("n3", gossip)).extracting(Message::type).containsExactly("gossip_ok");

        List<Message> round = tester.advance(Broadcast.GOSSIP_PERIOD);
        assertThat(round).extracting(m -> m.dest() + " " + m.body().path("messages"))
                .containsExactly("n2 [7,8]", "n3 [7]");
        Message toN2 = round.get(0);
        tester.replyTo(round.get(1), Json.body("gossip_ok")); // n3 acknowledges, n2 is cut off
        // While the RPC to n2 is in flight, nothing more goes to it; after its time-out the next round sends again.
        assertThat(tester.advance(Broadcast.GOSSIP_TIMEOUT.minus(Duration.ofMillis(1)))).isEmpty();
        List<Message> retry = tester.advance(Broadcast.GOSSIP_PERIOD);
        assertThat(retry).extracting(m -> m.dest() + " " + m.body().path("messages")).containsExactly("n2 [7,8]");
        tester.replyTo(toN2, Json.body("gossip_ok")); // the late reply to the first try: dropped, changes nothing
        tester.replyTo(retry.get(0), Json.body("gossip_ok"));
        assertThat(tester.advance(Duration.ofSeconds(2))).isEmpty();

        Message read = tester.request("c1", Json.body("read")).get(0);
        assertThat(read.body().path("messages").toString()).isEqualTo("[7,8]");
        var bad = Json.body("gossip");
        bad.set("messages", Json.tree(List.of("x")));
        assertThat(tester.request("n2", bad).get(0).body().path("code").asInt()).isEqualTo(12);
    }

    @Test
    void gCounterAddsByCompareAndSetAndTriesAgainWhenAnotherAddGotIn() {
        NodeTester tester = new NodeTester(GCounter::new);
        tester.init("n1", "n1", "n2");
        Message read = tester.request("c1", Json.body("add").put("delta", 3)).get(0);
        assertThat(read.dest()).isEqualTo("seq-kv");
        Message cas = tester.replyTo(read, Json.body("error").put("code", 20).put("text", "missing")).get(0);
        assertThat(cas.body().deepCopy().without(List.of("msg_id")).toString())
                .isEqualTo("{\"type\":\"cas\",\"key\":\"counter\",\"from\":0,\"to\":3,\"create_if_not_exists\":true}");
        Message reread = tester.replyTo(cas, Json.body("error").put("code", 22).put("text", "had 5")).get(0);
        assertThat(reread.type()).isEqualTo("read");
        Message recas = tester.replyTo(reread, Json.body("read_ok").put("value", 5)).get(0);
        assertThat(recas.body().path("from").asLong()).isEqualTo(5);
        assertThat(recas.body().path("to").asLong()).isEqualTo(8);
        assertThat(tester.replyTo(recas, Json.body("cas_ok"))).extracting(Message::type).containsExactly("add_ok");
    }

    @Test
    void gCounterPassesATimeOutBackAsIndefinite() {
        NodeTester tester = new NodeTester(GCounter::new);
        tester.init("n1", "n1");
        Message read = tester.request("c1", Json.body("add").put("delta", 1)).get(0);
        tester.replyTo(read, Json.body("read_ok").put("value", 0));
        List<Message> answer = tester.advance(Duration.ofSeconds(1));
        assertThat(answer).singleElement().satisfies(m -> {
            assertThat(m.dest()).isEqualTo("c1");
            assertThat(m.body().path("code").asInt()).isZero();
        });
        Message readAll = tester.request("c1", Json.body("read")).get(0);
        Message value = tester.replyTo(readAll, Json.body("error").put("code", 20).put("text", "missing")).get(0);
        assertThat(value.body().path("value").asLong()).isZero();
    }

    @Test
    void linKvProxyForwardsRequestsAndPassesErrorsThrough() {
        NodeTester tester = new NodeTester(LinKvProxy::new);
        tester.init("n1", "n1");
        Message cas = tester.request("c1", Json.body("cas").put("key", 1).put("from", 2).put("to", 3)).get(0);
        assertThat(cas.dest()).isEqualTo("lin-kv");
        assertThat(cas.body().deepCopy().without(List.of("msg_id")).toString())
                .isEqualTo("{\"type\":\"cas\",\"key\":1,\"from\":2,\"to\":3}");
        Message answer = tester.replyTo(cas, Json.body("error").put("code", 22).put("text", "had 4")).get(0);
        assertThat(answer.dest()).isEqualTo("c1");
        assertThat(answer.body().path("code").asInt()).isEqualTo(22);
        Message read = tester.request("c1", Json.body("read").put("key", 1)).get(0);
        Message value = tester.replyTo(read, Json.body("read_ok").put("value", 4)).get(0);
        assertThat(value.type()).isEqualTo("read_ok");
        assertThat(value.body().path("value").asInt()).isEqualTo(4);
        assertThat(tester.request("c1", Json.body("write").put("key", 1)).get(0).body().path("code").asInt())
                .isEqualTo(12);
    }
}
