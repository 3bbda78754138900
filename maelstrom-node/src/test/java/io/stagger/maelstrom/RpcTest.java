package io.stagger.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** rpc: exactly one completion per call, a reply, an error body or a time-out, on virtual time. */
class RpcTest {
    private final List<String> completions = new ArrayList<>();
    private NodeTester tester;
    private Message sent;

    @BeforeEach
    void sendOneRpc() {
        tester = new NodeTester(node -> node.on("ask", request -> node.rpc("n2", Json.body("ping"),
                Duration.ofMillis(100), reply -> completions.add("reply " + reply.type()),
                error -> completions.add("error " + error.code() + " definite=" + error.definite() + " " + error.text()))));
        tester.init("n1", "n1", "n2");
        sent = tester.request("c1", Json.body("ask")).get(0);
        assertThat(sent.dest()).isEqualTo("n2");
        assertThat(sent.type()).isEqualTo("ping");
        assertThat(sent.msgId()).isNotNull();
    }

    @Test
    void aReplyCompletesTheCallOnceAndCancelsItsTimeOut() {
        tester.advance(Duration.ofMillis(99));
        tester.replyTo(sent, Json.body("pong"));
        tester.advance(Duration.ofSeconds(1));
        tester.replyTo(sent, Json.body("pong"));
        assertThat(completions).containsExactly("reply pong");
        assertThat(tester.stderr()).contains("dropped a reply from n2 to no pending RPC");
    }

    @Test
    void anErrorBodyGoesToTheErrorCallbackWithItsCode() {
        tester.replyTo(sent, Json.body("error").put("code", 22).put("text", "expected 1"));
        assertThat(completions).containsExactly("error 22 definite=true expected 1");
    }

    @Test
    void aCustomErrorCodeIsIndefinite() {
        tester.replyTo(sent, Json.body("error").put("code", 1001).put("text", "mine"));
        assertThat(completions).containsExactly("error 1001 definite=false mine");
    }

    @Test
    void noReplyWithinTheTimeOutIsAnIndefiniteTimeOutAndALateReplyIsDropped() {
        tester.advance(Duration.ofMillis(99));
        assertThat(completions).isEmpty();
        tester.advance(Duration.ofMillis(1));
        assertThat(completions).singleElement().asString().startsWith("error 0 definite=false no reply from n2 to ping");
        tester.replyTo(sent, Json.body("pong"));
        assertThat(completions).hasSize(1);
        assertThat(tester.stderr()).contains("dropped a reply");
    }

    @Test
    void aCallbackThatThrowsIsLoggedAndTheNodeGoesOn() {
        NodeTester failing = new NodeTester(node -> node.on("ask", request -> node.rpc("n2", Json.body("ping"),
                Duration.ofMillis(100), reply -> {
                    throw new IllegalStateException("callback bug");
                }, error -> {})));
        failing.init("n1", "n1", "n2");
        Message ping = failing.request("c1", Json.body("ask")).get(0);
        assertThat(failing.replyTo(ping, Json.body("pong"))).isEmpty();
        assertThat(failing.stderr()).contains("an RPC's callback failed: java.lang.IllegalStateException: callback bug");
        assertThat(failing.request("c1", Json.body("ask"))).hasSize(1);
    }
}
