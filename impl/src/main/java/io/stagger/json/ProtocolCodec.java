package io.stagger.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.core.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the protocol messages of PROTOCOL.md §3 from Maelstrom bodies read as trees: the path of a line that
 * {@link EnvelopeReader} declined. It checks every field's kind and says exactly what is wrong; it never half-decodes.
 * {@link EnvelopeWriter} writes them.
 */
public final class ProtocolCodec {
    private ProtocolCodec() {}

    /** The protocol's message types: the node registers a handler for each. */
    public static final List<String> TYPES = List.of("inquiry", "inquiry_ok", "declare", "revoke", "suspect");

    /** The protocol message in {@code body}, whose {@code type} is a protocol type. */
    public static Message decode(JsonNode body) throws MalformedInput {
        String type = body.path("type").asText();
        return switch (type) {
            case "inquiry" -> Message.Inquiry.INSTANCE;
            case "inquiry_ok" -> new Message.InquiryOk(optionalId(body, "master"), epoch(body));
            case "declare" -> new Message.Declare(requiredId(body, "master"), epoch(body), live(body));
            case "revoke" -> new Message.Revoke(requiredId(body, "revoked"), requiredId(body, "master"), epoch(body),
                    live(body));
            case "suspect" -> new Message.Suspect(requiredId(body, "failed"), epoch(body));
            default -> throw new MalformedInput(ErrorCode.NOT_SUPPORTED, "not a protocol message type: " + type);
        };
    }

    private static String requiredId(JsonNode body, String field) throws MalformedInput {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    body.path("type").asText() + " needs a string field '" + field + "', got " + describe(value));
        }
        return value.textValue();
    }

    private static String optionalId(JsonNode body, String field) throws MalformedInput {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    body.path("type").asText() + " field '" + field + "' must be a string or null, got "
                            + describe(value));
        }
        return value.textValue();
    }

    /** Variant {@code roster}'s optional {@code live}: an array of ids, or absent (null: no roster sent). */
    private static List<String> live(JsonNode body) throws MalformedInput {
        JsonNode value = body.get("live");
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode id : value) {
                if (!id.isTextual()) {
                    ids = null;
                    break;
                }
                ids.add(id.textValue());
            }
        }
        if (!value.isArray() || ids == null) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    body.path("type").asText() + " field 'live' must be an array of node ids, got " + describe(value));
        }
        return ids;
    }

    private static long epoch(JsonNode body) throws MalformedInput {
        JsonNode value = body.get("epoch");
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST,
                    body.path("type").asText() + " field 'epoch' must be a natural number, got " + describe(value));
        }
        return value.asLong();
    }

    /** A short description of a JSON value for an error text. */
    public static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        String text = value.toString();
        return value.getNodeType().name().toLowerCase() + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
}
