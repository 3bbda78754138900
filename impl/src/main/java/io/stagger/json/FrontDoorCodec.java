package io.stagger.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.service.Answer;
import io.stagger.service.Ballot;
import io.stagger.service.ConferenceOp;
import io.stagger.service.ConferenceReply;
import io.stagger.service.KvOp;
import io.stagger.service.KvResult;
import io.stagger.service.NameServer;
import io.stagger.service.ReplicatedOp;
import io.stagger.service.Request;
import io.stagger.service.ServiceInput;

/**
 * Reads and writes what the service's front door ({@link io.stagger.service.FrontDoor}) takes in and sends out: client
 * requests and their replies, {@code kv_forward} and {@code kv_forward_ok} between members, and the name server's
 * {@code read} and {@code cas} on the harness's {@code lin-kv} (docs/SERVICE.md).
 */
public final class FrontDoorCodec {
    private FrontDoorCodec() {}

    /**
     * The service input in a body of {@code type} from {@code src} ({@code msgId}: its {@code msg_id}, or null), or
     * null if it is not one of the service's.
     */
    public static ServiceInput decode(String src, String type, JsonNode body, Long msgId) throws MalformedInput {
        if (src.equals(NameServer.SERVICE) && body.has("in_reply_to")) {
            long inReplyTo = body.path("in_reply_to").asLong(-1);
            return new ServiceInput.NameServerAnswered(inReplyTo, nameServerReply(type, body));
        }
        if (ServiceCodec.isClientType(type)) {
            if (msgId == null) {
                throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, "a key-value request needs a 'msg_id'");
            }
            return new ServiceInput.ClientRequest(new Request(src, msgId, type, ServiceCodec.decodeClientOp(body)));
        }
        if (ServiceCodec.isReplicaType(type)) {
            return new ServiceInput.ReplicaMessage(src, ServiceCodec.decode(body));
        }
        if (type.equals("kv_forward")) {
            JsonNode request = body.get("request");
            if (msgId == null || request == null || !request.isObject()) {
                throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                        "kv_forward needs a 'msg_id' and an object 'request'");
            }
            ReplicatedOp op = ServiceCodec.decodeClientOp(request);
            long clientMsgId = request.path("msg_id").canConvertToExactIntegral() ? request.get("msg_id").asLong() : -1;
            return new ServiceInput.Forwarded(src, msgId,
                    new Request(src, clientMsgId, request.path("type").asText(), op));
        }
        if (type.equals("kv_forward_ok")) {
            return new ServiceInput.ForwardAnswered(body.path("in_reply_to").asLong(-1), relayed(body.get("reply")));
        }
        return null;
    }

    /** The master's reply to a forwarded request, to relay; null if there is none. */
    private static Answer relayed(JsonNode reply) {
        if (reply == null || !reply.isObject()) {
            return null; // a malformed reply: nothing to relay
        }
        JsonNode servedBy = reply.get("served_by");
        String server = servedBy != null && servedBy.isTextual() ? servedBy.textValue() : null;
        try {
            JsonNode type = reply.get("type");
            if (type == null || !type.isTextual()) {
                throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, "no type");
            }
            if (type.textValue().equals("error")) {
                JsonNode code = reply.get("code");
                if (code == null || !code.canConvertToInt()) {
                    throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, "an error without a code");
                }
                JsonNode text = reply.get("text");
                return new Answer(new KvResult.Refused(code.asInt(), text == null ? "" : text.asText()), server);
            }
            if (type.textValue().equals("read_ok") && reply.has("value")) {
                return new Answer(new KvResult.Value(reply.get("value").toString()), server);
            }
            ConferenceReply fields = ConferenceCodec.decodeReply(reply);
            if (fields instanceof ConferenceReply.Done && server == null) {
                return new Answer(KvResult.OK, null); // a write's or a cas's: no field, no server named
            }
            return new Answer(new KvResult.Fields(fields), server);
        } catch (MalformedInput e) {
            // Found by fuzzing: never relay a body without a type. The master may have applied the request.
            return new Answer(new KvResult.Refused(ErrorCode.CRASH,
                    "the master's answer to the forwarded request was malformed; the outcome is unknown"), null);
        }
    }

    /** The Maelstrom reply body of {@code answer} to a request of {@code type}. */
    public static ObjectNode encodeAnswer(String type, Answer answer) {
        ObjectNode body = Json.NODES.objectNode();
        KvResult result = answer.result();
        if (result instanceof KvResult.Fields fields) {
            body.put("type", type + "_ok");
            ConferenceCodec.encodeReply(fields.reply(), body);
        } else if (result instanceof KvResult.Refused refused) {
            error(body, refused.code(), refused.why());
        } else if (result instanceof KvResult.Value value) {
            body.put("type", "read_ok");
            body.set("value", ServiceCodec.parse(value.value()));
        } else if (result instanceof KvResult.Ok) {
            body.put("type", type + "_ok");
        } else if (result instanceof KvResult.NoSuchKey) {
            error(body, ErrorCode.KEY_DOES_NOT_EXIST, "key does not exist");
        } else if (result instanceof KvResult.PreconditionFailed failed) {
            error(body, ErrorCode.PRECONDITION_FAILED,
                    "expected another value; the current value is " + failed.current());
        } else if (result instanceof KvResult.Unavailable unavailable) {
            error(body, ErrorCode.TEMPORARILY_UNAVAILABLE, unavailable.why());
        } else if (result instanceof KvResult.Indefinite indefinite) {
            error(body, ErrorCode.TIMEOUT, indefinite.why());
        }
        if (answer.servedBy() != null) {
            body.put("served_by", answer.servedBy());
        }
        return body;
    }

    /** The {@code kv_forward_ok} body that carries {@code answer} to a forwarded request of {@code type}. */
    public static ObjectNode encodeForwardAnswer(String type, Answer answer) {
        ObjectNode wrapper = Json.NODES.objectNode();
        wrapper.put("type", "kv_forward_ok");
        wrapper.set("reply", encodeAnswer(type, answer));
        return wrapper;
    }

    /** The {@code kv_forward} body that carries {@code request} to the master. */
    public static ObjectNode encodeForward(Request request) {
        ObjectNode forward = Json.NODES.objectNode();
        forward.put("type", "kv_forward");
        ObjectNode body = forward.putObject("request");
        body.put("type", request.type());
        if (request.msgId() >= 0) {
            body.put("msg_id", request.msgId());
        }
        if (request.op() instanceof ConferenceOp conference) {
            body.put("conference", conference.conference());
            body.put("client", conference.client());
            if (conference.kind().changesState()) {
                body.put("seq", conference.seq());
            }
            if (conference.text() != null) {
                body.put("text", conference.text());
            }
            if (conference.target() != null) {
                body.put("target", conference.target());
            }
            if (conference.kind() == ConferenceOp.Kind.READ) {
                body.put("from", conference.from());
            }
        } else if (request.op() instanceof KvOp op) {
            body.set("key", ServiceCodec.parse(op.key()));
            if (op instanceof KvOp.Write write) {
                body.set("value", ServiceCodec.parse(write.value()));
            } else if (op instanceof KvOp.Cas cas) {
                body.set("from", ServiceCodec.parse(cas.from()));
                body.set("to", ServiceCodec.parse(cas.to()));
                if (cas.createIfNotExists()) {
                    body.put("create_if_not_exists", true);
                }
            }
        } else {
            throw new IllegalArgumentException("not a client's operation: " + request.op());
        }
        return forward;
    }

    /** The body of {@code call} to the name server. */
    public static ObjectNode encodeNameServerCall(NameServer.Call call) {
        ObjectNode body = Json.NODES.objectNode();
        if (call instanceof NameServer.Cas cas) {
            body.put("type", "cas");
            body.put("key", NameServer.KEY);
            if (cas.from() == null) {
                body.putNull("from");
            } else {
                body.set("from", nameServerValue(cas.from()));
            }
            body.set("to", nameServerValue(cas.to()));
            body.put("create_if_not_exists", cas.from() == null);
        } else {
            body.put("type", "read");
            body.put("key", NameServer.KEY);
        }
        return body;
    }

    private static JsonNode nameServerValue(NameServer.Value value) {
        if (value.text() != null) {
            return ServiceCodec.parse(value.text()); // exactly what the name server holds, to compare with
        }
        ObjectNode registration = Json.NODES.objectNode();
        registration.put("master", value.master());
        registration.set("ballot", ServiceCodec.ballot(value.ballot()));
        return registration;
    }

    private static NameServer.Reply nameServerReply(String type, JsonNode body) {
        return switch (type) {
            case "read_ok" -> new NameServer.ReadOk(body.has("value") ? nameServerValue(body.get("value")) : null);
            case "cas_ok" -> new NameServer.CasOk();
            case "error" -> new NameServer.Failed(body.path("code").asInt(-1));
            default -> new NameServer.Unexpected(type);
        };
    }

    private static NameServer.Value nameServerValue(JsonNode value) {
        JsonNode master = value.get("master");
        Ballot ballot = null;
        String malformed = null;
        if (value.has("ballot")) {
            try {
                ballot = ServiceCodec.ballot(value, "ballot");
            } catch (MalformedInput e) {
                malformed = e.getMessage();
            }
        }
        return new NameServer.Value(master != null && master.isTextual() ? master.textValue() : null, ballot,
                malformed, value.toString());
    }

    private static void error(ObjectNode body, int code, String text) {
        body.put("type", "error");
        body.put("code", code);
        body.put("text", text);
    }
}
