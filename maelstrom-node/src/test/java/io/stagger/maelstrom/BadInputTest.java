package io.stagger.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, a row per case: a request gets an error body with the right code, anything else a line on stderr; the
 * node never stops and still answers the next good request.
 */
class BadInputTest {
    private static final String ECHO = "{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"echo\",\"msg_id\":99,\"echo\":\"ok\"}}";

    static Stream<Arguments> cases() {
        return Stream.of(
                // line, initialised first, expected error code (null: none, a log line), text in the error or log
                Arguments.of("not json", true, null, "not JSON"),
                Arguments.of("[1,2]", true, null, "not a Maelstrom message"),
                Arguments.of("{\"dest\":\"n1\",\"body\":{\"type\":\"echo\"}}", true, null, "not a Maelstrom message"),
                Arguments.of("{\"src\":\"c1\",\"body\":\"echo\"}", true, null, "not a Maelstrom message"),
                Arguments.of(msg("{\"msg_id\":5}"), true, 12, "string field 'type'"),
                Arguments.of(msg("{\"type\":7,\"msg_id\":5}"), true, 12, "string field 'type'"),
                Arguments.of(msg("{\"type\":7}"), true, null, "string field 'type'"),
                Arguments.of(msg("{\"type\":\"frobnicate\",\"msg_id\":5}"), true, 10, "unsupported request type"),
                Arguments.of(msg("{\"type\":\"frobnicate\"}"), true, null, "unsupported request type"),
                Arguments.of(msg("{\"type\":\"add\",\"msg_id\":5}"), true, 12, "'add' needs an integer in field 'delta', got nothing"),
                Arguments.of(msg("{\"type\":\"add\",\"msg_id\":5,\"delta\":\"3\"}"), true, 12, "got a string"),
                Arguments.of(msg("{\"type\":\"add\",\"msg_id\":5,\"delta\":1.5}"), true, 12, "got a number"),
                Arguments.of(msg("{\"type\":\"typed\",\"msg_id\":5,\"name\":\"x\"}"), true, 12, "does not fit Typed"),
                Arguments.of(msg("{\"type\":\"boom\",\"msg_id\":5}"), true, 13, "internal error"),
                Arguments.of(msg("{\"type\":\"echo\",\"msg_id\":5}"), false, 11, "not initialised yet"),
                Arguments.of(msg("{\"type\":\"init\",\"msg_id\":5,\"node_id\":\"n1\",\"node_ids\":[\"n1\"]}"), true, 12,
                        "already initialised"),
                Arguments.of(msg("{\"type\":\"init\",\"msg_id\":5,\"node_ids\":[\"n1\"]}"), false, 12, "'node_id'"),
                Arguments.of(msg("{\"type\":\"init\",\"msg_id\":5,\"node_id\":\"n1\",\"node_ids\":[]}"), false, 12,
                        "non-empty array"),
                Arguments.of(msg("{\"type\":\"init\",\"msg_id\":5,\"node_id\":\"n1\",\"node_ids\":[\"n1\",3]}"), false,
                        12, "must hold strings"),
                Arguments.of(msg("{\"type\":\"init\",\"msg_id\":5,\"node_id\":\"n9\",\"node_ids\":[\"n1\"]}"), false, 12,
                        "is not in"),
                // A reply or an error to nothing pending is never answered: no error ping-pong between two nodes.
                Arguments.of(msg("{\"type\":\"read_ok\",\"msg_id\":5,\"in_reply_to\":77}"), true, null,
                        "no pending RPC"),
                Arguments.of(msg("{\"type\":\"error\",\"msg_id\":5,\"code\":13}"), true, null, "unsupported"));
    }

    private record Typed(String name, long count) {}

    @ParameterizedTest
    @MethodSource("cases")
    void badInputIsAnsweredOrLoggedAndTheNodeGoesOn(String line, boolean initialised, Integer code, String text) {
        NodeTester tester = new NodeTester(node -> node
                .on("echo", request -> node.reply(request, request.body().put("type", "echo_ok")))
                .on("add", request -> node.reply(request, Json.body("add_ok").put("sum", request.requireLong("delta"))))
                .on("typed", request -> node.reply(request, Json.body("typed_ok").put("n", request.as(Typed.class).count())))
                .on("boom", request -> {
                    throw new IllegalStateException("a bug");
                }));
        if (initialised) {
            tester.init("n1", "n1", "n2");
        }
        List<Message> out = tester.receiveLine(line);
        if (code == null) {
            assertThat(out).isEmpty();
            assertThat(tester.stderr()).contains(text);
        } else {
            assertThat(out).hasSize(1);
            Message error = out.get(0);
            assertThat(error.type()).isEqualTo("error");
            assertThat(error.body().path("code").asInt()).isEqualTo(code);
            assertThat(error.body().path("text").asText()).contains(text);
            assertThat(error.inReplyTo()).isEqualTo(5L);
            assertThat(error.dest()).isEqualTo("c1");
            assertThat(error.src()).isEqualTo("n1");
        }
        if (code != null && code == 13) {
            assertThat(tester.stderr()).contains("IllegalStateException: a bug").contains("at ");
        }
        if (!initialised) {
            tester.init("n1", "n1", "n2");
        }
        List<Message> next = tester.receiveLine(ECHO);
        assertThat(next).singleElement().satisfies(m -> assertThat(m.type()).isEqualTo("echo_ok"));
    }

    @Test
    void aLogLineCannotForgeAnotherLine() {
        NodeTester tester = new NodeTester(node -> {});
        tester.init("n1", "n1");
        tester.receiveLine("not json\u0000\r\n{\"forged\":true}");
        assertThat(tester.stderr().lines().filter(line -> line.contains("forged")))
                .singleElement().satisfies(line -> assertThat(line).contains("\\u0000\\r\\n{"));
    }

    private static String msg(String body) {
        return "{\"src\":\"c1\",\"dest\":\"n1\",\"body\":" + body + "}";
    }
}
