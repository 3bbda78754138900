package io.stagger.service;

import io.stagger.service.KvMessage.Ack;
import io.stagger.service.KvMessage.Nack;
import io.stagger.service.KvMessage.NeedSync;
import io.stagger.service.KvMessage.Prepare;
import io.stagger.service.KvMessage.Promise;
import io.stagger.service.KvMessage.Recover;
import io.stagger.service.KvMessage.RecoverOk;
import io.stagger.service.KvMessage.Replicate;
import io.stagger.service.KvMessage.Sync;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One server's replica of the key-value store that the group provides (claim 1), as a pure state machine like the
 * election core: no clock, no threads, no I/O; time passed in, effects out. The rule is in docs/SERVICE.md and in
 * spec/ServiceReplication.tla:
 *
 * <ul>
 *   <li>only the election's MASTER leads, and only after a majority of the group promised its {@link Ballot}
 *       ({@link #lead}); it then serves from the most advanced state among the promises, by (accepted ballot,
 *       version);</li>
 *   <li>it applies client operations in batches, in one order, and answers them only when a majority of the group
 *       holds the batch (so an acknowledged write is on a majority, and every later leader's majority meets it);</li>
 *   <li>a server that promised a higher ballot refuses a lower one: an old master is fenced by ballots, whatever the
 *       election believes.</li>
 * </ul>
 */
public final class KvReplica {
    /** Most operations queued at a leader; beyond it a request is refused as unavailable. */
    public static final int MAX_QUEUED = 10_000;
    /** Most operations in one replicated batch. */
    public static final int MAX_BATCH = 512;

    private enum Phase { FOLLOWING, PREPARING, SERVING }

    private record Pending(Object request, ReplicatedOp op) {}

    private final String self;
    private final List<String> members;
    private final int majority;
    private final long incarnation;
    private final long retryMicros;
    private final long snapshotPeriodMicros;
    private final ReplicatedOp.Application application;

    private Ballot promised = Ballot.ZERO;
    private Ballot accepted = Ballot.ZERO;
    private long version;
    private final Map<String, Object> state = new HashMap<>();

    private Phase phase = Phase.FOLLOWING;
    private boolean recovering;
    private boolean wantsToLead;
    private final Map<String, RecoverOk> recoveries = new HashMap<>();
    private Ballot ballot; // the ballot this server leads or prepares; null while it waits to retry
    private final Map<String, Promise> promises = new HashMap<>();
    private final Map<String, Long> ackedVersion = new HashMap<>();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private List<Pending> inFlight = List.of();
    private List<KvResult> inFlightResults = List.of();
    private long inFlightFromVersion;
    private long nextSnapshotMicros = Long.MAX_VALUE;

    /** The replica of {@code self} in a group of {@code members}; {@code incarnation} changes with every restart. */
    public KvReplica(String self, List<String> members, long incarnation, long retryMicros) {
        this(self, members, incarnation, retryMicros, true);
    }

    /**
     * As above; {@code majorityRule = false} is the naive primary-backup that the claims alone describe: a master
     * answers as soon as it applied an operation and a new master serves from its own state. It loses acknowledged
     * writes across a failover, which the harness shows; it exists to be compared, never as a default.
     */
    public KvReplica(String self, List<String> members, long incarnation, long retryMicros, boolean majorityRule) {
        this(self, members, incarnation, retryMicros, majorityRule, 0);
    }

    /**
     * As above; a serving master also sends its whole state ({@link Sync}) to every other member every
     * {@code snapshotPeriodMicros} (0: never), the periodic full snapshot of docs/CONFERENCE.md: a backup that missed
     * batches is brought up to date without asking.
     */
    public KvReplica(String self, List<String> members, long incarnation, long retryMicros, boolean majorityRule,
                     long snapshotPeriodMicros) {
        this(self, members, incarnation, retryMicros, majorityRule, snapshotPeriodMicros,
                ReplicatedOp.Application.AS_SPECIFIED);
    }

    /** As above, applying operations by {@code application} (every replica of the group the same). */
    public KvReplica(String self, List<String> members, long incarnation, long retryMicros, boolean majorityRule,
                     long snapshotPeriodMicros, ReplicatedOp.Application application) {
        if (!members.contains(self)) {
            throw new IllegalArgumentException(self + " is not a member of " + members);
        }
        this.self = self;
        this.members = List.copyOf(members);
        this.majority = majorityRule ? members.size() / 2 + 1 : 1;
        this.incarnation = incarnation;
        this.retryMicros = retryMicros;
        if (snapshotPeriodMicros < 0) {
            throw new IllegalArgumentException("the snapshot period must be at least 0, got " + snapshotPeriodMicros);
        }
        this.snapshotPeriodMicros = snapshotPeriodMicros;
        this.application = application;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Leading: driven by the election's role.

    /**
     * This server comes back after a crash with nothing, its promises included. Until a majority of the others told
     * it what they promised and hold, it neither promises nor acknowledges anything: a promise it gave before the
     * crash might otherwise be broken (docs/SERVICE.md, "Restart").
     */
    public void recover(long nowMicros, KvEffects out) {
        recovering = true;
        recoveries.clear();
        sendToOthers(new Recover(Ballot.ZERO, incarnation), out);
        out.armRetry(nowMicros + retryMicros);
        finishRecoveryIfMajority(nowMicros, out);
    }

    /** The election made this server MASTER: prepare a ballot above every one it has seen. */
    public void lead(long nowMicros, KvEffects out) {
        wantsToLead = true;
        if (recovering) {
            return; // it prepares once it has recovered
        }
        if (phase == Phase.FOLLOWING) {
            phase = Phase.PREPARING;
            prepare(nowMicros, out);
        }
    }

    /** The election took the mastership away: stop leading; nothing queued will be served here. */
    public void follow(KvEffects out) {
        wantsToLead = false;
        if (phase != Phase.FOLLOWING) {
            abandonLead("this server is no longer master", out);
            phase = Phase.FOLLOWING;
        }
    }

    /** A client request that reached this server; {@code request} is the driver's handle to answer it by. */
    public void request(Object request, ReplicatedOp op, long nowMicros, KvEffects out) {
        if (phase == Phase.FOLLOWING) {
            out.answer(request, new KvResult.Unavailable("not the master"));
            return;
        }
        if (queue.size() >= MAX_QUEUED) {
            out.answer(request, new KvResult.Unavailable("too many requests queued at the master"));
            return;
        }
        queue.add(new Pending(request, op));
        startBatch(nowMicros, out);
    }

    /** The retry timer: prepare again after a refusal, or re-send a batch that some backups have not acknowledged. */
    public void retry(long nowMicros, KvEffects out) {
        if (recovering) {
            sendToOthers(new Recover(Ballot.ZERO, incarnation), out);
            out.armRetry(nowMicros + retryMicros);
        } else if (phase == Phase.PREPARING) {
            prepare(nowMicros, out);
        } else if (phase == Phase.SERVING && nowMicros >= nextSnapshotMicros) {
            snapshot(nowMicros, out);
        } else if (phase == Phase.SERVING) {
            if (!inFlight.isEmpty()) {
                Replicate again = new Replicate(ballot, inFlightFromVersion, ops(inFlight));
                for (String member : members) {
                    if (!member.equals(self) && ackedVersion.getOrDefault(member, -1L) < version) {
                        out.send(member, again);
                    }
                }
            }
            armServingTimer(nowMicros, out);
        }
    }

    /**
     * The periodic full snapshot: the whole state to every other member. It also stands for re-sending the batch in
     * flight, which the state contains; a backup acknowledges the snapshot's version.
     */
    private void snapshot(long nowMicros, KvEffects out) {
        sendToOthers(new Sync(ballot, version, state), out);
        nextSnapshotMicros = nowMicros + snapshotPeriodMicros;
        armServingTimer(nowMicros, out);
    }

    /** While serving, one timer does both: re-send what is unacknowledged, and take the next snapshot. */
    private void armServingTimer(long nowMicros, KvEffects out) {
        out.armRetry(Math.min(nowMicros + retryMicros, nextSnapshotMicros));
    }

    private void prepare(long nowMicros, KvEffects out) {
        ballot = new Ballot(promised.round() + 1, self, incarnation);
        promised = ballot;
        promises.clear();
        promises.put(self, new Promise(ballot, accepted, version, state));
        sendToOthers(new Prepare(ballot), out);
        out.armRetry(nowMicros + retryMicros);
        completePrepareIfMajority(nowMicros, out);
    }

    private void completePrepareIfMajority(long nowMicros, KvEffects out) {
        if (promises.size() < majority) {
            return;
        }
        Promise best = promises.values().stream()
                .max(Comparator.comparing(Promise::accepted).thenComparingLong(Promise::version))
                .orElseThrow();
        state.clear();
        state.putAll(best.state());
        version = best.version();
        accepted = ballot;
        promises.clear();
        phase = Phase.SERVING;
        ackedVersion.clear();
        ackedVersion.put(self, version);
        sendToOthers(new Sync(ballot, version, state), out);
        nextSnapshotMicros = snapshotPeriodMicros == 0 ? Long.MAX_VALUE : nowMicros + snapshotPeriodMicros;
        armServingTimer(nowMicros, out);
        out.serving(ballot);
        startBatch(nowMicros, out);
    }

    private void startBatch(long nowMicros, KvEffects out) {
        if (phase != Phase.SERVING || !inFlight.isEmpty() || queue.isEmpty()) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        List<KvResult> results = new ArrayList<>();
        inFlightFromVersion = version;
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            Pending next = queue.poll();
            batch.add(next);
            results.add(application.apply(next.op(), state));
            version++;
        }
        inFlight = batch;
        inFlightResults = results;
        ackedVersion.put(self, version);
        sendToOthers(new Replicate(ballot, inFlightFromVersion, ops(batch)), out);
        armServingTimer(nowMicros, out);
        commitIfMajority(nowMicros, out);
    }

    private void commitIfMajority(long nowMicros, KvEffects out) {
        if (inFlight.isEmpty()) {
            return;
        }
        long holding = ackedVersion.values().stream().filter(v -> v >= version).count();
        if (holding < majority) {
            return;
        }
        for (int i = 0; i < inFlight.size(); i++) {
            out.answer(inFlight.get(i).request(), inFlightResults.get(i));
        }
        inFlight = List.of();
        inFlightResults = List.of();
        startBatch(nowMicros, out);
    }

    private void abandonLead(String why, KvEffects out) {
        for (Pending pending : inFlight) {
            out.answer(pending.request(), new KvResult.Indefinite(why + " before a majority acknowledged it"));
        }
        for (Pending pending : queue) {
            out.answer(pending.request(), new KvResult.Unavailable(why));
        }
        inFlight = List.of();
        inFlightResults = List.of();
        queue.clear();
        promises.clear();
        ballot = null;
        phase = Phase.PREPARING; // still master as far as the election knows: the retry timer prepares again
    }

    // ---------------------------------------------------------------------------------------------------------
    // Messages between replicas.

    /** A service message from another member. */
    public void receive(String from, KvMessage message, long nowMicros, KvEffects out) {
        if (!members.contains(from) || from.equals(self)) {
            throw new IllegalArgumentException("a service message must come from another member, not " + from);
        }
        if (message instanceof Recover recover) {
            if (!recovering) {
                out.send(from, new RecoverOk(Ballot.ZERO, recover.nonce(), promised, accepted, version, state));
            }
            return;
        }
        if (message instanceof RecoverOk recoverOk) {
            if (recovering && recoverOk.nonce() == incarnation) {
                recoveries.put(from, recoverOk);
                finishRecoveryIfMajority(nowMicros, out);
            }
            return;
        }
        if (recovering) {
            return; // no promise, no acknowledgement, no refusal until recovered
        }
        if (message instanceof Prepare prepare) {
            receivePrepare(from, prepare, out);
        } else if (message instanceof Promise promise) {
            if (phase == Phase.PREPARING && promise.ballot().equals(ballot)) {
                promises.put(from, promise);
                completePrepareIfMajority(nowMicros, out);
            }
        } else if (message instanceof Nack nack) {
            raisePromise(nack.promised(), out);
            if (phase != Phase.FOLLOWING && nack.ballot().equals(ballot) && nack.promised().above(ballot)) {
                abandonLead("a higher ballot " + nack.promised() + " leads", out);
            }
        } else if (message instanceof Sync sync) {
            receiveSync(from, sync, out);
        } else if (message instanceof Replicate replicate) {
            receiveReplicate(from, replicate, out);
        } else if (message instanceof Ack ack) {
            if (phase == Phase.SERVING && ack.ballot().equals(ballot)) {
                ackedVersion.merge(from, ack.version(), Math::max);
                commitIfMajority(nowMicros, out);
            }
        } else if (message instanceof NeedSync needSync) {
            if (phase == Phase.SERVING && needSync.ballot().equals(ballot)) {
                out.send(from, new Sync(ballot, version, state));
            }
        }
    }

    private void finishRecoveryIfMajority(long nowMicros, KvEffects out) {
        // A majority of the others, not counting itself: its own memory is empty, and a quorum that a leader
        // formed with its forgotten promise still meets this set in a server that remembers.
        int others = members.size() - 1;
        if (recoveries.size() < (others == 0 ? 0 : others / 2 + 1)) {
            return;
        }
        for (RecoverOk answer : recoveries.values()) {
            promised = Ballot.max(promised, answer.promised());
        }
        RecoverOk best = recoveries.values().stream()
                .max(Comparator.comparing(RecoverOk::accepted).thenComparingLong(RecoverOk::version))
                .orElse(null);
        if (best != null) {
            accepted = best.accepted();
            version = best.version();
            state.clear();
            state.putAll(best.state());
        }
        recovering = false;
        recoveries.clear();
        out.recovered(version);
        if (wantsToLead) {
            lead(nowMicros, out);
        }
    }

    private void receivePrepare(String from, Prepare prepare, KvEffects out) {
        if (!prepare.ballot().above(promised)) {
            out.send(from, new Nack(prepare.ballot(), promised));
            return;
        }
        raisePromise(prepare.ballot(), out);
        out.send(from, new Promise(prepare.ballot(), accepted, version, state));
    }

    private void receiveSync(String from, Sync sync, KvEffects out) {
        if (promised.above(sync.ballot())) {
            out.send(from, new Nack(sync.ballot(), promised));
            return;
        }
        raisePromise(sync.ballot(), out);
        if (!accepted.equals(sync.ballot()) || sync.version() >= version) {
            accepted = sync.ballot();
            version = sync.version();
            state.clear();
            state.putAll(sync.state());
        }
        out.send(from, new Ack(sync.ballot(), version));
    }

    private void receiveReplicate(String from, Replicate replicate, KvEffects out) {
        if (promised.above(replicate.ballot())) {
            out.send(from, new Nack(replicate.ballot(), promised));
            return;
        }
        raisePromise(replicate.ballot(), out);
        long toVersion = replicate.fromVersion() + replicate.ops().size();
        if (accepted.equals(replicate.ballot()) && version == replicate.fromVersion()) {
            for (ReplicatedOp op : replicate.ops()) {
                application.apply(op, state);
            }
            version = toVersion;
            out.send(from, new Ack(replicate.ballot(), version));
        } else if (accepted.equals(replicate.ballot()) && version >= toVersion) {
            out.send(from, new Ack(replicate.ballot(), version)); // a re-sent batch already applied
        } else {
            out.send(from, new NeedSync(replicate.ballot()));
        }
    }

    private void raisePromise(Ballot seen, KvEffects out) {
        if (!seen.above(promised)) {
            return;
        }
        promised = seen;
        if (phase != Phase.FOLLOWING && ballot != null && seen.above(ballot)) {
            abandonLead("a higher ballot " + seen + " leads", out);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers and views.

    private void sendToOthers(KvMessage message, KvEffects out) {
        for (String member : members) {
            if (!member.equals(self)) {
                out.send(member, message);
            }
        }
    }

    private static List<ReplicatedOp> ops(List<Pending> pending) {
        List<ReplicatedOp> ops = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            ops.add(p.op());
        }
        return ops;
    }

    /** Whether this replica is still recovering after a restart. */
    public boolean recovering() {
        return recovering;
    }

    /** Whether this replica leads the service now: it is MASTER and a majority promised its ballot. */
    public boolean serving() {
        return phase == Phase.SERVING;
    }

    /** The highest ballot this replica promised. */
    public Ballot promised() {
        return promised;
    }

    /** The ballot of the state this replica holds. */
    public Ballot accepted() {
        return accepted;
    }

    /** The number of operations applied to the state this replica holds. */
    public long version() {
        return version;
    }

    /** A copy of the state this replica holds (acknowledged or not). */
    public Map<String, Object> state() {
        return Map.copyOf(state);
    }

    /** The ballot this replica leads or prepares, or {@code null}. */
    public Ballot ballot() {
        return ballot;
    }
}
