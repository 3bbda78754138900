package io.stagger.harness.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A node's line read from its bytes gets the verdict, source, destination and line that the decoded line gets. */
class EnvelopeTest {
    private static final String[] LINES = {
        "{\"src\":\"n1\",\"dest\":\"n2\",\"body\":{\"type\":\"ping\",\"msg_id\":1}}",
        "{\"dest\":\"c1\",\"body\":{\"type\":\"echo_ok\",\"echo\":\"é ✓\"},\"extra\":[1,{\"x\":null}]}",
        "{\"src\":3,\"dest\":\"n2\",\"body\":{}}",
        "{\"src\":\"n1\",\"dest\":\"n2\",\"body\":[]}",
        "{\"src\":\"n1\",\"body\":{}}",
        "{\"src\":\"n1\",\"dest\":\"n2\",\"body\":{}",
        "{\"src\":\"n1\",\"dest\":\"n2\",\"body\":{}} trailing",
        "{\"dest\":\"a\",\"dest\":\"n2\",\"body\":1,\"body\":{}}",
        "not json",
        "",
        "   ",
        "[1,2]",
    };

    @Test
    void bytesAndTextGiveTheSameMessage() {
        for (String line : LINES) {
            byte[] bytes = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
            Envelope fromText = Envelope.fromNode("n9", line);
            Envelope fromBytes = Envelope.fromNode("n9", bytes, 2, bytes.length - 4);
            if (fromText == null) {
                assertThat(fromBytes).as(line).isNull();
                continue;
            }
            assertThat(fromBytes).as(line).isNotNull();
            assertThat(fromBytes.sender()).isEqualTo("n9");
            assertThat(fromBytes.src()).isEqualTo(fromText.src());
            assertThat(fromBytes.dest()).isEqualTo(fromText.dest());
            assertThat(fromBytes.line()).isEqualTo(line);
            assertThat(fromBytes.lineBytes()).isEqualTo(line.getBytes(StandardCharsets.UTF_8));
            assertThat(fromBytes.lineChars()).isEqualTo(line.length());
            assertThat(fromBytes.body()).isEqualTo(fromText.body());
        }
    }

    @Test
    void malformedUtf8InAStringIsReadAsTheReplacementCharacter() {
        byte[] start = "{\"dest\":\"n2\",\"body\":{\"v\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] end = "\"}}".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[start.length + 2 + end.length];
        System.arraycopy(start, 0, bytes, 0, start.length);
        bytes[start.length] = (byte) 0xC3; // a lead byte without its continuation
        bytes[start.length + 1] = (byte) 0xFF; // never in UTF-8
        System.arraycopy(end, 0, bytes, start.length + 2, end.length);
        Envelope message = Envelope.fromNode("n1", bytes, 0, bytes.length);
        assertThat(message).isNotNull();
        assertThat(message.body().get("v").asText()).isEqualTo("\uFFFD\uFFFD");
        assertThat(message.lineBytes()).isEqualTo(message.line().getBytes(StandardCharsets.UTF_8));
    }
}
