package io.stagger.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.stagger.service.Ballot;
import io.stagger.service.ConferenceOp;
import io.stagger.service.KvMessage;
import io.stagger.service.KvOp;
import io.stagger.service.ReplicatedOp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the replicated service's messages (docs/SERVICE.md) and Maelstrom's {@code lin-kv} client
 * bodies. A key-value store's keys and values travel as JSON and are kept as their canonical JSON text.
 */
public final class ServiceCodec {
    /** The types of the messages between replicas of the service. */
    public static final List<String> REPLICA_TYPES = List.of("kv_prepare", "kv_promise", "kv_nack", "kv_sync",
            "kv_replicate", "kv_ack", "kv_need_sync", "kv_recover", "kv_recover_ok");

    /** The types of client requests: {@code lin-kv}'s and the conference's (docs/CONFERENCE.md). */
    public static final List<String> CLIENT_TYPES = clientTypes();

    private ServiceCodec() {}

    /** Whether {@code type} is a message between replicas of the service. */
    public static boolean isReplicaType(String type) {
        return REPLICA_TYPES.contains(type);
    }

    /** Whether {@code type} is a client request: {@code lin-kv}'s or the conference's (docs/CONFERENCE.md). */
    public static boolean isClientType(String type) {
        return CLIENT_TYPES.contains(type);
    }

    private static List<String> clientTypes() {
        // A loop, not a stream: this runs in a node's start, where the stream framework's classes cost their loading.
        List<String> types = new ArrayList<>(List.of("read", "write", "cas"));
        for (ConferenceOp.Kind kind : ConferenceOp.Kind.values()) {
            if (!types.contains(kind.type())) {
                types.add(kind.type());
            }
        }
        return List.copyOf(types);
    }

    /**
     * The client operation in a request body: {@code lin-kv}'s {@code read}, {@code write} or {@code cas}, or a
     * conference request (a {@code read} with a {@code conference} field is the conference's).
     */
    public static ReplicatedOp decodeClientOp(JsonNode body) throws MalformedInput {
        String type = body.path("type").asText();
        ConferenceOp.Kind kind = ConferenceOp.Kind.ofType(type);
        if (kind != null && (kind != ConferenceOp.Kind.READ || body.has("conference"))) {
            return conferenceOp(kind, body);
        }
        String key = jsonField(body, "key");
        return switch (type) {
            case "read" -> new KvOp.Read(key);
            case "write" -> new KvOp.Write(key, jsonField(body, "value"));
            case "cas" -> new KvOp.Cas(key, jsonField(body, "from"), jsonField(body, "to"),
                    body.path("create_if_not_exists").asBoolean(false));
            default -> throw new MalformedInput(ErrorCode.NOT_SUPPORTED, "not a key-value request: " + type);
        };
    }

