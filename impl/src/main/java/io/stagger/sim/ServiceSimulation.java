package io.stagger.sim;

import io.stagger.core.Durations;
import io.stagger.core.Event;
import io.stagger.service.Answer;
import io.stagger.service.Ballot;
import io.stagger.service.FrontDoor;
import io.stagger.service.KvMessage;
import io.stagger.service.KvOp;
import io.stagger.service.KvReplica;
import io.stagger.service.KvResult;
import io.stagger.service.NameServer;
import io.stagger.service.Request;
import io.stagger.service.ServiceInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The replicated key-value service (docs/SERVICE.md) simulated over the election: every server also runs the
 * service's {@link FrontDoor} over a {@link KvReplica} — the same class the node runs — told of the election's
 * state after every step; a restart gives a new front door and replica (incarnation: the server's boot count) that
 * {@code recover}s; the front doors' messages (the replicas', and forwarded requests and their answers) go through the
 * same simulated network as the election's (delays, loss, partitions, crashes); the retry timer is {@code 2·P}. The
 * name server is the harness's {@code lin-kv} ({@link NameServerModel}), reached with delays within the bounds.
 *
 * <p>Clients ({@link Workload}) send operations to a random live server, whose front door routes them as in the
 * node. A client is on the server it chose: it loses the answer if that server crashes first. The answers, with
 * invoke and complete times, are the {@link ServiceHistory} that {@link ServiceChecker} checks; an operation
 * answered twice stops the run.
 *
 * <p>With the same scenario and workload the run is the same, event for event; the election's run differs from the
 * plain {@link Simulation}'s, since the service's messages draw from the same generator.
 */
public final class ServiceSimulation {
    private static final Object RETRY = "retry";
    private static final Object ARRIVAL = "client arrival";
    private static final String CLIENT = "c";

    /** A front door's message on the way: the replicas' ({@link KvMessage}), a {@link Request} forwarded, an answer. */
    private record ServiceDelivery(int from, long msgId, Object payload) {}

    private record ForwardAnswer(long inReplyTo, Answer answer) {}

    private record NameServerDelivery(int server, long msgId, Object payload) {}

    /** An operation while it is open: where it was sent and the boot of that server, so a restart loses it. */
    private static final class Open {
        final long id;
        final int origin;
        final long originBoot;
        final KvOp op;
        final long invokeMicros;
        final List<String> forwardedTo = new ArrayList<>(1);
        long completeMicros = -1;
        KvResult result;

        Open(long id, int origin, long originBoot, KvOp op, long invokeMicros) {
            this.id = id;
            this.origin = origin;
            this.originBoot = originBoot;
            this.op = op;
            this.invokeMicros = invokeMicros;
        }
    }

    private final Simulation simulation;
    private final Workload workload;
    private final List<String> ids;
    private final long retryMicros;
    private final FrontDoor[] doors;
    private final DoorOut[] outs;
    private final long[] msgIds;
    private final NameServerModel nameServer = new NameServerModel();
    private final long[] boots;
    private final long[] retryGeneration;
    private final SplittableRandom clients;
    private final List<Open> operations = new ArrayList<>();
    private final List<LeaderAnswer> answers = new ArrayList<>();
    private final List<List<String>> recentValues = new ArrayList<>();
    private long messagesSent;
    private long messagesLost;
    private long servingCount;
    private int mostDownOrRecovering;

    /** The service over a simulation of {@code scenario}, with {@code workload}'s clients. */
    public ServiceSimulation(Scenario scenario, Workload workload) {
        this.simulation = new Simulation(scenario);
        this.workload = workload;
        this.ids = scenario.ids();
        int n = ids.size();
        this.retryMicros = 2 * Durations.micros(scenario.config().detectionPeriod());
        this.doors = new FrontDoor[n];
        this.outs = new DoorOut[n];
        this.msgIds = new long[n];
        this.boots = new long[n];
        this.retryGeneration = new long[n];
        // The clients' choices have their own generator, so that they do not depend on the network's draws.
        this.clients = new SplittableRandom(scenario.seed() ^ 0x5DEECE66DL);
        for (int i = 0; i < n; i++) {
            boots[i] = 1;
            outs[i] = new DoorOut(i);
            doors[i] = newDoor(i);
        }
        for (int k = 0; k < workload.keys(); k++) {
            recentValues.add(new ArrayList<>());
        }
        simulation.attach(new ServiceLayer());
        simulation.enqueue(nextArrivalMicros(0), Pending.TIMER, -1, ARRIVAL, 0);
    }

