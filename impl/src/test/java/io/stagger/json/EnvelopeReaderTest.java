package io.stagger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.core.Message;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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
        "{\"src\":\"n1\",\"body\":{\"type\":\"declare\",\"master\":\"n1\",\"epoch\":2,\"live\":[\"n1\",\"n3\"]}}",
        "{\"src\":\"n1\",\"body\":{\"type\":\"declare\",\"master\":\"n1\",\"live\":[]}}",
        "{\"src\":\"n2\",\"body\":{\"live\":[\"n2\"],\"type\":\"revoke\",\"revoked\":\"n3\",\"master\":\"n2\"}}",
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
        "{\"src\":\"n1\",\"body\":{\"type\":\"declare\",\"master\":\"n1\",\"live\":\"n1\"}}",
        "{\"src\":\"n1\",\"body\":{\"type\":\"declare\",\"master\":\"n1\",\"live\":[\"n1\",2]}}",
        "{\"src\":\"n1\",\"body\":{\"type\":\"declare\",\"master\":\"n1\",\"live\":null}}",
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
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        EnvelopeWriter writer = new EnvelopeWriter(Json.mapper().getFactory(), bytes);
        writer.write("n4", "n2", suspect, 9, EnvelopeWriter.NO_REPLY);
        writer.flush();
        String line = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(line).isEqualTo("{\"src\":\"n4\",\"dest\":\"n2\",\"body\":{\"type\":\"suspect\",\"failed\":\"n1\","
                + "\"epoch\":3,\"msg_id\":9}}");
        assertThat(read(line)).isFalse();
        assertThat(ProtocolCodec.decode(Json.mapper().readTree(line).get("body"))).isEqualTo(suspect);
        assertThatThrownBy(() -> ProtocolCodec.decode(Json.mapper().readTree("{\"type\":\"suspect\",\"epoch\":3}")))
                .isInstanceOf(MalformedInput.class).hasMessageContaining("'failed'");
    }

    @Test
    void aRosterThatIsNotAnArrayOfIdsIsAnError() {
        assertThatThrownBy(() -> ProtocolCodec.decode(Json.mapper().readTree(
                "{\"type\":\"declare\",\"master\":\"n1\",\"live\":[\"n1\",2]}")))
                .isInstanceOf(MalformedInput.class).hasMessageContaining("'live' must be an array of node ids");
        assertThatThrownBy(() -> ProtocolCodec.decode(Json.mapper().readTree(
                "{\"type\":\"revoke\",\"revoked\":\"n2\",\"master\":\"n1\",\"live\":{}}")))
                .isInstanceOf(MalformedInput.class).hasMessageContaining("'live'");
    }

    @Test
    void anIdReadAgainIsTheSameString() {
        read("{\"src\":\"n2\",\"body\":{\"type\":\"declare\",\"master\":\"n2\",\"epoch\":1}}");
        String first = reader.src();
        read("{\"src\":\"n2\",\"body\":{\"type\":\"declare\",\"master\":\"n2\",\"epoch\":2}}");
        assertThat(reader.src()).isSameAs(first);
        assertThat(((Message.Declare) reader.message()).master()).isSameAs(first);
    }

    /**
     * The scan and the parser agree on every line: the session inputs, the lines above, the writer's protocol lines,
     * and every deletion of one byte from them and insertion of one of a few telling bytes into them. The writer's
     * lines are decided by the scan itself, without the parser.
     */
    @Test
    void theScanReadsAsTheParserDoes() throws Exception {
        Set<String> seeds = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/sessions"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".in.jsonl")).sorted().toList()) {
                seeds.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        List<String> written = new ArrayList<>();
        for (Message message : List.of(Message.Inquiry.INSTANCE, new Message.InquiryOk("n1", 42),
                new Message.InquiryOk(null, 0), new Message.Declare("n1", 7), new Message.Revoke("n3", "n1", 9),
                new Message.Declare("n1", 7, List.of("n1", "n2", "n4")), new Message.Revoke("n3", "n1", 9, List.of("n1")))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EnvelopeWriter writer = new EnvelopeWriter(Json.streaming(), out);
            writer.write("n2", "n1", message, 12_345, message instanceof Message.InquiryOk ? 17 : EnvelopeWriter.NO_REPLY);
            writer.flush();
            written.add(out.toString(StandardCharsets.UTF_8).strip());
        }
        seeds.addAll(written);
        List<String> handWritten = List.of(
                "{\"body\":{\"msg_id\":7,\"type\":\"inquiry\",\"extra\":[1,{\"a\":[]}]},\"src\":\"n2\",\"o\":{\"x\":-1.5e3}}",
                "{\"src\":\"n2\",\"body\":{\"type\":\"inquiry_ok\",\"master\":null,\"epoch\":null,\"f\":[true,false]}}",
                " { \"src\" : \"n2\" , \"body\" : { \"type\" : \"declare\" , \"master\" : \"n3\" , \"epoch\" : 0 } } ",
                "{\"src\":\"c1\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\",\"node_ids\":[\"n1\",\"n2\"]}}",
                "{\"src\":\"n2\",\"body\":{\"type\":\"revoke\",\"revoked\":\"n3\",\"master\":\"n2\",\"epoch\":1,\"msg_id\":-9}}");
        seeds.addAll(handWritten);
        for (String line : written) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(reader.scans(bytes, bytes.length)).as(line).isTrue();
        }
        byte[] telling = " \t\"\\{}[],:-0.eE1nx\u00e9".getBytes(StandardCharsets.UTF_8);
        EnvelopeReader byParser = new EnvelopeReader(Json.streaming());
        int lines = 0;
        for (String seed : seeds) {
            byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
            List<byte[]> variants = new ArrayList<>();
            variants.add(bytes);
            // Every position of the protocol lines; every seventh of the sessions' (mostly service lines).
            int step = written.contains(seed) || handWritten.contains(seed) ? 1 : 7;
            for (int i = 0; i <= bytes.length; i += step) {
                if (i < bytes.length) {
                    byte[] deleted = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, deleted, 0, i);
                    System.arraycopy(bytes, i + 1, deleted, i, bytes.length - i - 1);
                    variants.add(deleted);
                }
                for (byte b : telling) {
                    byte[] inserted = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, inserted, 0, i);
                    inserted[i] = b;
                    System.arraycopy(bytes, i, inserted, i + 1, bytes.length - i);
                    variants.add(inserted);
                }
            }
            for (byte[] variant : variants) {
                String text = new String(variant, StandardCharsets.UTF_8);
                boolean read = reader.read(variant, variant.length);
                assertThat(read).as(text).isEqualTo(byParser.readWithParser(variant, variant.length));
                lines++;
                if (read) {
                    assertThat(reader.kind()).as(text).isEqualTo(byParser.kind());
                    assertThat(reader.src()).as(text).isEqualTo(byParser.src());
                    assertThat(reader.msgId()).as(text).isEqualTo(byParser.msgId());
                    if (reader.kind() == EnvelopeReader.Kind.PROTOCOL) {
                        assertThat(reader.message()).as(text).isEqualTo(byParser.message());
                    } else if (reader.kind() == EnvelopeReader.Kind.INIT) {
                        assertThat(reader.nodeId()).as(text).isEqualTo(byParser.nodeId());
                        assertThat(reader.nodeIds()).as(text).isEqualTo(byParser.nodeIds());
                    }
                }
            }
        }
        assertThat(lines).isGreaterThan(20_000);
    }
}