    /** A conference request of {@code kind} from its body; fields as in docs/CONFERENCE.md. */
    static ConferenceOp conferenceOp(ConferenceOp.Kind kind, JsonNode body) throws MalformedInput {
        String text = kind.takesText() ? string(body, "text") : null;
        String target = kind.takesTarget() ? string(body, "target") : null;
        long seq = kind.changesState() ? natural(body, "seq") : 0;
        long from = kind == ConferenceOp.Kind.READ && body.has("from") ? natural(body, "from") : 0;
        try {
            return new ConferenceOp(kind, string(body, "conference"), string(body, "client"), seq, text, target, from);
        } catch (IllegalArgumentException e) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, e.getMessage());
        }
    }

    /** The replica message in {@code body}. */
    public static KvMessage decode(JsonNode body) throws MalformedInput {
        String type = body.path("type").asText();
        Ballot ballot = ballot(body, "ballot");
        return switch (type) {
            case "kv_prepare" -> new KvMessage.Prepare(ballot);
            case "kv_promise" -> new KvMessage.Promise(ballot, ballot(body, "accepted"), natural(body, "version"),
                    state(body));
            case "kv_nack" -> new KvMessage.Nack(ballot, ballot(body, "promised"));
            case "kv_sync" -> new KvMessage.Sync(ballot, natural(body, "version"), state(body));
            case "kv_replicate" -> new KvMessage.Replicate(ballot, natural(body, "from_version"), ops(body));
            case "kv_ack" -> new KvMessage.Ack(ballot, natural(body, "version"));
            case "kv_need_sync" -> new KvMessage.NeedSync(ballot);
            case "kv_recover" -> new KvMessage.Recover(ballot, natural(body, "nonce"));
            case "kv_recover_ok" -> new KvMessage.RecoverOk(ballot, natural(body, "nonce"), ballot(body, "promised"),
                    ballot(body, "accepted"), natural(body, "version"), state(body));
            default -> throw new MalformedInput(ErrorCode.NOT_SUPPORTED, "not a service message type: " + type);
        };
    }

    /** Writes {@code message} (with its {@code type}) into {@code body}. */
    public static void encode(KvMessage message, ObjectNode body) {
        body.put("type", message.type());
        body.set("ballot", ballot(message.ballot()));
        if (message instanceof KvMessage.Promise promise) {
            body.set("accepted", ballot(promise.accepted()));
            body.put("version", promise.version());
            body.set("state", state(promise.state()));
        } else if (message instanceof KvMessage.Nack nack) {
            body.set("promised", ballot(nack.promised()));
        } else if (message instanceof KvMessage.Sync sync) {
            body.put("version", sync.version());
            body.set("state", state(sync.state()));
        } else if (message instanceof KvMessage.Replicate replicate) {
            body.put("from_version", replicate.fromVersion());
            ArrayNode ops = body.putArray("ops");
            for (ReplicatedOp replicated : replicate.ops()) {
                ObjectNode o = ops.addObject();
                if (replicated instanceof ConferenceOp conference) {
                    encodeConferenceOp(conference, o);
                    continue;
                }
                KvOp op = (KvOp) replicated;
                o.set("key", parse(op.key()));
                if (op instanceof KvOp.Read) {
                    o.put("f", "read");
                } else if (op instanceof KvOp.Write write) {
                    o.put("f", "write");
                    o.set("value", parse(write.value()));
                } else if (op instanceof KvOp.Cas cas) {
                    o.put("f", "cas");
                    o.set("from", parse(cas.from()));
                    o.set("to", parse(cas.to()));
                    o.put("create_if_not_exists", cas.createIfNotExists());
                }
            }
        } else if (message instanceof KvMessage.Ack ack) {
            body.put("version", ack.version());
        } else if (message instanceof KvMessage.Recover recover) {
            body.put("nonce", recover.nonce());
        } else if (message instanceof KvMessage.RecoverOk ok) {
            body.put("nonce", ok.nonce());
            body.set("promised", ballot(ok.promised()));
            body.set("accepted", ballot(ok.accepted()));
            body.put("version", ok.version());
            body.set("state", state(ok.state()));
        }
    }

    private static void encodeConferenceOp(ConferenceOp op, ObjectNode o) {
        o.put("f", "conference");
        o.put("kind", op.kind().name());
        o.put("conference", op.conference());
        o.put("client", op.client());
        o.put("seq", op.seq());
        if (op.text() != null) {
            o.put("text", op.text());
        }
        if (op.target() != null) {
            o.put("target", op.target());
        }
        o.put("from", op.from());
    }

    /** A ballot as JSON: {@code [round, id, incarnation]}. */
    public static ArrayNode ballot(Ballot ballot) {
        ArrayNode array = Json.NODES.arrayNode();
        array.add(ballot.round());
        array.add(ballot.id());
        array.add(ballot.incarnation());
        return array;
    }

    /** A ballot from JSON {@code [round, id, incarnation]}. */
    public static Ballot ballot(JsonNode body, String field) throws MalformedInput {
        JsonNode b = body.get(field);
        if (b == null || !b.isArray() || b.size() != 3 || !b.get(0).canConvertToExactIntegral()
                || !b.get(1).isTextual() || !b.get(2).canConvertToExactIntegral()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, body.path("type").asText() + " field '" + field
                    + "' must be a ballot [round, id, incarnation], got " + ProtocolCodec.describe(b));
        }
        return new Ballot(b.get(0).asLong(), b.get(1).textValue(), b.get(2).asLong());
    }

    /**
     * The state as a JSON object. The key-value store's values are canonical JSON text already, so they are written
     * as they are, not parsed and written again: a snapshot of a large state costs a copy, not a parse. The
     * conference's records are written by {@link ConferenceCodec}.
     */
    private static ObjectNode state(Map<String, Object> state) {
        ObjectNode object = Json.NODES.objectNode();
        for (Map.Entry<String, Object> entry : state.entrySet()) {
            if (entry.getValue() instanceof String json) {
                object.putRawValue(entry.getKey(), new RawValue(json));
            } else {
                object.set(entry.getKey(), ConferenceCodec.encodeStored(entry.getValue()));
            }
        }
        return object;
    }

    private static Map<String, Object> state(JsonNode body) throws MalformedInput {
        JsonNode object = body.get("state");
        if (object == null || !object.isObject()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    body.path("type").asText() + " needs an object 'state', got " + ProtocolCodec.describe(object));
        }
        Map<String, Object> state = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Object conference = ConferenceCodec.decodeStored(entry.getKey(), entry.getValue());
            state.put(entry.getKey(), conference != null ? conference : entry.getValue().toString());
        }
        return state;
    }

    private static List<ReplicatedOp> ops(JsonNode body) throws MalformedInput {
        JsonNode array = body.get("ops");
        if (array == null || !array.isArray()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, "kv_replicate needs an array 'ops'");
        }
        List<ReplicatedOp> ops = new ArrayList<>();
        for (JsonNode o : array) {
            if (o.path("f").asText().equals("conference")) {
                ops.add(conferenceOp(conferenceKind(o), o));
                continue;
            }
            String key = jsonField(o, "key");
            switch (o.path("f").asText()) {
                case "read" -> ops.add(new KvOp.Read(key));
                case "write" -> ops.add(new KvOp.Write(key, jsonField(o, "value")));
                case "cas" -> ops.add(new KvOp.Cas(key, jsonField(o, "from"), jsonField(o, "to"),
                        o.path("create_if_not_exists").asBoolean(false)));
                default -> throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                        "kv_replicate op needs 'f' of read, write or cas, got " + ProtocolCodec.describe(o.get("f")));
            }
        }
        return ops;
    }

    private static ConferenceOp.Kind conferenceKind(JsonNode o) throws MalformedInput {
        String name = o.path("kind").asText();
        for (ConferenceOp.Kind kind : ConferenceOp.Kind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                "a replicated conference op needs a 'kind', got " + ProtocolCodec.describe(o.get("kind")));
    }

    static String string(JsonNode body, String field) throws MalformedInput {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, body.path("type").asText(body.path("f").asText())
                    + " needs a string '" + field + "', got " + ProtocolCodec.describe(value));
        }
        return value.textValue();
    }

    static String jsonField(JsonNode body, String field) throws MalformedInput {
        JsonNode value = body.get(field);
        if (value == null) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    body.path("type").asText(body.path("f").asText()) + " needs a field '" + field + "'");
        }
        return value.toString();
    }

    static long natural(JsonNode body, String field) throws MalformedInput {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToExactIntegral() || value.asLong() < 0) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, body.path("type").asText() + " field '" + field
                    + "' must be a natural number, got " + ProtocolCodec.describe(value));
        }
        return value.asLong();
    }

    /** Parses canonical JSON text kept by the service back into a tree. */
    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the service kept text that is not JSON: " + json, e);
        }
    }
}
