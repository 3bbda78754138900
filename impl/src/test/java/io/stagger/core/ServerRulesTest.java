package io.stagger.core;

import static io.stagger.core.Fixtures.B;
import static io.stagger.core.Fixtures.D;
import static io.stagger.core.Fixtures.LATER;
import static io.stagger.core.Fixtures.P;
import static io.stagger.core.Fixtures.T;
import static io.stagger.core.Variant.ANNOUNCE;
import static io.stagger.core.Variant.EPOCHS;
import static io.stagger.core.Variant.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Message.Declare;
import io.stagger.core.Message.InquiryOk;
import io.stagger.core.Message.Revoke;
import io.stagger.core.Message.Suspect;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of PROTOCOL.md §4 and every variant of §5, by role of the server that takes the step: one row per case
 * (in the style of etcd Raft's table tests). Each row puts a server into its state by real steps, applies one event,
 * and states the role, master, epoch and effects that PROTOCOL-DECISIONS.md says follow.
 */
class ServerRulesTest {

    /** One case: a server in some state, one step, and what must follow. */
    record Case(String name, Supplier<Server> given, BiConsumer<Server, RecordingEffects> when,
                Role role, String master, long epoch, List<String> effects) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Set<Variant> CLAIMS = EnumSet.noneOf(Variant.class);
    private static final Set<Variant> EPOCHS_ONLY = EnumSet.of(EPOCHS);
    private static final Set<Variant> REDIRECT_ONLY = EnumSet.of(REDIRECT);
    private static final Set<Variant> REDIRECT_EPOCHS = EnumSet.of(REDIRECT, EPOCHS);
    private static final Set<Variant> ANNOUNCE_ONLY = EnumSet.of(ANNOUNCE);
    private static final Set<Variant> ALL = EnumSet.of(ANNOUNCE, EPOCHS, REDIRECT);
    private static final Set<Variant> PATIENT_ONLY = EnumSet.of(Variant.PATIENT);
    private static final Set<Variant> SPACED_ONLY = EnumSet.of(Variant.SPACED);
    private static final Set<Variant> PROMPT_ONLY = EnumSet.of(Variant.PROMPT);
    private static final Set<Variant> PROMPT_EPOCHS = EnumSet.of(Variant.PROMPT, EPOCHS);
    private static final Set<Variant> ANNOUNCE_ROSTER = EnumSet.of(ANNOUNCE, Variant.ROSTER);
    private static final Set<Variant> PROMPT_ROSTER = EnumSet.of(Variant.PROMPT, Variant.ROSTER);
    private static final long A = 3_000_000; // the default start allowance

    static Stream<Case> cases() {
        return Stream.of(
            // Rule 8: Start.
            new Case("Start: rank 1 is MASTER", () -> new Server("n1", Fixtures.group(), Fixtures.config(CLAIMS)),
                (s, out) -> s.start(0, out), Role.MASTER, "n1", 0, List.of()),
            new Case("Start: rank 1 with announce arms the announce timer",
                () -> new Server("n1", Fixtures.group(), Fixtures.config(ANNOUNCE_ONLY)),
                (s, out) -> s.start(0, out), Role.MASTER, "n1", 0, List.of("arm ANNOUNCE @" + P)),
            new Case("Start: others are BACKUPs of rank 1",
                () -> new Server("n3", Fixtures.group(), Fixtures.config(CLAIMS)),
                (s, out) -> s.start(0, out), Role.BACKUP, "n1", 0, List.of("arm DETECTION @" + P)),

            new Case("Start patient: a BACKUP's first detection waits for the start allowance",
                () -> new Server("n3", Fixtures.group(), Fixtures.config(PATIENT_ONLY)),
                (s, out) -> s.start(0, out), Role.BACKUP, "n1", 0, List.of("arm DETECTION @" + A)),
            new Case("ReceiveDeclare patient: its master's declaration begins detection",
                () -> Fixtures.started("n3", PATIENT_ONLY),
                (s, out) -> s.receiveDeclare("n1", new Declare("n1", 0), 1, out), Role.BACKUP, "n1", 0,
                List.of("arm DETECTION @" + (1 + P))),
            new Case("ReceiveDeclare patient: its master's declaration answers the inquiry", () -> {
                    Server s = Fixtures.started("n2", PATIENT_ONLY);
                    s.detectionTick(A, Effects.NONE);
                    return s;
                },
                (s, out) -> s.receiveDeclare("n1", new Declare("n1", 0), A + 1, out), Role.BACKUP, "n1", 0,
                List.of("cancel INQUIRY")),

            // Rule 1: DetectionTick.
            new Case("DetectionTick: BACKUP inquires of its master", () -> Fixtures.started("n2", CLAIMS),
                (s, out) -> s.detectionTick(P, out), Role.BACKUP, "n1", 0,
                List.of("send n1 Inquiry[]", "arm INQUIRY @" + (P + T), "arm DETECTION @" + (2 * P))),
            new Case("DetectionTick: an inquiry already outstanding is not repeated",
                () -> { Server s = Fixtures.inquiring("n2", CLAIMS); return s; },
                (s, out) -> s.detectionTick(2 * P, out), Role.BACKUP, "n1", 0,
                List.of("arm DETECTION @" + (3 * P))),
            new Case("DetectionTick: not yet due is ignored", () -> Fixtures.started("n2", CLAIMS),
                (s, out) -> s.detectionTick(P - 1, out), Role.BACKUP, "n1", 0, List.of()),
            new Case("DetectionTick: a MASTER ignores it", () -> Fixtures.started("n1", CLAIMS),
                (s, out) -> s.detectionTick(LATER, out), Role.MASTER, "n1", 0, List.of()),
            new Case("DetectionTick: a WAITING server ignores it", () -> Fixtures.waiting("n2", CLAIMS),
                (s, out) -> s.detectionTick(2 * P, out), Role.WAITING, null, 0, List.of()),

            // Rule 2: ReceiveInquiry.
            new Case("ReceiveInquiry: MASTER answers inquiry_ok(self)", () -> Fixtures.started("n1", CLAIMS),
                (s, out) -> s.receiveInquiry("n3", LATER, out), Role.MASTER, "n1", 0,
                List.of("send n3 InquiryOk[master=n1, epoch=0]")),
            new Case("ReceiveInquiry: elected MASTER answers with its epoch", () -> Fixtures.electedMaster("n2", EPOCHS_ONLY),
                (s, out) -> s.receiveInquiry("n3", LATER, out), Role.MASTER, "n2", 1,
                List.of("send n3 InquiryOk[master=n2, epoch=1]")),
            new Case("ReceiveInquiry: a BACKUP does not answer", () -> Fixtures.started("n2", CLAIMS),
                (s, out) -> s.receiveInquiry("n3", LATER, out), Role.BACKUP, "n1", 0, List.of()),
            new Case("ReceiveInquiry: a WAITING server does not answer", () -> Fixtures.waiting("n2", CLAIMS),
                (s, out) -> s.receiveInquiry("n3", LATER, out), Role.WAITING, null, 0, List.of()),
            new Case("ReceiveInquiry redirect: a BACKUP names its master", () -> Fixtures.started("n2", REDIRECT_ONLY),
                (s, out) -> s.receiveInquiry("n3", LATER, out), Role.BACKUP, "n1", 0,
                List.of("send n3 InquiryOk[master=n1, epoch=0]")),
            new Case("ReceiveInquiry redirect: a WAITING server knows no master", () -> Fixtures.waiting("n2", REDIRECT_ONLY),
                (s, out) -> s.receiveInquiry("n3", LATER, out), Role.WAITING, null, 0, List.of()),

            // Rule 3: ReceiveInquiryOk.
            new Case("ReceiveInquiryOk: the master is functional", () -> Fixtures.inquiring("n2", CLAIMS),
                (s, out) -> s.receiveInquiryOk("n1", new InquiryOk("n1", 0), P + 1, out), Role.BACKUP, "n1", 0,
                List.of("cancel INQUIRY")),
            new Case("ReceiveInquiryOk: a reply from a non-master is stale", () -> Fixtures.inquiring("n2", CLAIMS),
                (s, out) -> s.receiveInquiryOk("n3", new InquiryOk("n3", 0), P + 1, out), Role.BACKUP, "n1", 0,
                List.of()),
            new Case("ReceiveInquiryOk: no inquiry outstanding", () -> Fixtures.started("n2", CLAIMS),
                (s, out) -> s.receiveInquiryOk("n1", new InquiryOk("n1", 0), P + 1, out), Role.BACKUP, "n1", 0,
                List.of()),
            new Case("ReceiveInquiryOk: a WAITING server ignores it", () -> Fixtures.waiting("n2", CLAIMS),
                (s, out) -> s.receiveInquiryOk("n1", new InquiryOk("n1", 0), LATER, out), Role.WAITING, null, 0,
                List.of()),
            new Case("ReceiveInquiryOk: a redirect without the variant is ignored", () -> Fixtures.inquiring("n2", CLAIMS),
                (s, out) -> s.receiveInquiryOk("n1", new InquiryOk("n3", 0), P + 1, out), Role.BACKUP, "n1", 0,
                List.of()),
            new Case("ReceiveInquiryOk redirect: adopt the master named", () -> Fixtures.inquiring("n2", REDIRECT_ONLY),
                (s, out) -> s.receiveInquiryOk("n1", new InquiryOk("n3", 0), P + 1, out), Role.BACKUP, "n3", 0,
                List.of("cancel INQUIRY")),
            new Case("ReceiveInquiryOk redirect: naming the receiver itself is ignored",
                () -> Fixtures.inquiring("n2", REDIRECT_ONLY),
                (s, out) -> s.receiveInquiryOk("n1", new InquiryOk("n2", 0), P + 1, out), Role.BACKUP, "n1", 0,
                List.of()),
            new Case("ReceiveInquiryOk redirect: naming no one is ignored", () -> Fixtures.inquiring("n2", REDIRECT_ONLY),
                (s, out) -> s.receiveInquiryOk("n1", new InquiryOk(null, 0), P + 1, out), Role.BACKUP, "n1", 0,
                List.of()),
            new Case("ReceiveInquiryOk redirect+epochs: adopt with the newer epoch",
                () -> Fixtures.inquiring("n2", REDIRECT_EPOCHS),
                (s, out) -> s.receiveInquiryOk("n1", new InquiryOk("n3", 4), P + 1, out), Role.BACKUP, "n3", 4,
                List.of("cancel INQUIRY")),
            new Case("ReceiveInquiryOk redirect+epochs: an older epoch is ignored", () -> {
                    Server s = Fixtures.started("n2", REDIRECT_EPOCHS);
                    s.receiveDeclare("n4", new Declare("n4", 5), 1, Effects.NONE);
                    s.detectionTick(P, Effects.NONE);
                    return s;
                },
                (s, out) -> s.receiveInquiryOk("n4", new InquiryOk("n3", 4), P + 1, out), Role.BACKUP, "n4", 5,
                List.of()),

            // Rule 4: InquiryTimeout.
            new Case("InquiryTimeout: BACKUP starts waiting for E without the failed master",
                () -> Fixtures.inquiring("n3", CLAIMS),
                (s, out) -> s.inquiryTimeout(P + T, out), Role.WAITING, null, 0,
                List.of("cancel DETECTION", "arm ELECTION @" + (P + T + B + D))),
            new Case("InquiryTimeout: the strongest candidate waits B", () -> Fixtures.inquiring("n2", CLAIMS),
                (s, out) -> s.inquiryTimeout(P + T, out), Role.WAITING, null, 0,
                List.of("cancel DETECTION", "arm ELECTION @" + (P + T + B))),
            new Case("InquiryTimeout: not yet due is ignored", () -> Fixtures.inquiring("n2", CLAIMS),
                (s, out) -> s.inquiryTimeout(P + T - 1, out), Role.BACKUP, "n1", 0, List.of()),
            new Case("InquiryTimeout: cancelled by the reply", () -> {
                    Server s = Fixtures.inquiring("n2", CLAIMS);
                    s.receiveInquiryOk("n1", new InquiryOk("n1", 0), P + 1, Effects.NONE);
                    return s;
                },
                (s, out) -> s.inquiryTimeout(P + T, out), Role.BACKUP, "n1", 0, List.of()),
            new Case("InquiryTimeout: a MASTER ignores it", () -> Fixtures.started("n1", CLAIMS),
                (s, out) -> s.inquiryTimeout(LATER, out), Role.MASTER, "n1", 0, List.of()),

            // Rule 5: ElectionTimeout.
            new Case("ElectionTimeout: take the mastership and declare to all others",
                () -> Fixtures.waiting("n2", CLAIMS),
                (s, out) -> s.electionTimeout(P + T + B, out), Role.MASTER, "n2", 0,
                List.of("send n1 Declare[master=n2, epoch=0]",
                        "send n3 Declare[master=n2, epoch=0]", "send n4 Declare[master=n2, epoch=0]")),
            new Case("ElectionTimeout epochs: a new mastership takes epoch + 1", () -> Fixtures.waiting("n2", EPOCHS_ONLY),
                (s, out) -> s.electionTimeout(P + T + B, out), Role.MASTER, "n2", 1,
                List.of("send n1 Declare[master=n2, epoch=1]",
                        "send n3 Declare[master=n2, epoch=1]", "send n4 Declare[master=n2, epoch=1]")),
            new Case("ElectionTimeout announce: arm the announce timer", () -> Fixtures.waiting("n2", ANNOUNCE_ONLY),
                (s, out) -> s.electionTimeout(P + T + B, out), Role.MASTER, "n2", 0,
                List.of("arm ANNOUNCE @" + (P + T + B + P),
                        "send n1 Declare[master=n2, epoch=0]", "send n3 Declare[master=n2, epoch=0]",
                        "send n4 Declare[master=n2, epoch=0]")),
            new Case("ElectionTimeout: not yet due is ignored", () -> Fixtures.waiting("n2", CLAIMS),
                (s, out) -> s.electionTimeout(P + T + B - 1, out), Role.WAITING, null, 0, List.of()),
            new Case("ElectionTimeout: cancelled by a declare", () -> {
                    Server s = Fixtures.waiting("n3", CLAIMS);
                    s.receiveDeclare("n2", new Declare("n2", 0), P + T + 1, Effects.NONE);
                    return s;
                },
                (s, out) -> s.electionTimeout(LATER, out), Role.BACKUP, "n2", 0, List.of()),

            // Rule 6: ReceiveDeclare, by role.
            new Case("ReceiveDeclare WAITING: recognise the declarer (claim 17)", () -> Fixtures.waiting("n3", CLAIMS),
                (s, out) -> s.receiveDeclare("n2", new Declare("n2", 0), P + T + 1, out), Role.BACKUP, "n2", 0,
                List.of("cancel ELECTION", "arm DETECTION @" + (P + T + 1 + P))),
            new Case("ReceiveDeclare WAITING: even a weaker declarer", () -> Fixtures.waiting("n2", CLAIMS),
                (s, out) -> s.receiveDeclare("n4", new Declare("n4", 0), P + T + 1, out), Role.BACKUP, "n4", 0,
                List.of("cancel ELECTION", "arm DETECTION @" + (P + T + 1 + P))),
            new Case("ReceiveDeclare BACKUP: switch master, drop the outstanding inquiry",
                () -> Fixtures.inquiring("n3", CLAIMS),
                (s, out) -> s.receiveDeclare("n2", new Declare("n2", 0), P + 1, out), Role.BACKUP, "n2", 0,
                List.of("cancel INQUIRY")),
            new Case("ReceiveDeclare BACKUP: its own master re-declaring changes nothing",
                () -> Fixtures.inquiring("n3", CLAIMS),
                (s, out) -> s.receiveDeclare("n1", new Declare("n1", 0), P + 1, out), Role.BACKUP, "n1", 0,
                List.of()),
            new Case("ReceiveDeclare epochs BACKUP: a newer epoch is taken", () -> Fixtures.started("n3", EPOCHS_ONLY),
                (s, out) -> s.receiveDeclare("n2", new Declare("n2", 3), 1, out), Role.BACKUP, "n2", 3, List.of()),
            new Case("ReceiveDeclare epochs BACKUP: an older epoch is ignored (stale declare)", () -> {
                    Server s = Fixtures.started("n3", EPOCHS_ONLY);
                    s.receiveDeclare("n4", new Declare("n4", 3), 1, Effects.NONE);
                    return s;
                },
                (s, out) -> s.receiveDeclare("n2", new Declare("n2", 2), 2, out), Role.BACKUP, "n4", 3, List.of()),
            new Case("ReceiveDeclare epochs WAITING: an older epoch is ignored", () -> {
                    Server s = Fixtures.started("n3", EPOCHS_ONLY);
                    s.receiveDeclare("n2", new Declare("n2", 3), 1, Effects.NONE);
                    s.detectionTick(P, Effects.NONE);
                    s.inquiryTimeout(P + T, Effects.NONE);
                    return s;
                },
                (s, out) -> s.receiveDeclare("n4", new Declare("n4", 2), LATER, out), Role.WAITING, null, 3,
                List.of()),
            new Case("ReceiveDeclare MASTER: a weaker declarer is revoked (claim 23)",
                () -> Fixtures.started("n1", CLAIMS),
                (s, out) -> s.receiveDeclare("n3", new Declare("n3", 0), LATER, out), Role.MASTER, "n1", 0,
                List.of("send n2 Revoke[revoked=n3, master=n1, epoch=0]",
                        "send n3 Revoke[revoked=n3, master=n1, epoch=0]",
                        "send n4 Revoke[revoked=n3, master=n1, epoch=0]")),
            new Case("ReceiveDeclare epochs MASTER: the revoke takes max(epoch, e) + 1",
                () -> Fixtures.started("n1", EPOCHS_ONLY),
                (s, out) -> s.receiveDeclare("n3", new Declare("n3", 4), LATER, out), Role.MASTER, "n1", 5,
                List.of("send n2 Revoke[revoked=n3, master=n1, epoch=5]",
                        "send n3 Revoke[revoked=n3, master=n1, epoch=5]",
                        "send n4 Revoke[revoked=n3, master=n1, epoch=5]")),
            new Case("ReceiveDeclare MASTER: a stronger declarer wins (claim 22)",
                () -> Fixtures.electedMaster("n3", CLAIMS),
                (s, out) -> s.receiveDeclare("n2", new Declare("n2", 0), LATER, out), Role.BACKUP, "n2", 0,
                List.of("arm DETECTION @" + (LATER + P))),
            new Case("ReceiveDeclare epochs MASTER: ranks decide, not epochs; the epoch is kept",
                () -> Fixtures.electedMaster("n3", EPOCHS_ONLY),
                (s, out) -> s.receiveDeclare("n2", new Declare("n2", 0), LATER, out), Role.BACKUP, "n2", 1,
                List.of("arm DETECTION @" + (LATER + P))),
            new Case("ReceiveDeclare announce MASTER: losing cancels the announce timer",
                () -> Fixtures.electedMaster("n3", ANNOUNCE_ONLY),
                (s, out) -> s.receiveDeclare("n2", new Declare("n2", 0), LATER, out), Role.BACKUP, "n2", 0,
                List.of("cancel ANNOUNCE", "arm DETECTION @" + (LATER + P))),

            // Rule 7: ReceiveRevoke, the same judgement with the sender as declarer.
            new Case("ReceiveRevoke MASTER: the revoked master steps down", () -> Fixtures.electedMaster("n3", CLAIMS),
                (s, out) -> s.receiveRevoke("n2", new Revoke("n3", "n2", 0), LATER, out), Role.BACKUP, "n2", 0,
                List.of("arm DETECTION @" + (LATER + P))),
            new Case("ReceiveRevoke BACKUP: recognise the revoker", () -> {
                    Server s = Fixtures.started("n4", CLAIMS);
                    s.receiveDeclare("n3", new Declare("n3", 0), 1, Effects.NONE);
                    return s;
                },
                (s, out) -> s.receiveRevoke("n2", new Revoke("n3", "n2", 0), 2, out), Role.BACKUP, "n2", 0,
                List.of()),
            new Case("ReceiveRevoke MASTER: a stronger master revokes the revoker in turn",
                () -> Fixtures.started("n1", EPOCHS_ONLY),
                (s, out) -> s.receiveRevoke("n2", new Revoke("n3", "n2", 2), LATER, out), Role.MASTER, "n1", 3,
                List.of("send n2 Revoke[revoked=n2, master=n1, epoch=3]",
                        "send n3 Revoke[revoked=n2, master=n1, epoch=3]",
                        "send n4 Revoke[revoked=n2, master=n1, epoch=3]")),
            new Case("ReceiveRevoke epochs WAITING: an older epoch is ignored", () -> {
                    Server s = Fixtures.started("n4", EPOCHS_ONLY);
                    s.receiveDeclare("n3", new Declare("n3", 6), 1, Effects.NONE);
                    return s;
                },
                (s, out) -> s.receiveRevoke("n2", new Revoke("n3", "n2", 5), 2, out), Role.BACKUP, "n3", 6,
                List.of()),

            // Rule 9: Restart.
            new Case("Restart: WAITING with E over all members, state lost", () -> Fixtures.electedMaster("n3", ALL),
                (s, out) -> s.restart(LATER, out), Role.WAITING, null, 0,
                List.of("cancel ANNOUNCE", "arm ELECTION @" + (LATER + B + 2 * D))),

            new Case("Restart patient: E over all members, plus P and D to hear the serving master",
                () -> Fixtures.started("n3", PATIENT_ONLY),
                (s, out) -> s.restart(LATER, out), Role.WAITING, null, 0,
                List.of("cancel DETECTION", "arm ELECTION @" + (LATER + B + 2 * D + P + D))),
            new Case("InquiryTimeout spaced: candidates are P + 2D apart", () -> Fixtures.inquiring("n3", SPACED_ONLY),
                (s, out) -> s.inquiryTimeout(P + T, out), Role.WAITING, null, 0,
                List.of("cancel DETECTION", "arm ELECTION @" + (P + T + B + P + 2 * D))),

            // Variant prompt: InquiryTimeout tells the stronger candidates; ReceiveSuspect.
            new Case("InquiryTimeout prompt: suspect to the stronger candidates but the failed master, 2D apart",
                () -> Fixtures.inquiring("n4", PROMPT_ONLY),
                (s, out) -> s.inquiryTimeout(P + T, out), Role.WAITING, null, 0,
                List.of("send n2 Suspect[failed=n1, epoch=0]", "send n3 Suspect[failed=n1, epoch=0]",
                        "cancel DETECTION", "arm ELECTION @" + (P + T + B + 2 * (2 * D)))),
            new Case("InquiryTimeout prompt: the strongest candidate tells no one", () -> Fixtures.inquiring("n2", PROMPT_ONLY),
                (s, out) -> s.inquiryTimeout(P + T, out), Role.WAITING, null, 0,
                List.of("cancel DETECTION", "arm ELECTION @" + (P + T + B))),
            new Case("ReceiveSuspect prompt: a BACKUP of the suspected master takes it as its own detection",
                () -> Fixtures.inquiring("n2", PROMPT_ONLY),
                (s, out) -> s.receiveSuspect("n4", new Suspect("n1", 0), P + 1, out), Role.WAITING, null, 0,
                List.of("cancel DETECTION", "cancel INQUIRY", "arm ELECTION @" + (P + 1 + B))),
            new Case("ReceiveSuspect prompt: of another master, ignored", () -> Fixtures.started("n2", PROMPT_ONLY),
                (s, out) -> s.receiveSuspect("n4", new Suspect("n3", 0), P, out), Role.BACKUP, "n1", 0, List.of()),
            new Case("ReceiveSuspect prompt: of another epoch of the master, ignored",
                () -> Fixtures.started("n2", PROMPT_EPOCHS),
                (s, out) -> s.receiveSuspect("n4", new Suspect("n1", 1), P, out), Role.BACKUP, "n1", 0, List.of()),
            new Case("ReceiveSuspect prompt: a WAITING server has detected already", () -> Fixtures.waiting("n2", PROMPT_ONLY),
                (s, out) -> s.receiveSuspect("n4", new Suspect("n1", 0), P + T + 1, out), Role.WAITING, null, 0,
                List.of()),
            new Case("ReceiveSuspect without prompt: ignored", () -> Fixtures.started("n2", CLAIMS),
                (s, out) -> s.receiveSuspect("n4", new Suspect("n1", 0), P, out), Role.BACKUP, "n1", 0, List.of()),

            // Variant roster: the master's declarations name whom it heard from; E(i) counts only those.
            new Case("Announce roster: the first announcement names every member (as if all were heard at start)",
                () -> Fixtures.started("n1", ANNOUNCE_ROSTER),
                (s, out) -> s.announce(P, out), Role.MASTER, "n1", 0,
                List.of("send n2 Declare[master=n1, epoch=0, live=[n1, n2, n3, n4]]",
                        "send n3 Declare[master=n1, epoch=0, live=[n1, n2, n3, n4]]",
                        "send n4 Declare[master=n1, epoch=0, live=[n1, n2, n3, n4]]", "arm ANNOUNCE @" + (2 * P))),
            new Case("Announce roster: later ones name the members heard from in this period and the one before",
                () -> {
                    Server s = Fixtures.started("n1", ANNOUNCE_ROSTER);
                    s.announce(P, Effects.NONE);
                    s.receiveInquiry("n3", P + 1, Effects.NONE);
                    s.announce(2 * P, Effects.NONE);
                    s.receiveInquiry("n2", 2 * P + 1, Effects.NONE);
                    return s;
                },
                (s, out) -> s.announce(3 * P, out), Role.MASTER, "n1", 0,
                List.of("send n2 Declare[master=n1, epoch=0, live=[n1, n2, n3]]",
                        "send n3 Declare[master=n1, epoch=0, live=[n1, n2, n3]]",
                        "send n4 Declare[master=n1, epoch=0, live=[n1, n2, n3]]", "arm ANNOUNCE @" + (4 * P))),
            new Case("InquiryTimeout roster: a stronger member off the master's roster gets no suspect and costs no step",
                () -> {
                    Server s = Fixtures.inquiring("n4", PROMPT_ROSTER);
                    s.receiveDeclare("n1", new Declare("n1", 0, List.of("n1", "n3", "n4")), P + 1, Effects.NONE);
                    return s;
                },
                (s, out) -> s.inquiryTimeout(P + T, out), Role.WAITING, null, 0,
                List.of("send n3 Suspect[failed=n1, epoch=0]", "cancel DETECTION",
                        "arm ELECTION @" + (P + T + B + 2 * D))),
            new Case("InquiryTimeout roster: no roster received yet: every member counts",
                () -> Fixtures.inquiring("n4", PROMPT_ROSTER),
                (s, out) -> s.inquiryTimeout(P + T, out), Role.WAITING, null, 0,
                List.of("send n2 Suspect[failed=n1, epoch=0]", "send n3 Suspect[failed=n1, epoch=0]",
                        "cancel DETECTION", "arm ELECTION @" + (P + T + B + 2 * (2 * D)))),

            // Variant announce: Announce.
            new Case("Announce: a MASTER re-declares every P", () -> Fixtures.started("n1", ANNOUNCE_ONLY),
                (s, out) -> s.announce(P, out), Role.MASTER, "n1", 0,
                List.of("send n2 Declare[master=n1, epoch=0]", "send n3 Declare[master=n1, epoch=0]",
                        "send n4 Declare[master=n1, epoch=0]", "arm ANNOUNCE @" + (2 * P))),
            new Case("Announce: not yet due is ignored", () -> Fixtures.started("n1", ANNOUNCE_ONLY),
                (s, out) -> s.announce(P - 1, out), Role.MASTER, "n1", 0, List.of()),
            new Case("Announce: a BACKUP ignores it", () -> Fixtures.started("n2", ANNOUNCE_ONLY),
                (s, out) -> s.announce(LATER, out), Role.BACKUP, "n1", 0, List.of())
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(Case c) {
        Server server = c.given().get();
        RecordingEffects out = new RecordingEffects();
        c.when().accept(server, out);
        assertThat(server.role()).as("role").isEqualTo(c.role());
        assertThat(server.master()).as("master").isEqualTo(c.master());
        assertThat(server.epoch()).as("epoch").isEqualTo(c.epoch());
        assertThat(out.lines).as("effects").containsExactlyElementsOf(c.effects());
        assertThat(server.invariantsHold()).as("invariants after the step: " + server).isTrue();
    }
}
