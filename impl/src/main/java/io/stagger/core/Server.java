package io.stagger.core;

import io.stagger.core.Message.Declare;
import io.stagger.core.Message.Inquiry;
import io.stagger.core.Message.InquiryOk;
import io.stagger.core.Message.Revoke;
import io.stagger.core.Message.Suspect;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One server of the group as a pure state machine: the rules of PROTOCOL.md §4 and the variants of §5, one method
 * per TLA+ action of {@code spec/StaggeredElection.tla}, with the choices of {@code docs/PROTOCOL-DECISIONS.md}.
 *
 * <p>No clock, no threads, no I/O, no randomness: {@link #step} is the one way in; every event carries the current
 * time in microseconds, and the server answers through {@link Effects} with messages to send and timers to arm or
 * cancel (a timer is cancelled only while it is armed). An event that breaks the contract (an id that is not a member,
 * time going backwards) throws {@link IllegalArgumentException} before any state changes. The rule methods are
 * package-private so that every driver goes through {@link #step}; {@code DispatchTest} holds every kind of event
 * routed to a rule.
 */
public final class Server {
    /** The deadline of a timer that is not armed. */
    public static final long NOT_ARMED = Long.MIN_VALUE;

    private final String self;
    private final Group group;
    private final Config config;
    private final ElectionDelays electionDelays;
    private final long detectionPeriodMicros;
    private final long inquiryTimeoutMicros;
    private final boolean announce;
    private final boolean epochs;
    private final boolean redirect;
    private final boolean patient;
    private final boolean prompt;
    private final boolean rosterOn;
    private final long startAllowanceMicros;

    private Role role = Role.WAITING;
    private String master; // null is NONE
    private long epoch;
    private boolean inquiryOutstanding;
    private long timerDetectionAt = NOT_ARMED;
    private long timerInquiryAt = NOT_ARMED;
    private long timerElectionAt = NOT_ARMED;
    private long timerAnnounceAt = NOT_ARMED;
    // Variant roster, as sets of ranks: the members this server's master last reported alive (a MASTER: those it
    // heard from in the announce period before), and whom a MASTER has heard an inquiry from in this period. Without
    // the variant the roster is every member and nothing is heard.
    private final BitSet roster = new BitSet();
    private final BitSet heard = new BitSet();
    // Not protocol state: the last roster declared, reused while the members are the same (rule 10 then allocates
    // nothing for it in the steady state), and a scratch set.
    private List<String> lastLive;
    private final BitSet lastLiveRanks = new BitSet();
    private final BitSet scratch = new BitSet();
    private long lastNowMicros = Long.MIN_VALUE;
    private StepObserver observer = StepObserver.NONE;
    // Not protocol state: the last inquiry_ok sent, reused while it names the same master and epoch, so that rule 2
    // allocates nothing in the steady state (messages are immutable records).
    private InquiryOk lastInquiryOk;

    /** A server {@code self} of {@code group}; it does nothing until {@link #start} or {@link #restart}. */
    public Server(String self, Group group, Config config) {
        if (!group.contains(self)) {
            throw new IllegalArgumentException(self + " is not a member of " + group.ids());
        }
        this.self = self;
        this.group = group;
        this.config = config;
        this.electionDelays = ElectionDelays.compute(self, group, config);
        this.detectionPeriodMicros = Durations.micros(config.detectionPeriod());
        this.inquiryTimeoutMicros = Durations.micros(config.inquiryTimeout());
        this.announce = config.has(Variant.ANNOUNCE);
        this.epochs = config.has(Variant.EPOCHS);
        this.redirect = config.has(Variant.REDIRECT);
        this.patient = config.has(Variant.PATIENT);
        this.prompt = config.has(Variant.PROMPT);
        this.rosterOn = config.has(Variant.ROSTER);
        this.roster.set(1, group.size() + 1);
        this.startAllowanceMicros = Durations.micros(config.startAllowance());
    }

    /** The one entry into the core: routes an event to its rule, which puts what it decided into {@code out}. */
    public void step(Event event, long nowMicros, Effects out) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete.
        if (event instanceof Event.Receive receive) {
            receive(receive.from(), receive.message(), nowMicros, out);
        } else if (event instanceof Event.TimerFired fired) {
            timerFired(fired.timer(), nowMicros, out);
        } else if (event instanceof Event.Start) {
            start(nowMicros, out);
        } else if (event instanceof Event.Restart) {
            restart(nowMicros, out);
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    /** Routes a received message to its rule. */
    void receive(String from, Message message, long nowMicros, Effects out) {
        if (message instanceof Inquiry) {
            receiveInquiry(from, nowMicros, out);
        } else if (message instanceof InquiryOk ok) {
            receiveInquiryOk(from, ok, nowMicros, out);
        } else if (message instanceof Declare declare) {
            receiveDeclare(from, declare, nowMicros, out);
        } else if (message instanceof Revoke revoke) {
            receiveRevoke(from, revoke, nowMicros, out);
        } else if (message instanceof Suspect suspect) {
            receiveSuspect(from, suspect, nowMicros, out);
        } else {
            throw new IllegalArgumentException("unknown message " + message);
        }
    }

    /** Routes a timer to its rule; a firing of a timer that is not armed, or not yet due, is ignored. */
    void timerFired(Timer timer, long nowMicros, Effects out) {
        switch (timer) {
            case DETECTION -> detectionTick(nowMicros, out);
            case INQUIRY -> inquiryTimeout(nowMicros, out);
            case ELECTION -> electionTimeout(nowMicros, out);
            case ANNOUNCE -> announce(nowMicros, out);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The rules of PROTOCOL.md §4, in its order.

    /** Rule 1, claims 4, 24, 25: a BACKUP inquires of its master every P and arms the time-out T. */
    void detectionTick(long nowMicros, Effects out) {
        advanceTo(nowMicros);
        if (role != Role.BACKUP || !isDue(timerDetectionAt, nowMicros)) {
            observeTimer(Action.IGNORED_TIMER, nowMicros, Timer.DETECTION);
            return;
        }
        if (!inquiryOutstanding) {
            out.send(master, Inquiry.INSTANCE);
            inquiryOutstanding = true;
            timerInquiryAt = arm(Timer.INQUIRY, nowMicros + inquiryTimeoutMicros, out);
        }
        timerDetectionAt = arm(Timer.DETECTION, nowMicros + detectionPeriodMicros, out);
        observeTimer(Action.DETECTION_TICK, nowMicros, Timer.DETECTION);
    }

    /** Rule 2, claim 4: a MASTER answers that it is functional; with {@code redirect} a non-master names its master. */
    void receiveInquiry(String from, long nowMicros, Effects out) {
        requireMember(from);
        advanceTo(nowMicros);
        if (role == Role.MASTER) {
            out.send(from, inquiryOk(self));
            if (rosterOn) {
                heard.set(group.rank(from));
            }
        } else if (redirect && master != null) {
            out.send(from, inquiryOk(master));
        }
        observe(Action.RECEIVE_INQUIRY, nowMicros, from, Message.Inquiry.INSTANCE);
    }

    /** Rule 3, claim 4: the master answered in time; with {@code redirect}, adopt the master it names. */
    void receiveInquiryOk(String from, InquiryOk ok, long nowMicros, Effects out) {
        requireMember(from);
        requireMemberOrNone(ok.master());
        advanceTo(nowMicros);
        if (role != Role.BACKUP || !inquiryOutstanding || !from.equals(master)) {
            observe(Action.RECEIVE_INQUIRY_OK, nowMicros, from, ok); // stale or unasked-for: nothing changes
            return;
        }
        if (from.equals(ok.master())) {
            cancelInquiry(out);
        } else if (redirect && ok.master() != null && !ok.master().equals(self)
                && (!epochs || ok.epoch() >= epoch)) {
            becomeBackup(ok.master(), epochs ? ok.epoch() : epoch, nowMicros, out);
        }
        observe(Action.RECEIVE_INQUIRY_OK, nowMicros, from, ok);
    }

    /** Rule 4, claims 3, 4, 7: no reply within T: wait for E(self), computed without the failed master. */
    void inquiryTimeout(long nowMicros, Effects out) {
        advanceTo(nowMicros);
        if (role != Role.BACKUP || !isDue(timerInquiryAt, nowMicros)) {
            observeTimer(Action.IGNORED_TIMER, nowMicros, Timer.INQUIRY);
            return;
        }
        timerInquiryAt = NOT_ARMED; // this firing used the timer up: nothing left to cancel
        String failedMaster = master;
        if (prompt) {
            Suspect suspect = new Suspect(failedMaster, epoch);
            for (String id : group.idsByRank().subList(0, rank() - 1)) {
                if (!id.equals(failedMaster) && roster.get(group.rank(id))) {
                    out.send(id, suspect);
                }
            }
        }
        becomeWaitingFor(failedMaster, nowMicros, out);
        observeTimer(Action.INQUIRY_TIMEOUT, nowMicros, Timer.INQUIRY);
    }

    /**
     * Variant {@code prompt}: a backup of the same master and epoch detected its failure: a BACKUP takes that as its
     * own detection (rule 4); anyone else has heard of a newer master, or detected already, and ignores it.
     */
    void receiveSuspect(String from, Suspect suspect, long nowMicros, Effects out) {
        requireMember(from);
        requireMemberOrNone(suspect.failed());
        if (suspect.failed() == null) {
            throw new IllegalArgumentException("a suspect must name the master it suspects");
        }
        advanceTo(nowMicros);
        if (prompt && role == Role.BACKUP && suspect.failed().equals(master) && suspect.epoch() == epoch) {
            becomeWaitingFor(master, nowMicros, out);
        }
        observe(Action.RECEIVE_SUSPECT, nowMicros, from, suspect);
    }

    /** Rule 5, claims 7, 8: nobody declared during E(self): take the mastership and declare it to every other member. */
    void electionTimeout(long nowMicros, Effects out) {
        advanceTo(nowMicros);
        if (role != Role.WAITING || !isDue(timerElectionAt, nowMicros)) {
            observeTimer(Action.IGNORED_TIMER, nowMicros, Timer.ELECTION);
            return;
        }
        timerElectionAt = NOT_ARMED; // this firing used the timer up: nothing left to cancel
        becomeMaster(epochs ? epoch + 1 : epoch, nowMicros, out);
        sendToOthers(new Declare(self, epoch, live()), out);
        observeTimer(Action.ELECTION_TIMEOUT, nowMicros, Timer.ELECTION);
    }

    /** Rule 6, claims 15-19, 22, 23: a declaration from {@code from}, judged by the receiver's role. */
    void receiveDeclare(String from, Declare declare, long nowMicros, Effects out) {
        requireMember(from);
        requireSender(from, declare.master(), "declare");
        requireMembers(declare.live());
        advanceTo(nowMicros);
        judgeDeclaration(from, declare.epoch(), declare.live(), nowMicros, out);
        observe(Action.RECEIVE_DECLARE, nowMicros, from, declare);
    }

    /** Rule 7, claims 15, 23: a revocation is judged as a declaration by its sender, the master it declares. */
    void receiveRevoke(String from, Revoke revoke, long nowMicros, Effects out) {
        requireMember(from);
        requireSender(from, revoke.master(), "revoke");
        requireMembers(revoke.live());
        if (revoke.revoked() == null) {
            throw new IllegalArgumentException("a revoke must name the server it revokes");
        }
        requireMemberOrNone(revoke.revoked());
        if (group.rank(revoke.master()) >= group.rank(revoke.revoked())) {
            throw new IllegalArgumentException("a revoke must come from a stronger rank: " + revoke);
        }
        advanceTo(nowMicros);
        judgeDeclaration(from, revoke.epoch(), revoke.live(), nowMicros, out);
        observe(Action.RECEIVE_REVOKE, nowMicros, from, revoke);
    }

    /**
     * Rule 8, claim 1: the initial group: the rank-1 server is MASTER, every other server its BACKUP. With
     * {@code patient} a BACKUP's first detection tick waits for the start allowance A, unless it hears from its master
     * first: a master whose process starts later is not taken for a failed one.
     */
    void start(long nowMicros, Effects out) {
        advanceTo(nowMicros);
        forgetEverything(out);
        if (self.equals(group.strongest())) {
            becomeMaster(0, nowMicros, out);
        } else {
            if (patient) {
                timerDetectionAt = arm(Timer.DETECTION, nowMicros + startAllowanceMicros, out);
            }
            becomeBackup(group.strongest(), 0, nowMicros, out);
        }
        if (rosterOn && self.equals(group.strongest())) {
            // As if it had heard from everyone: its first two announcements name every member, so that backups that
            // wait for their master before inquiring (patient) are not reported down.
            heard.set(1, group.size() + 1);
        }
        observe(Action.START, nowMicros, Event.Start.INSTANCE);
    }

    /** Rule 9: back after a crash with all state lost: WAITING, with E(self) computed over all other members. */
    void restart(long nowMicros, Effects out) {
        advanceTo(nowMicros);
        forgetEverything(out);
        becomeWaiting(nowMicros + electionDelays.afterRestartMicros(), out);
        observe(Action.RESTART, nowMicros, Event.Restart.INSTANCE);
    }

    /**
     * Variant {@code announce}: a MASTER re-declares every P, so that masters that never heard of each other meet. With
     * {@code roster} the declaration names the members heard from in this period and the one before; this period's
     * become the one before.
     */
    void announce(long nowMicros, Effects out) {
        advanceTo(nowMicros);
        if (role != Role.MASTER || !isDue(timerAnnounceAt, nowMicros)) {
            observeTimer(Action.IGNORED_TIMER, nowMicros, Timer.ANNOUNCE);
            return;
        }
        sendToOthers(new Declare(self, epoch, live()), out);
        if (rosterOn) {
            heard.set(rank());
            roster.clear();
            roster.or(heard);
            heard.clear();
        }
        timerAnnounceAt = arm(Timer.ANNOUNCE, nowMicros + detectionPeriodMicros, out);
        observeTimer(Action.ANNOUNCE, nowMicros, Timer.ANNOUNCE);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Rule 6's judgement, shared by rule 7.

    // With roster, a server that recognises the declarer takes its roster (declaredLive).
    private void judgeDeclaration(String declarer, long declaredEpoch, List<String> declaredLive, long nowMicros,
                                  Effects out) {
        if (role == Role.MASTER) {
            if (group.rank(declarer) > group.rank(self)) {
                // Claim 23: the receiver wins; it stays MASTER, under a new epoch with epochs, and revokes the weaker
                // declaration.
                becomeMaster(epochs ? Math.max(epoch, declaredEpoch) + 1 : epoch, nowMicros, out);
                sendToOthers(new Revoke(declarer, self, epoch, live()), out);
            } else {
                // Claim 22: the receiver loses and recognises the stronger declarer.
                becomeBackup(declarer, epochs ? Math.max(epoch, declaredEpoch) : epoch, nowMicros, out);
                takeRoster(declaredLive);
            }
            return;
        }
        // Claims 16, 17: a WAITING or BACKUP server recognises the declarer, unless (epochs) the news is stale.
        if (epochs && declaredEpoch < epoch) {
            return;
        }
        boolean alreadyItsBackup = role == Role.BACKUP && declarer.equals(master);
        becomeBackup(declarer, epochs ? declaredEpoch : epoch, nowMicros, out);
        takeRoster(declaredLive);
        if (alreadyItsBackup && patient) {
            cancelInquiry(out); // patient: a declaration from the master answers the inquiry: it is alive
        }
        // Patient: having heard from its master, a BACKUP begins detection (a no-op otherwise: detection is never
        // armed further than P ahead without the start allowance).
        if (timerDetectionAt > nowMicros + detectionPeriodMicros) {
            timerDetectionAt = arm(Timer.DETECTION, nowMicros + detectionPeriodMicros, out);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Role and epoch change only here (and in the blank state of forgetEverything); each rejects an impossible
    // transition loudly, before any state changes. Package-private for the test of those rejections.

    /**
     * A new mastership under {@code newEpoch} (rules 5 and 8, and with {@code epochs} the revocation of rule 6, §5):
     * a WAITING server takes the role; a MASTER that revokes keeps its role and timers and moves only its epoch. A
     * BACKUP never becomes MASTER without waiting for an election first.
     */
    void becomeMaster(long newEpoch, long nowMicros, Effects out) {
        if (role == Role.BACKUP) {
            throw new IllegalStateException(self + " is a BACKUP of " + master
                    + ": a BACKUP becomes MASTER only by an election, after waiting");
        }
        requireEpochNotBelow(newEpoch);
        epoch = newEpoch;
        if (role == Role.MASTER) {
            return;
        }
        role = Role.MASTER;
        master = self;
        timerElectionAt = cancel(Timer.ELECTION, timerElectionAt, out);
        timerDetectionAt = cancel(Timer.DETECTION, timerDetectionAt, out);
        cancelInquiry(out);
        if (announce) {
            timerAnnounceAt = arm(Timer.ANNOUNCE, nowMicros + detectionPeriodMicros, out);
        }
    }

    /**
     * Recognise {@code newMaster} under {@code newEpoch} (rules 3 with {@code redirect}, 6, 7, 8). A BACKUP that
     * already recognises it moves only its epoch: its detection and its outstanding inquiry go on.
     */
    void becomeBackup(String newMaster, long newEpoch, long nowMicros, Effects out) {
        if (newMaster == null || newMaster.equals(self)) {
            throw new IllegalStateException(self + " cannot be a BACKUP of " + newMaster);
        }
        requireEpochNotBelow(newEpoch);
        boolean alreadyItsBackup = role == Role.BACKUP && newMaster.equals(master);
        epoch = newEpoch;
        if (alreadyItsBackup) {
            return;
        }
        role = Role.BACKUP;
        master = newMaster;
        heard.clear();
        timerElectionAt = cancel(Timer.ELECTION, timerElectionAt, out);
        timerAnnounceAt = cancel(Timer.ANNOUNCE, timerAnnounceAt, out);
        cancelInquiry(out);
        if (timerDetectionAt == NOT_ARMED) {
            timerDetectionAt = arm(Timer.DETECTION, nowMicros + detectionPeriodMicros, out);
        }
    }

    /** Wait for an election until {@code electionDeadlineMicros} (rules 4 and 9); the epoch stays. */
    void becomeWaiting(long electionDeadlineMicros, Effects out) {
        if (role == Role.MASTER) {
            throw new IllegalStateException(self + " is MASTER: a master never waits for an election");
        }
        role = Role.WAITING;
        master = null;
        timerDetectionAt = cancel(Timer.DETECTION, timerDetectionAt, out);
        cancelInquiry(out);
        timerElectionAt = arm(Timer.ELECTION, electionDeadlineMicros, out);
    }

    /**
     * Rule 4 (and {@code prompt}'s suspicion): {@code failed} has failed: wait E(self) without it; with {@code roster}
     * it leaves the roster, and E(self) counts only the candidates on it.
     */
    private void becomeWaitingFor(String failed, long nowMicros, Effects out) {
        long delay;
        if (rosterOn) {
            roster.clear(group.rank(failed));
            delay = electionDelays.afterFailureOfMicros(failed, roster);
        } else {
            delay = electionDelays.afterFailureOfMicros(failed);
        }
        becomeWaiting(nowMicros + delay, out);
    }

    /** Variant {@code roster}: take the roster of the master this server now recognises; none sent: keep its own. */
    private void takeRoster(List<String> declaredLive) {
        if (rosterOn && declaredLive != null) {
            roster.clear();
            for (String id : declaredLive) {
                roster.set(group.rank(id));
            }
        }
    }

    /** Variant {@code roster}: what this MASTER reports alive: its roster, whom it heard from, itself, in rank order. */
    private List<String> live() {
        if (!rosterOn) {
            return null;
        }
        scratch.clear();
        scratch.or(roster);
        scratch.or(heard);
        scratch.set(rank());
        if (lastLive == null || !scratch.equals(lastLiveRanks)) {
            List<String> live = new ArrayList<>(scratch.cardinality());
            for (int r = scratch.nextSetBit(1); r >= 0; r = scratch.nextSetBit(r + 1)) {
                live.add(group.idsByRank().get(r - 1));
            }
            lastLive = List.copyOf(live);
            lastLiveRanks.clear();
            lastLiveRanks.or(scratch);
        }
        return lastLive;
    }

    /** A crash loses everything (rule 9); the initial state of rule 8 starts from the same blank. */
    private void forgetEverything(Effects out) {
        role = Role.WAITING;
        master = null;
        epoch = 0;
        roster.set(1, group.size() + 1);
        heard.clear();
        inquiryOutstanding = false;
        timerDetectionAt = cancel(Timer.DETECTION, timerDetectionAt, out);
        timerInquiryAt = cancel(Timer.INQUIRY, timerInquiryAt, out);
        timerElectionAt = cancel(Timer.ELECTION, timerElectionAt, out);
        timerAnnounceAt = cancel(Timer.ANNOUNCE, timerAnnounceAt, out);
    }

    /** §6 with {@code epochs}: a server's epoch never decreases while it lives. */
    private void requireEpochNotBelow(long newEpoch) {
        if (newEpoch < epoch) {
            throw new IllegalStateException(self + " would move its epoch back from " + epoch + " to " + newEpoch);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Small helpers.

    private void cancelInquiry(Effects out) {
        inquiryOutstanding = false;
        timerInquiryAt = cancel(Timer.INQUIRY, timerInquiryAt, out);
    }

    /** inquiry_ok(master = {@code recognised}, epoch): the last one sent if it says the same, else a new one. */
    private InquiryOk inquiryOk(String recognised) {
        InquiryOk reply = lastInquiryOk;
        if (reply == null || reply.epoch() != epoch || !reply.master().equals(recognised)) {
            reply = new InquiryOk(recognised, epoch);
            lastInquiryOk = reply;
        }
        return reply;
    }

    private void sendToOthers(Message message, Effects out) {
        for (String id : group.ids()) {
            if (!id.equals(self)) {
                out.send(id, message);
            }
        }
    }

    private static long arm(Timer timer, long deadlineMicros, Effects out) {
        out.arm(timer, deadlineMicros);
        return deadlineMicros;
    }

    /** Cancels {@code timer} if it is armed (its deadline is {@code deadlineMicros}); returns the new deadline. */
    private static long cancel(Timer timer, long deadlineMicros, Effects out) {
        if (deadlineMicros != NOT_ARMED) {
            out.cancel(timer);
        }
        return NOT_ARMED;
    }

    private static boolean isDue(long deadlineMicros, long nowMicros) {
        return deadlineMicros != NOT_ARMED && nowMicros >= deadlineMicros;
    }

    private void advanceTo(long nowMicros) {
        if (nowMicros < lastNowMicros) {
            throw new IllegalArgumentException(
                    "time went backwards at " + self + ": " + nowMicros + "us after " + lastNowMicros + "us");
        }
        lastNowMicros = nowMicros;
    }

    private void requireMember(String id) {
        if (!group.contains(id)) {
            throw new IllegalArgumentException("not a member of the group: " + id);
        }
        if (id.equals(self)) {
            throw new IllegalArgumentException(self + " received a protocol message from itself");
        }
    }

    /** Variant {@code roster}: every id a declare or revoke reports alive is a member ({@code null}: none sent). */
    private void requireMembers(List<String> ids) {
        if (ids != null) {
            for (String id : ids) {
                if (id == null || !group.contains(id)) {
                    throw new IllegalArgumentException("a roster names a server that is not a member: " + id);
                }
            }
        }
    }

    private void requireMemberOrNone(String id) {
        if (id != null && !group.contains(id)) {
            throw new IllegalArgumentException("not a member of the group: " + id);
        }
    }

    private static void requireSender(String from, String declaredMaster, String type) {
        if (!from.equals(declaredMaster)) {
            throw new IllegalArgumentException(
                    "a " + type + " declares its sender as master: from " + from + " but master " + declaredMaster);
        }
    }

    private void observe(Action action, long nowMicros, String from, Message message) {
        assert invariantsHold() : "invariant broken at " + self + " after " + action + ": " + snapshot();
        if (observer != StepObserver.NONE) {
            observer.stepped(this, action, new Event.Receive(from, message), nowMicros);
        }
    }

    private void observeTimer(Action action, long nowMicros, Timer timer) {
        assert invariantsHold() : "invariant broken at " + self + " after " + action + ": " + snapshot();
        if (observer != StepObserver.NONE) {
            observer.stepped(this, action, new Event.TimerFired(timer), nowMicros);
        }
    }

    private void observe(Action action, long nowMicros, Event cause) {
        assert invariantsHold() : "invariant broken at " + self + " after " + action + ": " + snapshot();
        observer.stepped(this, action, cause, nowMicros);
    }

    /** The safety invariants of PROTOCOL.md §6 and the state invariants of PROTOCOL-DECISIONS.md, for this server. */
    public boolean invariantsHold() {
        return switch (role) {
            case MASTER -> self.equals(master) && timerDetectionAt == NOT_ARMED && timerElectionAt == NOT_ARMED
                    && !inquiryOutstanding && (announce == (timerAnnounceAt != NOT_ARMED));
            case BACKUP -> master != null && !master.equals(self) && timerDetectionAt != NOT_ARMED
                    && timerElectionAt == NOT_ARMED && timerAnnounceAt == NOT_ARMED
                    && inquiryOutstanding == (timerInquiryAt != NOT_ARMED);
            case WAITING -> master == null && timerElectionAt != NOT_ARMED && timerDetectionAt == NOT_ARMED
                    && !inquiryOutstanding && timerAnnounceAt == NOT_ARMED;
        } && (role == Role.MASTER || heard.isEmpty());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Read-only views.

    /** This server's id. */
    public String self() {
        return self;
    }

    /** This server's role. */
    public Role role() {
        return role;
    }

    /** Whom this server recognises as master, or {@code null} for NONE. */
    public String master() {
        return master;
    }

    /** This server's epoch (0 without the {@code epochs} variant). */
    public long epoch() {
        return epoch;
    }

    /** This server's rank: 1 is the strongest. */
    public int rank() {
        return group.rank(self);
    }

    /** The group this server belongs to. */
    public Group group() {
        return group;
    }

    /** The configuration this server runs. */
    public Config config() {
        return config;
    }

    /** The election delays this server computed at init. */
    public ElectionDelays electionDelays() {
        return electionDelays;
    }

    /** The deadline of {@code timer}, or {@link #NOT_ARMED}. */
    public long deadlineMicros(Timer timer) {
        return switch (timer) {
            case DETECTION -> timerDetectionAt;
            case INQUIRY -> timerInquiryAt;
            case ELECTION -> timerElectionAt;
            case ANNOUNCE -> timerAnnounceAt;
        };
    }

    /** Variant {@code roster}: the members this server's master last reported alive (every member without it). */
    public Set<String> roster() {
        Set<String> ids = new LinkedHashSet<>();
        for (int r = roster.nextSetBit(1); r >= 0; r = roster.nextSetBit(r + 1)) {
            ids.add(group.idsByRank().get(r - 1));
        }
        return ids;
    }

    /** Whether an inquiry is outstanding. */
    public boolean inquiryOutstanding() {
        return inquiryOutstanding;
    }

    /** An immutable copy of the protocol state, as the spec's variables. */
    public ServerState snapshot() {
        return new ServerState(self, role, master, epoch, inquiryOutstanding,
                timerDetectionAt, timerInquiryAt, timerElectionAt, timerAnnounceAt);
    }

    /** Sets who is told of every step (traces, tests); {@link StepObserver#NONE} by default. */
    public void observeWith(StepObserver newObserver) {
        this.observer = newObserver == null ? StepObserver.NONE : newObserver;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
