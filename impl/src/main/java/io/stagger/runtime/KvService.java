package io.stagger.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.core.Role;
import io.stagger.json.ErrorCode;
import io.stagger.json.Json;
import io.stagger.json.MalformedInput;
import io.stagger.json.ServiceCodec;
import io.stagger.service.Ballot;
import io.stagger.service.ConferenceOp;
import io.stagger.service.KvEffects;
import io.stagger.service.KvMessage;
import io.stagger.service.KvReplica;
import io.stagger.service.KvResult;
import io.stagger.service.ReplicatedOp;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service the group provides, wired to the node: Maelstrom {@code lin-kv} requests ({@code read}, {@code write},
 * {@code cas}) accepted by any node and forwarded to the master it recognises; the replica ({@link KvReplica}) led by
 * the election's MASTER; and the name server (claim 27): the master registers itself under {@link #NAME_KEY} in the
 * harness's {@code lin-kv} service, by {@code cas} so that an older ballot never overwrites a newer one, and a node
 * that recognises no master looks it up there. No protocol decision is made here: the replica decides.
 */
final class KvService implements KvEffects {
    /** The key of the name server's registration in the harness's {@code lin-kv} service. */
    static final String NAME_KEY = "stagger-master";
    /** The Maelstrom service that holds the registration. */
    static final String NAME_SERVICE = "lin-kv";
    /** Requests waiting for a forward's reply or a name-server answer; the oldest is dropped beyond it. */
    static final int MAX_PENDING = 10_000;
    private static final int MAX_REGISTRATION_ATTEMPTS = 5;

    /** How a request reached this node: directly from a client, or forwarded by another node. */
    record Handle(String replyTo, long msgId, String type, boolean forwarded) {}

    /** What a request to the harness's {@code lin-kv} was for. */
    private sealed interface NameServerCall permits Register, Lookup {}

    private record Register(Ballot ballot, int attempt) implements NameServerCall {}

    private record Lookup(List<PendingClient> clients) implements NameServerCall {}

    private record PendingClient(Handle handle, JsonNode body) {}

    /** A client's request that this node forwarded to {@code master}, waiting for its answer. */
    private record Forwarded(Handle client, String master) {}

    /** What the service needs from the node: send a body, know the time and whom the election recognises. */
    interface Node {
        long send(String dest, ObjectNode body, Long inReplyTo);

        String self();

        String master();

        boolean isMember(String id);

        void log(String text);

        long nowMicros();
    }

    private final Node node;
    private final KvReplica replica;
    private final Set<DeliberateBreak> breaks;
    private final Map<Long, Forwarded> forwardedByMe = boundedMap();
    private final Map<Long, NameServerCall> nameServerCalls = boundedMap();
    private long retryAtMicros = Long.MIN_VALUE;
    private long recoveryStartMicros;
    private KvMessage lastEncoded;
    private ObjectNode lastEncodedBody;

    KvService(Node node, List<String> members, long incarnation, long retryMicros, boolean majorityRule,
              long snapshotPeriodMicros, Set<DeliberateBreak> breaks) {
        this.node = node;
        this.breaks = breaks.isEmpty() ? EnumSet.noneOf(DeliberateBreak.class) : EnumSet.copyOf(breaks);
        boolean majority = majorityRule && !this.breaks.contains(DeliberateBreak.REPLICATION);
        this.replica = new KvReplica(node.self(), members, incarnation, retryMicros, majority, snapshotPeriodMicros);
    }

    /** This boot is a restart (rule 9): the replica recovers its promises and state from the group first. */
    void recover(long nowMicros) {
        recoveryStartMicros = nowMicros;
        replica.recover(nowMicros, this);
    }

    /** Keeps the replica's leadership in step with the election's role. */
    void roleIs(Role role, long nowMicros) {
        if (role == Role.MASTER) {
            replica.lead(nowMicros, this);
        } else {
            replica.follow(this);
        }
    }

    /**
     * The election changed the master this node recognises ("disconnect the failed server", docs/CONFERENCE.md): the
     * requests it forwarded to any other server will most likely never be answered, so it answers them now, as
     * indeterminate (error 0: the old master may have applied them), rather than leave the clients to time out;
     * a client retries with the same {@code seq} and this node forwards the retry to the new master.
     */
    void masterChanged(String master) {
        for (Iterator<Forwarded> it = forwardedByMe.values().iterator(); it.hasNext(); ) {
            Forwarded forwarded = it.next();
            if (!forwarded.master().equals(master)) {
                it.remove();
                answer(forwarded.client(), new KvResult.Indefinite("forwarded to " + forwarded.master()
                        + ", which is no longer the master here; it may or may not have happened"));
            }
        }
    }

