package io.stagger.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz tests of the node's input path ({@code MaelstromNode.handleLine}), checked after every line by
 * {@link NodeChecker}. In {@code mvn verify} (JAZZER_FUZZ unset) Jazzer runs each method once per input in
 * {@code src/test/resources/fuzz/io/stagger/fuzz/NodeFuzzTestInputs/<method>/} (regression mode); with
 * {@code JAZZER_FUZZ=1} it fuzzes one method for {@code maxDuration} (see scripts/fuzz.sh).
 */
class NodeFuzzTest {
    static final String INIT =
            "{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\",\"node_ids\":[\"n1\",\"n2\",\"n3\"]}}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final List<String> TYPES = List.of("init", "master", "error", "inquiry", "inquiry_ok", "declare",
            "revoke", "read", "write", "cas", "kv_forward", "kv_forward_ok", "kv_prepare", "kv_promise", "kv_nack",
            "kv_sync", "kv_replicate", "kv_ack", "kv_need_sync", "kv_recover", "kv_recover_ok", "join", "leave", "post",
            "doc_read", "doc_write", "grant", "revoke_access", "floor_request", "floor_release", "bogus");
    private static final List<String> FIELDS = List.of("msg_id", "in_reply_to", "master", "epoch", "revoked",
            "node_id", "node_ids", "key", "value", "from", "to", "request", "reply", "ballot", "version", "state",
            "code", "text", "ops", "index", "entries", "incarnation", "conference", "client", "seq", "target");
    private static final List<String> IDS = List.of("n1", "n2", "n3", "n4", "c1", "lin-kv", "seq-kv", "");

    /** Arbitrary bytes as stdin: decoded as UTF-8 (malformed bytes replaced, as the node's reader does), one line
     *  per newline; the first byte chooses whether an {@code init} comes first, so both states are reachable. */
    @FuzzTest(maxDuration = "60s")
    void stdinBytes(byte[] input) {
        NodeChecker node = new NodeChecker();
        int from = 0;
        if (input.length > 0 && (input[0] & 1) == 1) {
            node.feed(INIT);
            from = 1;
        }
        String text = new String(input, from, input.length - from, StandardCharsets.UTF_8);
        for (String line : text.split("\r?\n", -1)) {
            node.feed(line);
        }
    }

    /** Arbitrary JSON bodies of every message type, from arbitrary sources, after an init (or not). */
    @FuzzTest(maxDuration = "60s")
    void arbitraryBodies(FuzzedDataProvider data) {
        NodeChecker node = new NodeChecker();
        if (data.consumeBoolean()) {
            node.feed(INIT);
        }
        int count = data.consumeInt(1, 12);
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            ObjectNode body = F.objectNode();
            body.put("type", data.consumeBoolean() ? data.pickValue(TYPES) : data.consumeString(8));
            int fields = data.consumeInt(0, 6);
            for (int f = 0; f < fields; f++) {
                body.set(data.pickValue(FIELDS), value(data, 3));
            }
            ObjectNode envelope = F.objectNode();
            envelope.put("src", data.consumeBoolean() ? data.pickValue(IDS) : data.consumeString(4));
            envelope.put("dest", "n1");
            envelope.set("body", data.consumeInt(0, 15) == 0 ? value(data, 2) : body);
            node.feed(envelope.toString());
        }
    }

    /** Well-formed protocol messages (and master queries) from arbitrary peers with arbitrary epochs and masters. */
    @FuzzTest(maxDuration = "60s")
    void protocolSequences(FuzzedDataProvider data) {
        NodeChecker node = new NodeChecker();
        node.feed(INIT);
        long msgId = 100;
        while (data.remainingBytes() > 0) {
            ObjectNode body = F.objectNode();
            String type = data.pickValue(List.of("inquiry", "inquiry_ok", "declare", "revoke", "master"));
            body.put("type", type);
            if (data.consumeBoolean()) {
                body.put("msg_id", msgId++);
            }
            switch (type) {
                case "inquiry_ok" -> {
                    if (data.consumeBoolean()) {
                        body.put("master", data.pickValue(IDS));
                    } else {
                        body.putNull("master");
                    }
                    body.put("epoch", epoch(data));
                }
                case "declare" -> {
                    body.put("master", data.pickValue(IDS));
                    body.put("epoch", epoch(data));
                }
                case "revoke" -> {
                    body.put("revoked", data.pickValue(IDS));
                    body.put("master", data.pickValue(IDS));
                    body.put("epoch", epoch(data));
                }
                default -> { }
            }
            ObjectNode envelope = F.objectNode();
            envelope.put("src", data.pickValue(List.of("n1", "n2", "n3", "n2", "n3", "n4", "c1")));
            envelope.put("dest", "n1");
            envelope.set("body", body);
            node.feed(envelope.toString());
        }
    }

    private static long epoch(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeLong(0, 3);
            case 1 -> data.consumeLong(0, 50);
            case 2 -> Long.MAX_VALUE - data.consumeLong(0, 2);
            default -> data.consumeLong();
        };
    }

    private static JsonNode value(FuzzedDataProvider data, int depth) {
        int kind = data.consumeInt(0, depth > 0 ? 11 : 8);
        switch (kind) {
            case 0: return F.nullNode();
            case 1: return F.booleanNode(data.consumeBoolean());
            case 2: return F.numberNode(data.consumeInt(-2, 10));
            case 3: return F.numberNode(data.consumeLong());
            case 4: return F.numberNode(new BigInteger(1, data.consumeBytes(12)).negate().add(BigInteger.TEN.pow(20)));
            case 5: return F.numberNode(data.consumeDouble());
            case 6: return F.textNode(data.pickValue(IDS));
            case 7: return F.textNode(data.consumeString(10));
            case 8: {
                try {
                    JsonNode parsed = JSON.readTree(data.consumeString(40));
                    return parsed == null || parsed.isMissingNode() ? F.nullNode() : parsed;
                } catch (Exception e) {
                    return F.textNode("x");
                }
            }
            case 9: {
                ArrayNode array = F.arrayNode();
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    array.add(value(data, depth - 1));
                }
                return array;
            }
            default: {
                ObjectNode object = F.objectNode();
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    object.set(data.consumeBoolean() ? data.pickValue(FIELDS) : data.consumeString(4),
                            value(data, depth - 1));
                }
                return object;
            }
        }
    }
}