    private FrontDoor newDoor(int i) {
        KvReplica replica = new KvReplica(ids.get(i), ids, boots[i], retryMicros, workload.majorityRule(),
                workload.snapshotPeriodMicros());
        return new FrontDoor(replica, ids.get(i), ids, outs[i]);
    }

    /** Processes every event up to and including {@code untilMicros}. */
    public void runUntil(long untilMicros) {
        simulation.runUntil(untilMicros);
    }

    /** The election's simulation underneath: masters, convergence, counters, timeline. */
    public Simulation simulation() {
        return simulation;
    }

    /** The workload. */
    public Workload workload() {
        return workload;
    }

    /** The replica that server {@code id} runs now. */
    public KvReplica replica(String id) {
        return doors[simulation.indexOf(id)].replica();
    }

    /**
     * The members that the front door of operation {@code opId}'s origin forwarded it to, in order (empty if it
     * was served where it arrived, or answered there).
     */
    public List<String> forwardedTo(long opId) {
        return List.copyOf(operations.get((int) opId).forwardedTo);
    }

    /** The registration the name server holds, as {@code master@ballot}, or null. */
    public String nameServerEntry() {
        NameServer.Value value = nameServer.value();
        return value == null ? null : value.master() + "@" + value.ballot();
    }

    /** The history so far: open operations appear without an answer. */
    public ServiceHistory history() {
        List<ClientOperation> ops = new ArrayList<>(operations.size());
        for (Open open : operations) {
            ops.add(new ClientOperation(open.id, ids.get(open.origin), open.op, open.invokeMicros, open.completeMicros,
                    open.result));
        }
        return new ServiceHistory(ops, answers);
    }

    /**
     * {@link ServiceChecker}'s violations of the history so far: positions, leaders and real time. Whether the history
     * is linearizable is the shared checker's question (module checkers), which the property tests ask.
     */
    public List<String> violations() {
        return ServiceChecker.check(history());
    }

    /**
     * The most servers that were down or recovering at once during the run: the service promises safety only while
     * this stays a minority (docs/SERVICE.md, "Limits").
     */
    public int mostDownOrRecovering() {
        return mostDownOrRecovering;
    }

    /** Whether at most a minority was ever down or recovering at once. */
    public boolean withinLimits() {
        return mostDownOrRecovering <= (ids.size() - 1) / 2;
    }

    /** How many times a replica started serving under a new ballot. */
    public long servingCount() {
        return servingCount;
    }

    /** Counts of the service's messages, for reports. */
    public String counters() {
        ServiceHistory history = history();
        return "ops " + history.operations().size() + " (acknowledged " + history.acknowledged() + ", failed "
                + history.failed() + ", indeterminate " + history.indeterminate() + "), ballots served "
                + servingCount + ", ballots that acknowledged " + history.leadingBallots() + ", name-server writes "
                + nameServer.writes() + ", service messages "
                + messagesSent + " (lost " + messagesLost + "), most down or recovering at once "
                + mostDownOrRecovering;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Clients.

    private long nextArrivalMicros(long nowMicros) {
        // Uniform in [0, 2·mean]: the mean rate, with bursts and lulls.
        return nowMicros + clients.nextLong(2 * workload.meanIntervalMicros() + 1);
    }

    private void arrive(long nowMicros) {
        simulation.enqueue(nextArrivalMicros(nowMicros), Pending.TIMER, -1, ARRIVAL, 0);
        List<Integer> up = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (simulation.live(i)) {
                up.add(i);
            }
        }
        if (up.isEmpty()) {
            return;
        }
        int origin = up.get(clients.nextInt(up.size()));
        Open open = new Open(operations.size(), origin, boots[origin], nextOp(operations.size()), nowMicros);
        operations.add(open);
        doors[origin].receive(new ServiceInput.ClientRequest(new Request(CLIENT, open.id, typeOf(open.op), open.op)),
                nowMicros);
    }

