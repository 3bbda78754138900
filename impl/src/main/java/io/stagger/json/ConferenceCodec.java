package io.stagger.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.service.ConferenceReply;
import io.stagger.service.ConferenceState;
import io.stagger.service.ConferenceState.Post;
import io.stagger.service.ConferenceState.Session;
import io.stagger.service.KvResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads and writes the conference's records (docs/CONFERENCE.md): the fields of its replies, and the values it keeps
 * in the replicated state, which travel in the service's snapshots, promises and recovery answers.
 */
public final class ConferenceCodec {
    private ConferenceCodec() {}

    /** Writes the fields of {@code reply} into {@code body}. */
    public static void encodeReply(ConferenceReply reply, ObjectNode body) {
        if (reply instanceof ConferenceReply.Joined joined) {
            body.put("owner", joined.owner());
            strings(body.putArray("members"), joined.members());
        } else if (reply instanceof ConferenceReply.Posted posted) {
            body.put("index", posted.index());
        } else if (reply instanceof ConferenceReply.Messages messages) {
            ArrayNode array = body.putArray("messages");
            for (ConferenceReply.Message message : messages.messages()) {
                ObjectNode o = array.addObject();
                o.put("client", message.client());
                o.put("seq", message.seq());
                o.put("text", message.text());
                o.put("index", message.index());
            }
            body.put("next", messages.next());
        } else if (reply instanceof ConferenceReply.Document document) {
            body.put("text", document.text());
            body.put("version", document.version());
        } else if (reply instanceof ConferenceReply.DocWritten written) {
            body.put("version", written.version());
        } else if (reply instanceof ConferenceReply.Floor floor) {
            body.put("granted", floor.granted());
            body.put("holder", floor.holder());
            body.put("term", floor.term());
        } else if (reply instanceof ConferenceReply.Released released) {
            body.put("released", released.released());
        }
    }

    /**
     * The reply whose fields (beside {@code type}, {@code served_by} and the message ids) are those of {@code body};
     * each reply has its own set of fields.
     */
    public static ConferenceReply decodeReply(JsonNode body) throws MalformedInput {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("type") && !name.equals("served_by") && !name.equals("msg_id")
                    && !name.equals("in_reply_to")) {
                names.add(name);
            }
        }
        String shape = String.join(",", names);
        switch (shape) {
            case "":
                return new ConferenceReply.Done();
            case "owner,members":
                return new ConferenceReply.Joined(ServiceCodec.string(body, "owner"), strings(body, "members"));
            case "index":
                return new ConferenceReply.Posted(ServiceCodec.natural(body, "index"));
            case "messages,next":
                List<ConferenceReply.Message> messages = new ArrayList<>();
                for (JsonNode m : array(body, "messages")) {
                    messages.add(new ConferenceReply.Message(ServiceCodec.string(m, "client"),
                            ServiceCodec.natural(m, "seq"), ServiceCodec.string(m, "text"),
                            ServiceCodec.natural(m, "index")));
                }
                return new ConferenceReply.Messages(messages, ServiceCodec.natural(body, "next"));
            case "text,version":
                return new ConferenceReply.Document(ServiceCodec.string(body, "text"),
                        ServiceCodec.natural(body, "version"));
            case "version":
                return new ConferenceReply.DocWritten(ServiceCodec.natural(body, "version"));
            case "granted,holder,term":
                return new ConferenceReply.Floor(bool(body, "granted"), ServiceCodec.string(body, "holder"),
                        ServiceCodec.natural(body, "term"));
            case "released":
                return new ConferenceReply.Released(bool(body, "released"));
            default:
                throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, "not the fields of a conference reply: " + shape);
        }
    }

    /** A conference record of the replicated state as JSON. */
    static JsonNode encodeStored(Object value) {
        ObjectNode o = Json.NODES.objectNode();
        if (value instanceof ConferenceState meta) {
            o.put("owner", meta.owner());
            strings(o.putArray("members"), meta.members());
            strings(o.putArray("access"), meta.access());
            o.put("holder", meta.holder());
            o.put("term", meta.term());
            o.put("doc", meta.doc());
            o.put("doc_version", meta.docVersion());
            o.put("posts", meta.posts());
        } else if (value instanceof Post post) {
            o.put("client", post.client());
            o.put("seq", post.seq());
            o.put("text", post.text());
        } else if (value instanceof Session session) {
            o.put("seq", session.seq());
            if (session.reply() instanceof KvResult.Fields fields) {
                encodeReply(fields.reply(), o.putObject("ok"));
            } else if (session.reply() instanceof KvResult.Refused refused) {
                o.put("error", refused.code());
                o.put("text", refused.why());
            } else {
                throw new IllegalStateException("a session remembers " + session.reply());
            }
        } else {
            throw new IllegalStateException("not a value of the replicated state: " + value);
        }
        return o;
    }

    /**
     * The conference record stored under {@code key} (the conference's keys: {@code conference "NAME"},
     * {@code post "NAME" I}, {@code session "CLIENT"}), or null if {@code key} is not one of the conference's.
     */
    static Object decodeStored(String key, JsonNode value) throws MalformedInput {
        boolean meta = key.startsWith("conference ");
        boolean post = key.startsWith("post ");
        boolean session = key.startsWith("session ");
        if (!meta && !post && !session) {
            return null;
        }
        if (!value.isObject()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    "the state's " + key + " must be an object, got " + ProtocolCodec.describe(value));
        }
        if (meta) {
            JsonNode holder = value.get("holder");
            return new ConferenceState(ServiceCodec.string(value, "owner"), strings(value, "members"),
                    strings(value, "access"), holder == null || holder.isNull() ? null : ServiceCodec.string(value,
                    "holder"), ServiceCodec.natural(value, "term"), ServiceCodec.string(value, "doc"),
                    ServiceCodec.natural(value, "doc_version"), ServiceCodec.natural(value, "posts"));
        }
        if (post) {
            return new Post(ServiceCodec.string(value, "client"), ServiceCodec.natural(value, "seq"),
                    ServiceCodec.string(value, "text"));
        }
        long seq = ServiceCodec.natural(value, "seq");
        JsonNode ok = value.get("ok");
        if (ok != null && ok.isObject()) {
            return new Session(seq, new KvResult.Fields(decodeReply(ok)));
        }
        JsonNode code = value.get("error");
        if (code == null || !code.canConvertToInt()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, "the state's " + key + " needs 'ok' or 'error'");
        }
        return new Session(seq, new KvResult.Refused(code.asInt(), ServiceCodec.string(value, "text")));
    }

    private static void strings(ArrayNode array, List<String> strings) {
        strings.forEach(array::add);
    }

    private static JsonNode array(JsonNode body, String field) throws MalformedInput {
        JsonNode array = body.get(field);
        if (array == null || !array.isArray()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    "'" + field + "' must be an array, got " + ProtocolCodec.describe(array));
        }
        return array;
    }

    private static List<String> strings(JsonNode body, String field) throws MalformedInput {
        List<String> strings = new ArrayList<>();
        for (JsonNode element : array(body, field)) {
            if (!element.isTextual()) {
                throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                        "'" + field + "' must hold strings, got " + ProtocolCodec.describe(element));
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    private static boolean bool(JsonNode body, String field) throws MalformedInput {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    "'" + field + "' must be true or false, got " + ProtocolCodec.describe(value));
        }
        return value.booleanValue();
    }
}
