package io.stagger.service;

import io.stagger.core.Role;
import io.stagger.service.ServiceInput.ClientRequest;
import io.stagger.service.ServiceInput.ForwardAnswered;
import io.stagger.service.ServiceInput.Forwarded;
import io.stagger.service.ServiceInput.NameServerAnswered;
import io.stagger.service.ServiceInput.ReplicaMessage;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The service's front door on one server, as a pure state machine like {@link KvReplica} (no clock, no threads, no
 * I/O; time passed in, effects out): the node and the simulator both drive it, so they make the same decisions.
 *
 * <ul>
 *   <li><b>Routing</b> (claim 1): a client's request goes to this server's replica if the election made it MASTER,
 *       is forwarded to the master it recognises otherwise, and waits for a look-up at the name server if it
 *       recognises none.</li>
 *   <li><b>The name server</b> (claim 27): a master that serves registers itself under {@link NameServer#KEY} by
 *       compare-and-set, so that an older ballot never overwrites a newer one.</li>
 *   <li><b>A change of master</b> ("disconnect the failed server", docs/CONFERENCE.md): what this server forwarded to
 *       any other server is answered at once with error 0 (it may have happened); a client retries with the same
 *       {@code seq}, and this server forwards the retry to the new master.</li>
 *   <li>The replica ({@link KvReplica}) is kept in step with the election's role.</li>
 * </ul>
 */
public final class FrontDoor {
    /** Requests waiting for a forward's answer or a name-server answer; the oldest is dropped beyond it. */
    public static final int MAX_PENDING = 10_000;
    /** Reads and compare-and-sets one registration tries before it gives up (another master keeps winning). */
    public static final int MAX_REGISTRATION_ATTEMPTS = 5;

    /** How a request reached this server: {@code request} from {@code replyTo}, to be answered in reply to {@code inReplyTo}. */
    public record Handle(String replyTo, long inReplyTo, Request request, boolean forwarded) {}

    /** Where the front door puts what a step decided; the node writes it out, the simulator delivers it. */
    public interface Out {
        /** Send {@code message} to replica {@code to}. */
        void send(String to, KvMessage message);

        /** Forward {@code request} to {@code master}; returns the id its answer will come back in reply to. */
        long forward(String master, Request request);

        /** Answer the request that {@code handle} came by (to the client, or to the server that forwarded it). */
        void answer(Handle handle, Answer answer);

        /** Send {@code call} to the name server; returns the id its answer will come back in reply to. */
        long callNameServer(NameServer.Call call);

        /** Call {@link FrontDoor#retry} at {@code deadlineMicros}. */
        void armRetry(long deadlineMicros);

        /** A line for the log. */
        default void log(String text) {}

        /** This server's replica, serving, answered {@code handle}'s request with {@code result} (for checkers). */
        default void served(Handle handle, KvResult result) {}

        /** This server's replica leads the service under {@code ballot} from now on. */
        default void serving(Ballot ballot) {}
    }

    /** What a request to the name server was for. */
    private sealed interface NameServerCall permits Register, Lookup {}

    private record Register(Ballot ballot, int attempt) implements NameServerCall {}

    private record Lookup(Request client) implements NameServerCall {}

    /** A client's request that this server forwarded to {@code master}, waiting for its answer. */
    private record Forward(Request client, String master) {}

    private final String self;
    private final List<String> members;
    private final KvReplica replica;
    private final Out out;
    private final ReplicaOut replicaOut = new ReplicaOut();
    private final Map<Long, Forward> forwardedByMe = boundedMap();
    private final Map<Long, NameServerCall> nameServerCalls = boundedMap();
    private Role role = Role.WAITING;
    private String master;
    private long retryAtMicros = Long.MIN_VALUE;
    private long recoveryStartMicros;
    private long nowMicros; // of the step under way

    /** The front door of {@code replica}'s server, a member of {@code members}, writing its effects to {@code out}. */
    public FrontDoor(KvReplica replica, String self, List<String> members, Out out) {
        if (!members.contains(self)) {
            throw new IllegalArgumentException(self + " is not a member of " + members);
        }
        this.self = self;
        this.members = List.copyOf(members);
        this.replica = replica;
        this.out = out;
    }

    /** This boot is a restart (rule 9): the replica recovers its promises and state from the group first. */
    public void recover(long nowMicros) {
        this.nowMicros = nowMicros;
        recoveryStartMicros = nowMicros;
        replica.recover(nowMicros, replicaOut);
    }

    /**
     * The election's state after a step: the replica leads while the server is MASTER, and a change of the master it
     * recognises answers what was forwarded elsewhere with error 0.
     */
    public void election(Role newRole, String newMaster, long nowMicros) {
        this.nowMicros = nowMicros;
        role = newRole;
        if (role == Role.MASTER) {
            replica.lead(nowMicros, replicaOut);
        } else {
            replica.follow(replicaOut);
        }
        if (!Objects.equals(master, newMaster)) {
            master = newMaster;
            masterChanged();
        }
    }

    /** Something from outside: a client, another member, or the name server. */
    public void receive(ServiceInput input, long nowMicros) {
        this.nowMicros = nowMicros;
        if (input instanceof ClientRequest client) {
            clientRequest(client.request(), nowMicros);
        } else if (input instanceof Forwarded forwarded) {
            forwarded(forwarded, nowMicros);
        } else if (input instanceof ForwardAnswered answered) {
            forwardAnswered(answered);
        } else if (input instanceof ReplicaMessage message) {
            replicaMessage(message, nowMicros);
        } else if (input instanceof NameServerAnswered answered) {
            nameServerAnswered(answered, nowMicros);
        } else {
            throw new IllegalArgumentException("not a service input: " + input);
        }
    }

    /** The retry timer: due at {@link #retryAtMicros()}. */
    public void retry(long nowMicros) {
        this.nowMicros = nowMicros;
        if (retryAtMicros != Long.MIN_VALUE && retryAtMicros <= nowMicros) {
            retryAtMicros = Long.MIN_VALUE;
            replica.retry(nowMicros, replicaOut);
        }
    }

    /** The next retry deadline, or {@code Long.MIN_VALUE}. */
    public long retryAtMicros() {
        return retryAtMicros;
    }

    /** This server's replica. */
    public KvReplica replica() {
        return replica;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Routing.

    private void clientRequest(Request request, long nowMicros) {
        if (role == Role.MASTER) {
            replica.request(new Handle(request.client(), request.msgId(), request, false), request.op(), nowMicros,
                    replicaOut);
        } else if (master != null) {
            forward(master, request);
        } else {
            nameServerCalls.put(out.callNameServer(new NameServer.Read()), new Lookup(request));
        }
    }

    private void forwarded(Forwarded forwarded, long nowMicros) {
        Handle handle = new Handle(forwarded.from(), forwarded.msgId(), forwarded.request(), true);
        if (role == Role.MASTER) {
            replica.request(handle, forwarded.request().op(), nowMicros, replicaOut);
        } else {
            out.answer(handle, new Answer(new KvResult.Unavailable(self + " is not the master"), null));
        }
    }

    private void forward(String to, Request request) {
        forwardedByMe.put(out.forward(to, request), new Forward(request, to));
    }

    /** The master's answer to a request this server forwarded: relay it to the client. */
    private void forwardAnswered(ForwardAnswered answered) {
        Forward forward = forwardedByMe.remove(answered.inReplyTo());
        if (forward == null || answered.answer() == null) {
            return; // answered with error 0 already (the master changed), or nothing to relay
        }
        out.answer(clientHandle(forward.client()), answered.answer());
    }

    private void masterChanged() {
        for (Iterator<Forward> it = forwardedByMe.values().iterator(); it.hasNext(); ) {
            Forward forward = it.next();
            if (!forward.master().equals(master)) {
                it.remove();
                out.answer(clientHandle(forward.client()), new Answer(new KvResult.Indefinite("forwarded to "
                        + forward.master() + ", which is no longer the master here; it may or may not have happened"),
                        null));
            }
        }
    }

    private static Handle clientHandle(Request request) {
        return new Handle(request.client(), request.msgId(), request, false);
    }

    private void replicaMessage(ReplicaMessage message, long nowMicros) {
        if (!members.contains(message.from())) {
            throw new IllegalArgumentException("a service message must come from a member, not " + message.from());
        }
        replica.receive(message.from(), message.message(), nowMicros, replicaOut);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The name server.

    private void nameServerAnswered(NameServerAnswered answered, long nowMicros) {
        NameServerCall call = nameServerCalls.remove(answered.inReplyTo());
        if (call instanceof Register register) {
            continueRegistration(register, answered.reply());
        } else if (call instanceof Lookup lookup && (role == Role.MASTER || master != null)) {
            // The election named a master while the look-up was under way: the name server may still hold the old
            // one, and a request forwarded there would wait for an answer that never comes.
            clientRequest(lookup.client(), nowMicros);
        } else if (call instanceof Lookup lookup) {
            String found = answered.reply() instanceof NameServer.ReadOk read && read.value() != null
                    ? read.value().master() : null;
            if (found != null && !found.equals(self) && members.contains(found)) {
                forward(found, lookup.client());
            } else {
                out.answer(clientHandle(lookup.client()), new Answer(
                        new KvResult.Unavailable("no master is known, here or at the name server"), null));
            }
        }
    }

    private void register(Ballot ballot, int attempt) {
        if (attempt > MAX_REGISTRATION_ATTEMPTS || !ballot.equals(replica.ballot()) || !replica.serving()) {
            return;
        }
        nameServerCalls.put(out.callNameServer(new NameServer.Read()), new Register(ballot, attempt));
    }

    private void continueRegistration(Register register, NameServer.Reply reply) {
        if (!register.ballot().equals(replica.ballot()) || !replica.serving()) {
            return;
        }
        if (reply instanceof NameServer.CasOk) {
            out.log("registered as master with the name server under ballot " + register.ballot());
        } else if (reply instanceof NameServer.ReadOk read) {
            casFrom(register, read.value());
        } else if (reply instanceof NameServer.Failed failed && failed.code() == NameServer.KEY_DOES_NOT_EXIST) {
            casFrom(register, null);
        } else if (reply instanceof NameServer.Failed) {
            register(register.ballot(), register.attempt() + 1); // someone else's cas came first: read again
        }
    }

    private void casFrom(Register register, NameServer.Value current) {
        if (current != null && current.malformed() != null) {
            out.log("the name server holds a malformed registration; overwriting it: " + current.text());
        } else if (current != null && current.ballot() != null && !register.ballot().above(current.ballot())) {
            return; // a newer master is registered already
        }
        nameServerCalls.put(out.callNameServer(new NameServer.Cas(current,
                NameServer.Value.registration(self, register.ballot()))), register);
    }

    private static <K, V> Map<K, V> boundedMap() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MAX_PENDING;
            }
        };
    }

    /** The replica's effects: to the front door's, and its answers by the way a request came. */
    private final class ReplicaOut implements KvEffects {
        @Override
        public void send(String to, KvMessage message) {
            out.send(to, message);
        }

        @Override
        public void answer(Object request, KvResult result) {
            Handle handle = (Handle) request;
            out.served(handle, result);
            out.answer(handle, new Answer(result, result instanceof KvResult.Fields ? self : null));
        }

        @Override
        public void armRetry(long deadlineMicros) {
            retryAtMicros = deadlineMicros;
            out.armRetry(deadlineMicros);
        }

        @Override
        public void recovered(long version) {
            out.log("recovered the replicated state from the group: version " + version + ", "
                    + (nowMicros - recoveryStartMicros) / 1000 + " ms after the restart");
        }

        @Override
        public void serving(Ballot ballot) {
            out.log("leading the service under ballot " + ballot + " at version " + replica.version());
            out.serving(ballot);
            register(ballot, 1);
        }
    }
}