    /** A {@code read}, {@code write} or {@code cas} from a client. */
    void clientRequest(String src, Long msgId, JsonNode body, Role role, long nowMicros) throws MalformedInput {
        if (msgId == null) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, "a key-value request needs a 'msg_id'");
        }
        ReplicatedOp op = decode(body);
        Handle handle = new Handle(src, msgId, body.path("type").asText(), false);
        if (role == Role.MASTER) {
            replica.request(handle, op, nowMicros, this);
        } else if (node.master() != null) {
            forward(node.master(), handle, body);
        } else {
            lookUpMasterFor(new PendingClient(handle, body));
        }
    }

    /** A request that another node forwarded to this one, believing it master. */
    void forwarded(String src, Long msgId, JsonNode body, Role role, long nowMicros) throws MalformedInput {
        JsonNode request = body.get("request");
        if (msgId == null || request == null || !request.isObject()) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, "kv_forward needs a 'msg_id' and an object 'request'");
        }
        ReplicatedOp op = decode(request);
        Handle handle = new Handle(src, msgId, request.path("type").asText(), true);
        if (role == Role.MASTER) {
            replica.request(handle, op, nowMicros, this);
        } else {
            answer(handle, new KvResult.Unavailable(node.self() + " is not the master"));
        }
    }

    private ReplicatedOp decode(JsonNode body) throws MalformedInput {
        ReplicatedOp op = ServiceCodec.decodeClientOp(body);
        if (breaks.contains(DeliberateBreak.ACCESS_CHECK) && op instanceof ConferenceOp conference
                && conference.kind() == ConferenceOp.Kind.DOC_WRITE) {
            return ServiceCodec.conferenceOp(ConferenceOp.Kind.DOC_WRITE_UNCHECKED, body);
        }
        return op;
    }

    /** The master's answer to a request this node forwarded: relay it to the client. */
    void forwardReply(JsonNode body) {
        Forwarded forwarded = forwardedByMe.remove(body.path("in_reply_to").asLong(-1));
        Handle client = forwarded == null ? null : forwarded.client();
        JsonNode reply = body.get("reply");
        if (client == null || reply == null || !reply.isObject()) {
            return; // the client gave up long ago, or a malformed reply: nothing to relay
        }
        ObjectNode copy = ((ObjectNode) reply).deepCopy();
        copy.remove("msg_id");
        copy.remove("in_reply_to");
        if (!copy.path("type").isTextual()) {
            // Found by fuzzing: never relay a body without a type. The master may have applied the request.
            copy = Json.NODES.objectNode();
            copy.put("type", "error");
            copy.put("code", ErrorCode.CRASH);
            copy.put("text", "the master's answer to the forwarded request was malformed; the outcome is unknown");
        }
        node.send(client.replyTo(), copy, client.msgId());
    }

    /** A message between replicas. */
    void replicaMessage(String src, JsonNode body, long nowMicros) throws MalformedInput {
        if (!node.isMember(src)) {
            throw new MalformedInput(ErrorCode.MALFORMED_REQUEST, "a service message must come from a member, not " + src);
        }
        replica.receive(src, ServiceCodec.decode(body), nowMicros, this);
    }

    /** A reply from the harness's {@code lin-kv} to a name-server call. */
    void nameServerReply(JsonNode body) {
        NameServerCall call = nameServerCalls.remove(body.path("in_reply_to").asLong(-1));
        String type = body.path("type").asText();
        int code = body.path("code").asInt(-1);
        if (call instanceof Register register) {
            continueRegistration(register, type, code, body.get("value"));
        } else if (call instanceof Lookup lookup) {
            JsonNode value = body.get("value");
            String master = type.equals("read_ok") && value != null ? value.path("master").asText(null) : null;
            for (PendingClient client : lookup.clients()) {
                if (master != null && !master.equals(node.self()) && node.isMember(master)) {
                    forward(master, client.handle(), client.body());
                } else {
                    answer(client.handle(), new KvResult.Unavailable("no master is known, here or at the name server"));
                }
            }
        }
    }

    /** The next retry deadline of the replica, or {@code Long.MIN_VALUE}. */
    long retryAtMicros() {
        return retryAtMicros;
    }

    /** Fires the replica's retry if it is due. */
    void retryIfDue(long nowMicros) {
        if (retryAtMicros != Long.MIN_VALUE && retryAtMicros <= nowMicros) {
            retryAtMicros = Long.MIN_VALUE;
            replica.retry(nowMicros, this);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Forwarding and the name server.

    private void forward(String master, Handle handle, JsonNode body) {
        ObjectNode forward = Json.NODES.objectNode();
        forward.put("type", "kv_forward");
        forward.set("request", body.deepCopy());
        long msgId = node.send(master, forward, null);
        forwardedByMe.put(msgId, new Forwarded(handle, master));
    }

    private void lookUpMasterFor(PendingClient client) {
        ObjectNode read = Json.NODES.objectNode();
        read.put("type", "read");
        read.put("key", NAME_KEY);
        long msgId = node.send(NAME_SERVICE, read, null);
        nameServerCalls.put(msgId, new Lookup(List.of(client)));
    }

    private void register(Ballot ballot, int attempt) {
        if (attempt > MAX_REGISTRATION_ATTEMPTS || !ballot.equals(replica.ballot()) || !replica.serving()) {
            return;
        }
        ObjectNode read = Json.NODES.objectNode();
        read.put("type", "read");
        read.put("key", NAME_KEY);
        nameServerCalls.put(node.send(NAME_SERVICE, read, null), new Register(ballot, attempt));
    }

    private void continueRegistration(Register register, String type, int code, JsonNode current) {
        if (!register.ballot().equals(replica.ballot()) || !replica.serving()) {
            return;
        }
        if (type.equals("cas_ok")) {
            node.log("registered as master with the name server under ballot " + register.ballot());
            return;
        }
        if (type.equals("read_ok") || (type.equals("error") && code == ErrorCode.KEY_DOES_NOT_EXIST)) {
            if (current != null && current.has("ballot")) {
                try {
                    Ballot theirs = ServiceCodec.ballot(current, "ballot");
                    if (!register.ballot().above(theirs)) {
                        return; // a newer master is registered already
                    }
                } catch (MalformedInput e) {
                    node.log("the name server holds a malformed registration; overwriting it: " + current);
                }
            }
            ObjectNode cas = Json.NODES.objectNode();
            cas.put("type", "cas");
            cas.put("key", NAME_KEY);
            if (current == null) {
                cas.putNull("from");
            } else {
                cas.set("from", current);
            }
            ObjectNode mine = cas.putObject("to");
            mine.put("master", node.self());
            mine.set("ballot", ServiceCodec.ballot(register.ballot()));
            cas.put("create_if_not_exists", current == null);
            nameServerCalls.put(node.send(NAME_SERVICE, cas, null), register);
        } else if (type.equals("error")) {
            register(register.ballot(), register.attempt() + 1); // someone else's cas came first: read again
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The replica's effects.

    @Override
    public void send(String to, KvMessage message) {
        if (breaks.contains(DeliberateBreak.REPLICATION)
                && (message instanceof KvMessage.Replicate || message instanceof KvMessage.Sync)) {
            return;
        }
        if (message != lastEncoded) { // a message to every member is encoded once (a snapshot can be large)
            lastEncodedBody = Json.NODES.objectNode();
            ServiceCodec.encode(message, lastEncodedBody);
            lastEncoded = message;
        }
        node.send(to, lastEncodedBody.deepCopy(), null);
    }

    @Override
    public void answer(Object request, KvResult result) {
        Handle handle = (Handle) request;
        ObjectNode reply = ServiceCodec.encodeResult(handle.type(), result);
        if (result instanceof KvResult.Fields) {
            reply.put("served_by", node.self());
        }
        if (handle.forwarded()) {
            ObjectNode wrapper = Json.NODES.objectNode();
            wrapper.put("type", "kv_forward_ok");
            wrapper.set("reply", reply);
            node.send(handle.replyTo(), wrapper, handle.msgId());
        } else {
            node.send(handle.replyTo(), reply, handle.msgId());
        }
    }

    @Override
    public void armRetry(long deadlineMicros) {
        retryAtMicros = deadlineMicros;
    }

    @Override
    public void recovered(long version) {
        node.log("recovered the replicated state from the group: version " + version + ", "
                + (node.nowMicros() - recoveryStartMicros) / 1000 + " ms after the restart");
    }

    @Override
    public void serving(Ballot ballot) {
        node.log("leading the service under ballot " + ballot + " at version " + replica.version());
        register(ballot, 1);
    }

    private static <K, V> Map<K, V> boundedMap() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_PENDING;
            }
        };
    }
}
