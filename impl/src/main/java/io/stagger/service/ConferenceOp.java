package io.stagger.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/**
 * One operation of the on-line conference (docs/CONFERENCE.md), applied by the master and by every backup in the
 * master's one order. It is a deterministic function of the replicated state, which holds, as JSON text:
 *
 * <ul>
 *   <li>{@code conference "NAME"}: {@code {owner, members, access, holder, term, doc, doc_version, posts}} — the
 *       participants, who may write the document besides its owner, the floor's holder (or null) and its term, the
 *       shared document, and how many posts there are;</li>
 *   <li>{@code post "NAME" I}: post number {@code I} of the conference: {@code {client, seq, text}};</li>
 *   <li>{@code session "CLIENT"}: the client's session: the highest {@code seq} applied and its reply, so that a retry
 *       is answered, not applied again.</li>
 * </ul>
 *
 * Names are JSON-quoted inside the keys, so no conference or client name can make two keys meet, and no key is the
 * JSON text of a key-value store's key.
 *
 * @param kind       which request
 * @param conference the conference's name
 * @param client     the client's session
 * @param seq        the client's sequence number (at least 1 for a request that changes state; unused by reads)
 * @param text       the post's or the document's new text ({@code post}, {@code doc_write}), else null
 * @param target     the client given or denied access ({@code grant}, {@code revoke_access}), else null
 * @param from       the first post to return ({@code read}), else 0
 */
