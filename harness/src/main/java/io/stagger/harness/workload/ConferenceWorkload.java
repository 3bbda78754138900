package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.check.ConferenceChecker;
import io.stagger.check.ConferenceRequest;
import io.stagger.history.Json;
import io.stagger.history.Op;
import io.stagger.harness.nemesis.MasterQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The on-line conference (docs/CONFERENCE.md): one conference, one session per client slot (c0, c1, ...), each
 * joining and then posting, reading through the posts, reading and writing the shared document, passing the
 * floor, now and then leaving and joining again; the owner grants and revokes the others' access to the document,
 * except for the outsiders, who are never granted and keep trying to write. A session sends a request whose outcome
 * it does not know again, with the same seq, at another node, before anything new. The final phase reads every post
 * and the document from each live node. The checker is {@link ConferenceChecker}.
 */
public final class ConferenceWorkload implements Generator, OpClient, MasterQuery {
    /** The one conference the sessions share. */
    public static final String CONFERENCE = "main";
    /** The client name of the final phase's reads, which belong to no session. */
    public static final String FINAL_CLIENT = "final";
    public static final int NOT_A_MEMBER = 1001;
    public static final int MALFORMED = 12;
    /** Error 11: this attempt had no effect (no master), but an earlier attempt with the same seq may have had. */
    public static final int UNAVAILABLE = 11;
    /** Most pages one final read follows: bounds a node whose `next` never stops growing. */
    static final int MAX_FINAL_PAGES = 10_000;
    /** Most attempts of one final request (page), each at the next live node. */
    static final int MAX_FINAL_ATTEMPTS = 10;

    /** The reply's fields that are Maelstrom's, not the conference's: left out of the history's value. */
    private static final Set<String> ENVELOPE_FIELDS = Set.of("type", "msg_id", "in_reply_to");
    private static final Set<String> CHANGES_STATE = Set.of("join", "leave", "post", "doc_write", "grant",
            "revoke_access", "floor_request", "floor_release");

    private final List<ConferenceSession> sessions = new ArrayList<>();
    private final Map<String, ConferenceSession> byClient = new HashMap<>();
    private volatile String owner;
    private volatile String latestServer;
    private volatile List<String> finalNodes = List.of();

    /** Sessions c0 … c(concurrency-1) over nodes n1 … n(nodeCount); the last quarter of them are outsiders. */
    public ConferenceWorkload(int nodeCount, int concurrency) {
        List<String> nodeIds = IntStream.rangeClosed(1, nodeCount).mapToObj(i -> "n" + i).toList();
        int outsiders = concurrency >= 3 ? Math.max(1, concurrency / 4) : 0;
        for (int slot = 0; slot < concurrency; slot++) {
            ConferenceSession session = new ConferenceSession("c" + slot, slot >= concurrency - outsiders, nodeIds, slot);
            sessions.add(session);
            byClient.put(session.client, session);
        }
    }

    @Override
    public Request next(int process, SplittableRandom random) {
        ConferenceSession session = sessions.get(process % sessions.size());
        Request retry = session.retry(random);
        if (retry != null) {
            return retry;
        }
        if (!session.member) {
            // c0 joins first and so owns the conference; the others wait for it, so that no outsider becomes the owner.
            if (owner == null && !session.client.equals(sessions.get(0).client)) {
                return session.request("doc_read", Json.object(), false);
            }
            return session.request("join", Json.object(), true);
        }
        int roll = random.nextInt(100);
        if (roll < 45) {
            return post(session);
        }
        if (roll < 60) {
            return session.request("read", Json.object().put("from", session.readFrom), false);
        }
        if (roll < 65) {
            return session.request("doc_read", Json.object(), false);
        }
        if (roll < 75) {
            return session.request("doc_write", Json.object().put("text", session.client + " wrote this"), true);
        }
        if (roll < 87) {
            return session.request(session.holdsFloor ? "floor_release" : "floor_request", Json.object(), true);
        }
        if (roll < 89) {
            return session.request("leave", Json.object(), true);
        }
        if (session.client.equals(owner)) {
            return changeAccess(session, random);
        }
        return post(session);
    }

    private static Request post(ConferenceSession session) {
        return session.request("post", Json.object().put("text", "a post by " + session.client), true);
    }

    /** The owner grants access to a session it has not granted, or revokes a grant; never to an outsider. */
    private Request changeAccess(ConferenceSession ownerSession, SplittableRandom random) {
        List<String> grantable = sessions.stream().filter(s -> !s.outsider && !s.client.equals(owner))
                .map(s -> s.client).toList();
        if (grantable.isEmpty()) {
            return post(ownerSession);
        }
        String target = grantable.get(random.nextInt(grantable.size()));
        String f = ownerSession.granted.contains(target) ? "revoke_access" : "grant";
        return ownerSession.request(f, Json.object().put("target", target), true);
    }

