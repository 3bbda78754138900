package io.stagger.sim;

import io.stagger.core.Durations;
import io.stagger.core.Event;
import io.stagger.core.Role;
import io.stagger.service.Ballot;
import io.stagger.service.KvEffects;
import io.stagger.service.KvMessage;
import io.stagger.service.KvOp;
import io.stagger.service.KvReplica;
import io.stagger.service.KvResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The replicated key-value service (docs/SERVICE.md) simulated over the election: every server also runs a
 * {@link KvReplica}, kept in step with its election role after every step (MASTER: {@code lead}, otherwise
 * {@code follow}); a restart gives a new replica (incarnation: the server's boot count) that {@code recover}s; the
 * replicas' messages go through the same simulated network as the election's (delays, loss, partitions, crashes);
 * the retry timer is {@code 2·P}.
 *
 * <p>Clients ({@link Workload}) send operations to a random live server. As in the node ({@code KvService}), a
 * server that is MASTER hands the operation to its replica; a server that recognises another master forwards it in
 * a message (one network hop there, one back with the answer, each subject to the faults); a server that recognises
 * no master answers unavailable (the node would ask the name server, which is not simulated). A client is on the
 * server it chose: it loses the answer if that server crashes first. The answers, with invoke and complete times,
 * are the {@link ServiceHistory} that {@link ServiceChecker} checks.
 *
 * <p>With the same scenario and workload the run is the same, event for event; the election's run differs from the
 * plain {@link Simulation}'s, since the service's messages draw from the same generator.
 */
public final class ServiceSimulation {
    private static final Object RETRY = "retry";
    private static final Object ARRIVAL = "client arrival";

    private record Forward(long opId) {}

    private record ForwardReply(long opId, KvResult result) {}

    private record ServiceDelivery(int from, Object payload) {}

    /** An operation while it is open: where it was sent and the boot of that server, so a restart loses it. */
    private static final class Open {
        final long id;
        final int origin;
        final long originBoot;
        final KvOp op;
        final long invokeMicros;
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
    private final KvReplica[] replicas;
    private final ReplicaEffects[] effects;
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
        this.replicas = new KvReplica[n];
        this.effects = new ReplicaEffects[n];
        this.boots = new long[n];
        this.retryGeneration = new long[n];
        // The clients' choices have their own generator, so that they do not depend on the network's draws.
        this.clients = new SplittableRandom(scenario.seed() ^ 0x5DEECE66DL);
        for (int i = 0; i < n; i++) {
            boots[i] = 1;
            replicas[i] = newReplica(i);
            effects[i] = new ReplicaEffects(i);
        }
        for (int k = 0; k < workload.keys(); k++) {
            recentValues.add(new ArrayList<>());
        }
        simulation.attach(new ServiceLayer());
        simulation.enqueue(nextArrivalMicros(0), Pending.TIMER, -1, ARRIVAL, 0);
    }

    private KvReplica newReplica(int i) {
        return new KvReplica(ids.get(i), ids, boots[i], retryMicros, workload.majorityRule(),
                workload.snapshotPeriodMicros());
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
        return replicas[simulation.indexOf(id)];
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

    /** The checker's violations of the history so far; empty when every acknowledged operation is linearizable. */
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
                + servingCount + ", ballots that acknowledged " + history.leadingBallots() + ", service messages "
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
        var server = simulation.serverAt(origin);
        if (server.role() == Role.MASTER) {
            replicas[origin].request(open.id, open.op, nowMicros, effects[origin]);
        } else if (server.master() != null) {
            send(origin, simulation.indexOf(server.master()), new Forward(open.id));
        } else {
            complete(open, new KvResult.Unavailable(ids.get(origin) + " recognises no master"));
        }
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

    private void send(int from, int to, Object payload) {
        messagesSent++;
        long delay = simulation.delayMicros(from, to);
        if (delay == Network.LOST) {
            messagesLost++;
            return;
        }
        simulation.enqueue(simulation.nowMicros() + delay, Pending.DELIVERY, to, new ServiceDelivery(from, payload), 0);
    }

    private void deliver(int to, ServiceDelivery delivery) {
        long nowMicros = simulation.nowMicros();
        int from = delivery.from();
        Object payload = delivery.payload();
        if (payload instanceof KvMessage message) {
            replicas[to].receive(ids.get(from), message, nowMicros, effects[to]);
        } else if (payload instanceof Forward forward) {
            Open open = operations.get((int) forward.opId());
            if (simulation.serverAt(to).role() == Role.MASTER) {
                replicas[to].request(open.id, open.op, nowMicros, effects[to]);
            } else {
                effects[to].answer(open.id, new KvResult.Unavailable(ids.get(to) + " is not the master"));
            }
        } else if (payload instanceof ForwardReply reply) {
            Open open = operations.get((int) reply.opId());
            if (boots[to] == open.originBoot) {
                complete(open, reply.result());
            }
        }
    }

    private void roleChanged(int i) {
        if (simulation.serverAt(i).role() == Role.MASTER) {
            replicas[i].lead(simulation.nowMicros(), effects[i]);
        } else {
            replicas[i].follow(effects[i]);
        }
    }

    private void countDownOrRecovering() {
        int count = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (!simulation.live(i) || replicas[i].recovering()) {
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
                    replicas[i] = newReplica(i);
                    replicas[i].recover(simulation.nowMicros(), effects[i]);
                }
                roleChanged(i);
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
                        replicas[i].retry(pending.atMicros(), effects[i]);
                    }
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

    /** Where replica {@code index}'s effects go: the simulated network, its retry timer, the clients. */
    private final class ReplicaEffects implements KvEffects {
        private final int index;
        private Ballot snapshotBallot;
        private long snapshotVersion = -1;
        private Map<String, String> snapshot;

        ReplicaEffects(int index) {
            this.index = index;
        }

        @Override
        public void send(String to, KvMessage message) {
            ServiceSimulation.this.send(index, simulation.indexOf(to), message);
        }

        @Override
        public void answer(Object request, KvResult result) {
            Open open = operations.get((int) (long) (Long) request);
            KvReplica leader = replicas[index];
            if (!(result instanceof KvResult.Unavailable) && !(result instanceof KvResult.Indefinite)) {
                // One snapshot per batch: its answers come at once, at one version.
                if (!leader.ballot().equals(snapshotBallot) || leader.version() != snapshotVersion) {
                    snapshotBallot = leader.ballot();
                    snapshotVersion = leader.version();
                    snapshot = leader.state();
                }
                answers.add(new LeaderAnswer(ids.get(index), snapshotBallot, snapshotVersion, open.id, result,
                        simulation.nowMicros(), snapshot));
            }
            if (open.origin == index) {
                if (boots[index] == open.originBoot) {
                    complete(open, result);
                }
            } else {
                ServiceSimulation.this.send(index, open.origin, new ForwardReply(open.id, result));
            }
        }

        @Override
        public void armRetry(long deadlineMicros) {
            simulation.enqueue(deadlineMicros, Pending.TIMER, index, RETRY, ++retryGeneration[index]);
        }

        @Override
        public void serving(Ballot ballot) {
            servingCount++;
        }
    }
}