public record ConferenceOp(Kind kind, String conference, String client, long seq, String text, String target,
                           long from) implements ReplicatedOp {
    /** Definite error: the client is not a member of the conference. */
    public static final int NOT_A_MEMBER = 1001;
    /** Definite error: the client may not do this to the document or its access list. */
    public static final int ACCESS_DENIED = 1002;
    /** Definite error: the client already had a later request applied. */
    public static final int STALE_SEQUENCE = 1003;
    /** Definite error: the conference holds {@link #MAX_POSTS} posts already. */
    public static final int CONFERENCE_FULL = 1004;
    /**
     * Most posts a conference holds. The whole replicated state travels in one message (a snapshot, a promise, a
     * recovery answer), and a node reads lines of at most 1 MiB; 5,000 posts of short texts keep well inside it.
     */
    public static final int MAX_POSTS = 5_000;
    /** Most posts one {@code read} returns. */
    public static final int READ_LIMIT = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The requests, by their Maelstrom body type. */
    public enum Kind {
        JOIN("join", true),
        LEAVE("leave", true),
        POST("post", true),
        READ("read", false),
        DOC_READ("doc_read", false),
        DOC_WRITE("doc_write", true),
        GRANT("grant", true),
        REVOKE_ACCESS("revoke_access", true),
        FLOOR_REQUEST("floor_request", true),
        FLOOR_RELEASE("floor_release", true),
        /** A {@code doc_write} that skips the access check: only the deliberately broken node makes it. */
        DOC_WRITE_UNCHECKED("doc_write", true);

        private final String type;
        private final boolean changesState;

        Kind(String type, boolean changesState) {
            this.type = type;
            this.changesState = changesState;
        }

        /** The Maelstrom body type of the request (its reply is {@code type + "_ok"}). */
        public String type() {
            return type;
        }

        /** Whether the request may change the state, and so is tracked by the client's session. */
        public boolean changesState() {
            return changesState;
        }

        /** Whether the request carries a {@code text}: the post's, or the document's new one. */
        public boolean takesText() {
            return this == POST || this == DOC_WRITE || this == DOC_WRITE_UNCHECKED;
        }

        /** Whether the request carries a {@code target}: the client given or denied access. */
        public boolean takesTarget() {
            return this == GRANT || this == REVOKE_ACCESS;
        }

        /** The request of Maelstrom body type {@code type}, or null if it is not a conference request. */
        public static Kind ofType(String type) {
            for (Kind kind : values()) {
                if (kind != DOC_WRITE_UNCHECKED && kind.type.equals(type)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public ConferenceOp {
        if (kind == null || conference == null || client == null) {
            throw new IllegalArgumentException("a conference request needs a kind, a 'conference' and a 'client'");
        }
        if (kind.changesState() && seq < 1) {
            throw new IllegalArgumentException(kind.type() + " needs a 'seq' of at least 1, got " + seq);
        }
        if (kind.takesText() != (text != null)) {
            throw new IllegalArgumentException(
                    kind.type() + (kind.takesText() ? " needs a string 'text'" : " takes no text"));
        }
        if (kind.takesTarget() != (target != null)) {
            throw new IllegalArgumentException(
                    kind.type() + (kind.takesTarget() ? " needs a string 'target'" : " takes no target"));
        }
        if (from < 0 || (kind != Kind.READ && from != 0)) {
            throw new IllegalArgumentException(kind.type() + ": 'from' must be a position of at least 0, got " + from);
        }
    }

    @Override
    public KvResult applyTo(Map<String, String> state) {
        if (!kind.changesState()) {
            return kind == Kind.READ ? read(state) : docRead(state);
        }
        String sessionKey = "session " + quoted(client);
        ObjectNode session = parse(state.get(sessionKey));
        if (session != null) {
            long last = session.path("seq").asLong();
            if (seq == last) {
                return replay(session);
            }
            if (seq < last) {
                return new KvResult.Refused(STALE_SEQUENCE,
                        "client " + client + " already had request " + last + " applied; " + seq + " is stale");
            }
        }
        KvResult result = apply(state);
        state.put(sessionKey, remember(result).toString());
        return result;
    }

    private KvResult apply(Map<String, String> state) {
        switch (kind) {
            case JOIN:
                return join(state);
            case LEAVE:
                return leave(state);
            case POST:
                return post(state);
            case DOC_WRITE:
                return docWrite(state, true);
            case DOC_WRITE_UNCHECKED:
                return docWrite(state, false);
            case GRANT:
            case REVOKE_ACCESS:
                return changeAccess(state);
            case FLOOR_REQUEST:
                return floorRequest(state);
            case FLOOR_RELEASE:
                return floorRelease(state);
            default:
                throw new IllegalStateException("not a request that changes state: " + kind);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // One method per request.

    private KvResult join(Map<String, String> state) {
        ObjectNode meta = meta(state);
        if (meta == null) {
            meta = JSON.createObjectNode();
            meta.put("owner", client);
            meta.putArray("members");
            meta.putArray("access");
            meta.putNull("holder");
            meta.put("term", 0);
            meta.put("doc", "");
            meta.put("doc_version", 0);
            meta.put("posts", 0);
        }
        if (!contains(meta.withArray("members"), client)) {
            meta.withArray("members").add(client);
        }
        putMeta(state, meta);
        ObjectNode reply = JSON.createObjectNode();
        reply.put("owner", meta.path("owner").asText());
        reply.set("members", meta.get("members").deepCopy());
        return fields(reply);
    }

    private KvResult leave(Map<String, String> state) {
        ObjectNode meta = meta(state);
        if (!isMember(meta)) {
            return notAMember();
        }
        remove(meta.withArray("members"), client);
        if (client.equals(meta.path("holder").asText(null))) {
            meta.putNull("holder");
        }
        putMeta(state, meta);
        return fields(JSON.createObjectNode());
    }

    private KvResult post(Map<String, String> state) {
        ObjectNode meta = meta(state);
        if (!isMember(meta)) {
            return notAMember();
        }
        long index = meta.path("posts").asLong();
        if (index >= MAX_POSTS) {
            return new KvResult.Refused(CONFERENCE_FULL, "conference " + conference + " holds " + MAX_POSTS
                    + " posts, the most it can");
        }
        ObjectNode post = JSON.createObjectNode();
        post.put("client", client);
        post.put("seq", seq);
        post.put("text", text);
        state.put(postKey(index), post.toString());
        meta.put("posts", index + 1);
        putMeta(state, meta);
        return fields(JSON.createObjectNode().put("index", index));
    }

    private KvResult read(Map<String, String> state) {
        ObjectNode meta = meta(state);
        long count = meta == null ? 0 : meta.path("posts").asLong();
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode messages = reply.putArray("messages");
        long next = from;
        while (next < count && messages.size() < READ_LIMIT) {
            ObjectNode post = parse(state.get(postKey(next)));
            if (post == null) {
                throw new IllegalStateException("post " + next + " of conference " + conference + " is missing");
            }
            post.put("index", next);
            messages.add(post);
            next++;
        }
        reply.put("next", next);
        return fields(reply);
    }

    private KvResult docRead(Map<String, String> state) {
        ObjectNode meta = meta(state);
        ObjectNode reply = JSON.createObjectNode();
        reply.put("text", meta == null ? "" : meta.path("doc").asText());
        reply.put("version", meta == null ? 0 : meta.path("doc_version").asLong());
        return fields(reply);
    }

    private KvResult docWrite(Map<String, String> state, boolean checkAccess) {
        ObjectNode meta = meta(state);
        if (meta == null || (checkAccess && !hasAccess(meta))) {
            return new KvResult.Refused(ACCESS_DENIED,
                    "client " + client + " may not write the document of conference " + conference);
        }
        long version = meta.path("doc_version").asLong() + 1;
        meta.put("doc", text);
        meta.put("doc_version", version);
        putMeta(state, meta);
        return fields(JSON.createObjectNode().put("version", version));
    }

    private KvResult changeAccess(Map<String, String> state) {
        ObjectNode meta = meta(state);
        if (meta == null || !client.equals(meta.path("owner").asText())) {
            return new KvResult.Refused(ACCESS_DENIED,
                    "only the owner of conference " + conference + " may change who writes its document");
        }
        ArrayNode access = meta.withArray("access");
        if (kind == Kind.GRANT && !contains(access, target)) {
            access.add(target);
        } else if (kind == Kind.REVOKE_ACCESS) {
            remove(access, target);
        }
        putMeta(state, meta);
        return fields(JSON.createObjectNode());
    }

    private KvResult floorRequest(Map<String, String> state) {
        ObjectNode meta = meta(state);
        if (!isMember(meta)) {
            return notAMember();
        }
        String holder = meta.path("holder").asText(null);
        if (holder == null) {
            holder = client;
            meta.put("holder", client);
            meta.put("term", meta.path("term").asLong() + 1);
            putMeta(state, meta);
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.put("granted", holder.equals(client));
        reply.put("holder", holder);
        reply.put("term", meta.path("term").asLong());
        return fields(reply);
    }

    private KvResult floorRelease(Map<String, String> state) {
        ObjectNode meta = meta(state);
        if (!isMember(meta)) {
            return notAMember();
        }
        boolean released = client.equals(meta.path("holder").asText(null));
        if (released) {
            meta.putNull("holder");
            putMeta(state, meta);
        }
        return fields(JSON.createObjectNode().put("released", released));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The state's layout and the session's memory.

    private ObjectNode meta(Map<String, String> state) {
        return parse(state.get(metaKey()));
    }

    private void putMeta(Map<String, String> state, ObjectNode meta) {
        state.put(metaKey(), meta.toString());
    }

    private String metaKey() {
        return "conference " + quoted(conference);
    }

    private String postKey(long index) {
        return "post " + quoted(conference) + " " + index;
    }

    private boolean isMember(ObjectNode meta) {
        return meta != null && contains(meta.withArray("members"), client);
    }

    private boolean hasAccess(ObjectNode meta) {
        return client.equals(meta.path("owner").asText()) || contains(meta.withArray("access"), client);
    }

    private KvResult notAMember() {
        return new KvResult.Refused(NOT_A_MEMBER, "client " + client + " is not a member of conference " + conference);
    }

    private ObjectNode remember(KvResult result) {
        ObjectNode session = JSON.createObjectNode();
        session.put("seq", seq);
        if (result instanceof KvResult.Fields fields) {
            session.set("ok", parse(fields.json()));
        } else if (result instanceof KvResult.Refused refused) {
            session.put("error", refused.code());
            session.put("text", refused.why());
        } else {
            throw new IllegalStateException("a conference request ended in " + result);
        }
        return session;
    }

    private static KvResult replay(ObjectNode session) {
        if (session.has("ok")) {
            return new KvResult.Fields(session.get("ok").toString());
        }
        return new KvResult.Refused(session.path("error").asInt(), session.path("text").asText());
    }

    private static KvResult fields(ObjectNode reply) {
        return new KvResult.Fields(reply.toString());
    }

    private static boolean contains(ArrayNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void remove(ArrayNode array, String value) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (array.get(i).asText().equals(value)) {
                array.remove(i);
            }
        }
    }

    private static String quoted(String name) {
        return TextNode.valueOf(name).toString();
    }

    private static ObjectNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                throw new IllegalStateException("the conference state holds a non-object: " + text);
            }
            return (ObjectNode) node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the conference state holds malformed JSON: " + text, e);
        }
    }
}