    private static String typeOf(KvOp op) {
        return op instanceof KvOp.Read ? "read" : op instanceof KvOp.Write ? "write" : "cas";
    }

    /** A third each of read, write and cas; every value written is unique, so a value read names its writer. */
    private KvOp nextOp(long id) {
        int keyIndex = clients.nextInt(workload.keys());
        String key = "k" + keyIndex;
        String value = "v" + id;
        List<String> recent = recentValues.get(keyIndex);
        int kind = clients.nextInt(3);
        if (kind == 0) {
            return new KvOp.Read(key);
        }
        recent.add(value);
        if (recent.size() > 3) {
            recent.remove(0);
        }
        if (kind == 1 || recent.size() == 1) {
            return kind == 1 ? new KvOp.Write(key, value) : new KvOp.Cas(key, "none", value, true);
        }
        String from = recent.get(clients.nextInt(recent.size() - 1));
        return new KvOp.Cas(key, from, value, false);
    }

    private void complete(Open open, KvResult result) {
        if (open.result != null) {
            throw new IllegalStateException("op" + open.id + " answered twice: " + open.result + " and " + result);
        }
        open.result = result;
        open.completeMicros = simulation.nowMicros();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The network and the timers.

    private void send(int from, int to, long msgId, Object payload) {
        messagesSent++;
        long delay = simulation.delayMicros(from, to);
        if (delay == Network.LOST) {
            messagesLost++;
            return;
        }
        simulation.enqueue(simulation.nowMicros() + delay, Pending.DELIVERY, to,
                new ServiceDelivery(from, msgId, payload), 0);
    }

    private void deliver(int to, ServiceDelivery delivery) {
        String from = ids.get(delivery.from());
        Object payload = delivery.payload();
        ServiceInput input;
        if (payload instanceof KvMessage message) {
            input = new ServiceInput.ReplicaMessage(from, message);
        } else if (payload instanceof Request request) {
            input = new ServiceInput.Forwarded(from, delivery.msgId(), request);
        } else {
            ForwardAnswer answer = (ForwardAnswer) payload;
            input = new ServiceInput.ForwardAnswered(answer.inReplyTo(), answer.answer());
        }
        doors[to].receive(input, simulation.nowMicros());
    }

    /** A call reaches the name server (it takes effect now) or its answer reaches the server. */
    private void deliverNameServer(NameServerDelivery delivery) {
        int i = delivery.server();
        if (delivery.payload() instanceof NameServer.Call call) {
            NameServer.Reply reply = nameServer.apply(call);
            simulation.enqueue(simulation.nowMicros() + simulation.serviceDelayMicros(i), Pending.DELIVERY, i,
                    new NameServerDelivery(i, delivery.msgId(), reply), 0);
        } else if (simulation.live(i)) {
            doors[i].receive(new ServiceInput.NameServerAnswered(delivery.msgId(),
                    (NameServer.Reply) delivery.payload()), simulation.nowMicros());
        }
    }

    private void countDownOrRecovering() {
        int count = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (!simulation.live(i) || doors[i].replica().recovering()) {
                count++;
            }
        }
        mostDownOrRecovering = Math.max(mostDownOrRecovering, count);
    }

    private IllegalStateException failure(int i, String what, RuntimeException e) {
        return new IllegalStateException("the service failed at " + Timeline.time(simulation.nowMicros()) + " in "
                + ids.get(i) + " on " + what + ": " + e.getMessage() + "\n  replay: " + simulation.scenario()
                + "\n  " + workload, e);
    }

