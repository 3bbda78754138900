package io.stagger.service;

import io.stagger.service.ConferenceReply.Message;
import io.stagger.service.ConferenceState.Post;
import io.stagger.service.ConferenceState.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One operation of the on-line conference (docs/CONFERENCE.md), applied by the master and by every backup in the
 * master's one order. It is a deterministic function of the replicated state, which holds, as records:
 *
 * <ul>
 *   <li>{@code conference "NAME"}: the {@link ConferenceState} — the participants, who may write the document besides
 *       its owner, the floor's holder (or null) and its term, the shared document, and how many posts there are;</li>
 *   <li>{@code post "NAME" I}: post number {@code I} of the conference, a {@link Post};</li>
 *   <li>{@code session "CLIENT"}: the client's {@link Session}: the highest {@code seq} applied and its reply, so
 *       that a retry is answered, not applied again.</li>
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
        FLOOR_RELEASE("floor_release", true);

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
            return this == POST || this == DOC_WRITE;
        }

        /** Whether the request carries a {@code target}: the client given or denied access. */
        public boolean takesTarget() {
            return this == GRANT || this == REVOKE_ACCESS;
        }

        /** The request of Maelstrom body type {@code type}, or null if it is not a conference request. */
        public static Kind ofType(String type) {
            for (Kind kind : values()) {
                if (kind.type.equals(type)) {
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
    public KvResult applyTo(Map<String, Object> state) {
        if (!kind.changesState()) {
            return kind == Kind.READ ? read(state) : docRead(state);
        }
        String sessionKey = sessionKey(client);
        if (state.get(sessionKey) instanceof Session session) {
            if (seq == session.seq()) {
                return session.reply();
            }
            if (seq < session.seq()) {
                return new KvResult.Refused(STALE_SEQUENCE, "client " + client + " already had request "
                        + session.seq() + " applied; " + seq + " is stale");
            }
        }
        KvResult result = apply(state);
        if (!(result instanceof KvResult.Fields) && !(result instanceof KvResult.Refused)) {
            throw new IllegalStateException("a conference request ended in " + result);
        }
        state.put(sessionKey, new Session(seq, result));
        return result;
    }

    private KvResult apply(Map<String, Object> state) {
        return switch (kind) {
            case JOIN -> join(state);
            case LEAVE -> leave(state);
            case POST -> post(state);
            case DOC_WRITE -> docWrite(state);
            case GRANT, REVOKE_ACCESS -> changeAccess(state);
            case FLOOR_REQUEST -> floorRequest(state);
            case FLOOR_RELEASE -> floorRelease(state);
            case READ, DOC_READ -> throw new IllegalStateException("not a request that changes state: " + kind);
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // One method per request.

    private KvResult join(Map<String, Object> state) {
        ConferenceState meta = meta(state);
        if (meta == null) {
            meta = ConferenceState.openedBy(client);
        }
        meta = meta.withMembers(ConferenceState.with(meta.members(), client));
        putMeta(state, meta);
        return fields(new ConferenceReply.Joined(meta.owner(), meta.members()));
    }

    private KvResult leave(Map<String, Object> state) {
        ConferenceState meta = meta(state);
        if (!isMember(meta)) {
            return notAMember();
        }
        meta = meta.withMembers(ConferenceState.without(meta.members(), client));
        if (client.equals(meta.holder())) {
            meta = meta.withFloor(null, meta.term());
        }
        putMeta(state, meta);
        return fields(new ConferenceReply.Done());
    }

    private KvResult post(Map<String, Object> state) {
        ConferenceState meta = meta(state);
        if (!isMember(meta)) {
            return notAMember();
        }
        long index = meta.posts();
        if (index >= MAX_POSTS) {
            return new KvResult.Refused(CONFERENCE_FULL, "conference " + conference + " holds " + MAX_POSTS
                    + " posts, the most it can");
        }
        state.put(postKey(conference, index), new Post(client, seq, text));
        putMeta(state, meta.withPosts(index + 1));
        return fields(new ConferenceReply.Posted(index));
    }

    private KvResult read(Map<String, Object> state) {
        ConferenceState meta = meta(state);
        long count = meta == null ? 0 : meta.posts();
        List<Message> messages = new ArrayList<>();
        long next = from;
        while (next < count && messages.size() < READ_LIMIT) {
            if (!(state.get(postKey(conference, next)) instanceof Post post)) {
                throw new IllegalStateException("post " + next + " of conference " + conference + " is missing");
            }
            messages.add(new Message(post.client(), post.seq(), post.text(), next));
            next++;
        }
        return fields(new ConferenceReply.Messages(messages, next));
    }

    private KvResult docRead(Map<String, Object> state) {
        ConferenceState meta = meta(state);
        return fields(meta == null ? new ConferenceReply.Document("", 0)
                : new ConferenceReply.Document(meta.doc(), meta.docVersion()));
    }

    private KvResult docWrite(Map<String, Object> state) {
        ConferenceState meta = meta(state);
        if (meta == null || !hasAccess(meta)) {
            return new KvResult.Refused(ACCESS_DENIED,
                    "client " + client + " may not write the document of conference " + conference);
        }
        long version = meta.docVersion() + 1;
        putMeta(state, meta.withDoc(text, version));
        return fields(new ConferenceReply.DocWritten(version));
    }

    private KvResult changeAccess(Map<String, Object> state) {
        ConferenceState meta = meta(state);
        if (meta == null || !client.equals(meta.owner())) {
            return new KvResult.Refused(ACCESS_DENIED,
                    "only the owner of conference " + conference + " may change who writes its document");
        }
        putMeta(state, meta.withAccess(kind == Kind.GRANT ? ConferenceState.with(meta.access(), target)
                : ConferenceState.without(meta.access(), target)));
        return fields(new ConferenceReply.Done());
    }

    private KvResult floorRequest(Map<String, Object> state) {
        ConferenceState meta = meta(state);
        if (!isMember(meta)) {
            return notAMember();
        }
        if (meta.holder() == null) {
            meta = meta.withFloor(client, meta.term() + 1);
            putMeta(state, meta);
        }
        return fields(new ConferenceReply.Floor(meta.holder().equals(client), meta.holder(), meta.term()));
    }

    private KvResult floorRelease(Map<String, Object> state) {
        ConferenceState meta = meta(state);
        if (!isMember(meta)) {
            return notAMember();
        }
        boolean released = client.equals(meta.holder());
        if (released) {
            putMeta(state, meta.withFloor(null, meta.term()));
        }
        return fields(new ConferenceReply.Released(released));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The state's layout.

    private ConferenceState meta(Map<String, Object> state) {
        Object meta = state.get(metaKey(conference));
        if (meta != null && !(meta instanceof ConferenceState)) {
            throw new IllegalStateException("the conference state holds " + meta + " under " + metaKey(conference));
        }
        return (ConferenceState) meta;
    }

    private void putMeta(Map<String, Object> state, ConferenceState meta) {
        state.put(metaKey(conference), meta);
    }

    /** The key of conference {@code name}'s {@link ConferenceState}. */
    public static String metaKey(String name) {
        return "conference " + quoted(name);
    }

    /** The key of post {@code index} of conference {@code name}. */
    public static String postKey(String name, long index) {
        return "post " + quoted(name) + " " + index;
    }

    /** The key of client {@code client}'s {@link Session}. */
    public static String sessionKey(String client) {
        return "session " + quoted(client);
    }

    private boolean isMember(ConferenceState meta) {
        return meta != null && meta.members().contains(client);
    }

    private boolean hasAccess(ConferenceState meta) {
        return client.equals(meta.owner()) || meta.access().contains(client);
    }

    private KvResult notAMember() {
        return new KvResult.Refused(NOT_A_MEMBER, "client " + client + " is not a member of conference " + conference);
    }

    private static KvResult fields(ConferenceReply reply) {
        return new KvResult.Fields(reply);
    }

    /**
     * {@code name} as a JSON string literal (quotes, backslashes and control characters escaped), so that no name can
     * end a key's field early; the same text a JSON writer gives.
     */
    static String quoted(String name) {
        StringBuilder quoted = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04X", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
