package io.stagger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.core.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EnvelopeReader} reads what the tree path reads, declines what it cannot be sure of, and keeps reading. */
class EnvelopeReaderTest {
    private final EnvelopeReader reader = new EnvelopeReader(Json.streaming());

    private boolean read(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return reader.read(bytes, bytes.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"src\":\"n2\",\"dest\":\"n1\",\"body\":{\"type\":\"inquiry\",\"msg_id\":7}}",
        "{\"body\":{\"msg_id\":7,\"type\":\"inquiry\",\"extra\":[1,{\"a\":[]}]},\"src\":\"n2\",\"other\":{\"x\":1}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry_ok\",\"in_reply_to\":3,\"master\":null,\"epoch\":null}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry_ok\",\"master\":\"n1\",\"epoch\":9,\"msg_id\":-4}}",
        "{\"src\":\"n3\",\"body\":{\"type\":\"declare\",\"master\":\"n3\",\"epoch\":0,\"msg_id\":9007199254740993}}",
        "{\"src\":\"n3\",\"body\":{\"type\":\"declare\",\"master\":\"n3\"}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"revoke\",\"revoked\":\"n3\",\"master\":\"n2\",\"epoch\":1}}",
        "  {\"src\":\"\\u006e2\",\"body\":{\"type\":\"revoke\",\"revoked\":\"n\\\"3\",\"master\":\"n2\",\"epoch\":1}}  ",
    })
    void aProtocolLineIsReadAsTheTreePathReadsIt(String line) throws Exception {
        JsonNode tree = Json.mapper().readTree(line);
        JsonNode body = tree.get("body");

        assertThat(read(line)).isTrue();
        assertThat(reader.kind()).isEqualTo(EnvelopeReader.Kind.PROTOCOL);
        assertThat(reader.src()).isEqualTo(tree.get("src").textValue());
        assertThat(reader.msgId()).isEqualTo(body.has("msg_id") ? body.get("msg_id").asLong() : EnvelopeReader.NO_MSG_ID);
        assertThat(reader.message()).isEqualTo(ProtocolCodec.decode(body));
    }

    @Test
    void initAndMasterAreRead() {
        assertThat(read("{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\","
                + "\"node_ids\":[\"n1\",\"n2\",\"n3\"]}}")).isTrue();
        assertThat(reader.kind()).isEqualTo(EnvelopeReader.Kind.INIT);
        assertThat(reader.nodeId()).isEqualTo("n1");
        assertThat(reader.nodeIds()).isEqualTo(List.of("n1", "n2", "n3"));
        assertThat(read("{\"src\":\"c1\",\"body\":{\"type\":\"master\",\"msg_id\":5}}")).isTrue();
        assertThat(reader.kind()).isEqualTo(EnvelopeReader.Kind.MASTER);
        assertThat(reader.msgId()).isEqualTo(5);
    }

    /** Each of these goes to the tree path, which answers or logs exactly as before. */
    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "not json", "[1,2]", "42", "\"text\"", "{\"src\":\"n2\"", "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry\"}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry\"}} trailing", "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry\"}}{}",
        "{\"src\":2,\"body\":{\"type\":\"inquiry\"}}", "{\"body\":{\"type\":\"inquiry\"}}", "{\"src\":\"n2\",\"body\":[]}",
        "{\"src\":\"n2\",\"src\":\"n3\",\"body\":{\"type\":\"inquiry\"}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry\"},\"body\":{\"type\":\"inquiry\"}}",
        "{\"src\":\"n2\",\"body\":{\"msg_id\":1}}", "{\"src\":\"n2\",\"body\":{\"type\":7}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry\",\"type\":\"declare\"}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry\",\"msg_id\":\"7\"}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry\",\"msg_id\":7.0}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry\",\"msg_id\":99999999999999999999}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"declare\",\"epoch\":1}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"declare\",\"master\":5,\"epoch\":1}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"declare\",\"master\":\"n2\",\"epoch\":-1}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"declare\",\"master\":\"n2\",\"epoch\":1.5}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"revoke\",\"master\":\"n2\",\"epoch\":1}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry_ok\",\"master\":[\"n1\"]}}",
        "{\"src\":\"c1\",\"body\":{\"type\":\"init\",\"node_id\":\"n1\",\"node_ids\":[]}}",
        "{\"src\":\"c1\",\"body\":{\"type\":\"init\",\"node_id\":\"n1\",\"node_ids\":[\"n1\",2]}}",
        "{\"src\":\"c1\",\"body\":{\"type\":\"init\",\"node_ids\":[\"n1\"]}}",
        "{\"src\":\"c1\",\"body\":{\"type\":\"read\",\"key\":1,\"msg_id\":3}}",
        "{\"src\":\"n2\",\"body\":{\"type\":\"kv_replicate\",\"ops\":[{\"f\":\"write\"}],\"ballot\":[1,\"n1\",2]}}",
    })
    void whatItCannotBeSureOfIsDeclinedAndTheNextLineStillRead(String line) {
        assertThat(read(line)).isFalse();
        assertThat(read("{\"src\":\"n3\",\"body\":{\"type\":\"declare\",\"master\":\"n3\",\"epoch\":4}}")).isTrue();
        assertThat(reader.message()).isEqualTo(new Message.Declare("n3", 4));
    }

    @Test
    void aSuspectTakesTheTreePathAndReadsBackAsWritten() throws Exception {
        Message suspect = new Message.Suspect("n1", 3);
        java.io.StringWriter text = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator body = Json.mapper().getFactory().createGenerator(text)) {
            body.writeStartObject();
            ProtocolCodec.write(suspect, body);
            body.writeEndObject();
        }
        assertThat(text.toString()).isEqualTo("{\"type\":\"suspect\",\"failed\":\"n1\",\"epoch\":3}");
        assertThat(read("{\"src\":\"n4\",\"body\":" + text + "}")).isFalse();
        assertThat(ProtocolCodec.decode(Json.mapper().readTree(text.toString()))).isEqualTo(suspect);
        assertThatThrownBy(() -> ProtocolCodec.decode(Json.mapper().readTree("{\"type\":\"suspect\",\"epoch\":3}")))
                .isInstanceOf(MalformedInput.class).hasMessageContaining("'failed'");
    }

    @Test
    void anIdReadAgainIsTheSameString() {
        read("{\"src\":\"n2\",\"body\":{\"type\":\"declare\",\"master\":\"n2\",\"epoch\":1}}");
        String first = reader.src();
        read("{\"src\":\"n2\",\"body\":{\"type\":\"declare\",\"master\":\"n2\",\"epoch\":2}}");
        assertThat(reader.src()).isSameAs(first);
        assertThat(((Message.Declare) reader.message()).master()).isSameAs(first);
    }
}