    /** From each live node: every post, page by page from 0, and the document. */
    @Override
    public List<Request> finalRequests(List<String> liveNodes) {
        finalNodes = List.copyOf(liveNodes);
        List<Request> requests = new ArrayList<>();
        for (String node : liveNodes) {
            requests.add(finalRead(node, 0, 1, 1));
            requests.add(finalRequest("doc_read", Json.object().put("attempt", 1), node));
        }
        return requests;
    }

    private static Request finalRead(String node, long from, int page, int attempt) {
        return finalRequest("read", Json.object().put("from", from).put("page", page).put("attempt", attempt), node);
    }

    private static Request finalRequest(String f, ObjectNode fields, String node) {
        ObjectNode value = Json.object().put("client", FINAL_CLIENT);
        value.setAll(fields);
        ObjectNode body = Json.object().put("type", f).put("conference", CONFERENCE).put("client", FINAL_CLIENT);
        if (fields.has("from")) {
            body.put("from", fields.get("from").asLong());
        }
        return new Request(f, value, body, node);
    }

    /** A final read continues from its `next` until `next` stops growing; a failed final request tries the next node. */
    @Override
    public Request followUp(Request request, Completion completion) {
        JsonNode value = request.value();
        int attempt = value.path("attempt").asInt();
        if (completion.type() != Op.Type.OK) {
            if (attempt >= MAX_FINAL_ATTEMPTS || finalNodes.isEmpty()) {
                return null;
            }
            String node = finalNodes.get((finalNodes.indexOf(request.node()) + 1) % finalNodes.size());
            ObjectNode again = ((ObjectNode) value.deepCopy()).put("attempt", attempt + 1);
            again.remove("client");
            return finalRequest(request.f(), again, node);
        }
        if (!request.f().equals("read")) {
            return null;
        }
        long from = value.path("from").asLong();
        long next = completion.value().path("next").asLong(from);
        int page = value.path("page").asInt();
        if (next <= from || page >= MAX_FINAL_PAGES) {
            return null;
        }
        return finalRead(request.node(), next, page + 1, 1);
    }

    @Override
    public boolean idempotent(String f) {
        return !CHANGES_STATE.contains(f);
    }

    @Override
    public Completion complete(Request request, String node, JsonNode reply) {
        ConferenceSession session = byClient.get(request.value().path("client").asText());
        ObjectNode value = request.value().deepCopy();
        if (OpClient.isOk(request, reply)) {
            reply.fields().forEachRemaining(field -> {
                if (!ENVELOPE_FIELDS.contains(field.getKey())) {
                    value.set(field.getKey(), field.getValue());
                }
            });
            if (reply.path("served_by").isTextual()) {
                latestServer = reply.get("served_by").asText();
            }
            if (session != null) {
                applied(session, request, reply);
            }
            return Completion.ok(value);
        }
        if (!reply.path("type").asText().equals("error")) {
            return OpClient.unexpected(request, reply);
        }
        int code = reply.path("code").asInt(-1);
        value.put("code", code);
        String error = "error " + code + ": " + reply.path("text").asText("");
        boolean refused = ConferenceRequest.REFUSALS.contains(code) || code == MALFORMED;
        if (session != null && code == 0) {
            session.answeredIndeterminate();
        } else if (session != null && code == UNAVAILABLE) {
            session.answeredUnavailable();
        }
        if (session != null && refused) {
            session.resolved();
            if (code == NOT_A_MEMBER) {
                session.member = false;
                session.holdsFloor = false;
            }
        }
        if (refused || code == UNAVAILABLE || idempotent(request.f())) {
            return new Completion(Op.Type.FAIL, value, error);
        }
        return new Completion(Op.Type.INFO, value, error);
    }

    /** What the session learns from an ok reply. */
    private void applied(ConferenceSession session, Request request, JsonNode reply) {
        session.resolved();
        switch (request.f()) {
            case "join":
                session.member = true;
                if (owner == null && reply.path("owner").isTextual()) {
                    owner = reply.get("owner").asText();
                }
                break;
            case "leave":
                session.member = false;
                session.holdsFloor = false;
                break;
            case "read":
                session.readFrom = Math.max(session.readFrom, reply.path("next").asLong(session.readFrom));
                break;
            case "floor_request":
                session.holdsFloor = reply.path("granted").asBoolean();
                break;
            case "floor_release":
                session.holdsFloor = false;
                break;
            case "grant":
                session.granted.add(request.value().path("target").asText());
                break;
            case "revoke_access":
                session.granted.remove(request.value().path("target").asText());
                break;
            default:
                break;
        }
    }

    @Override
    public void nodeKilled(String node) {
        if (node.equals(latestServer)) {
            latestServer = null;
        }
    }

    /** The node that served the latest ok reply: the master, as far as the clients know. */
    @Override
    public String likelyMaster() {
        return latestServer;
    }
}