    /** The simulation's hooks. */
    private final class ServiceLayer implements Layer {
        @Override
        public void afterStep(int i, Event cause) {
            try {
                if (cause instanceof Event.Restart) {
                    boots[i]++;
                    doors[i] = newDoor(i);
                    doors[i].recover(simulation.nowMicros());
                }
                var server = simulation.serverAt(i);
                doors[i].election(server.role(), server.master(), simulation.nowMicros());
                if (!(cause instanceof Event.Start)) { // at the start the servers come up one by one
                    countDownOrRecovering();
                }
            } catch (RuntimeException e) {
                throw failure(i, String.valueOf(cause), e);
            }
        }

        @Override
        public void crashed(int i) {
            retryGeneration[i]++;
            countDownOrRecovering();
        }

        @Override
        public void fire(Pending pending) {
            int i = pending.server();
            Object what = pending.what();
            try {
                if (what == ARRIVAL) {
                    arrive(pending.atMicros());
                } else if (what == RETRY) {
                    if (simulation.live(i) && retryGeneration[i] == pending.generation()) {
                        doors[i].retry(pending.atMicros());
                    }
                } else if (what instanceof NameServerDelivery delivery) {
                    deliverNameServer(delivery);
                } else if (what instanceof ServiceDelivery delivery) {
                    if (simulation.live(i) && simulation.connected(delivery.from(), i)) {
                        deliver(i, delivery);
                    } else {
                        messagesLost++;
                    }
                }
            } catch (RuntimeException e) {
                throw failure(Math.max(i, 0), String.valueOf(what), e);
            }
        }
    }

    /** Where server {@code index}'s front door's effects go: the simulated network, its retry timer, the clients. */
    private final class DoorOut implements FrontDoor.Out {
        private final int index;
        private Ballot snapshotBallot;
        private long snapshotVersion = -1;
        private Map<String, Object> snapshot;

        DoorOut(int index) {
            this.index = index;
        }

        @Override
        public void send(String to, KvMessage message) {
            ServiceSimulation.this.send(index, simulation.indexOf(to), 0, message);
        }

        @Override
        public long forward(String master, Request request) {
            operations.get((int) request.msgId()).forwardedTo.add(master);
            long msgId = ++msgIds[index];
            ServiceSimulation.this.send(index, simulation.indexOf(master), msgId, request);
            return msgId;
        }

        @Override
        public void answer(FrontDoor.Handle handle, Answer answer) {
            if (handle.forwarded()) {
                ServiceSimulation.this.send(index, simulation.indexOf(handle.replyTo()), 0,
                        new ForwardAnswer(handle.inReplyTo(), answer));
                return;
            }
            Open open = operations.get((int) handle.inReplyTo());
            if (open.origin == index && boots[index] == open.originBoot) {
                complete(open, answer.result());
            }
        }

        @Override
        public long callNameServer(NameServer.Call call) {
            long msgId = ++msgIds[index];
            simulation.enqueue(simulation.nowMicros() + simulation.serviceDelayMicros(index), Pending.DELIVERY, -1,
                    new NameServerDelivery(index, msgId, call), 0);
            return msgId;
        }

        @Override
        public void armRetry(long deadlineMicros) {
            simulation.enqueue(deadlineMicros, Pending.TIMER, index, RETRY, ++retryGeneration[index]);
        }

        @Override
        public void serving(Ballot ballot) {
            servingCount++;
        }

        @Override
        public void served(FrontDoor.Handle handle, KvResult result) {
            if (result instanceof KvResult.Unavailable || result instanceof KvResult.Indefinite) {
                return;
            }
            KvReplica leader = doors[index].replica();
            // One snapshot per batch: its answers come at once, at one version.
            if (!leader.ballot().equals(snapshotBallot) || leader.version() != snapshotVersion) {
                snapshotBallot = leader.ballot();
                snapshotVersion = leader.version();
                snapshot = leader.state();
            }
            answers.add(new LeaderAnswer(ids.get(index), snapshotBallot, snapshotVersion, handle.request().msgId(),
                    result, simulation.nowMicros(), snapshot));
        }
    }
}
