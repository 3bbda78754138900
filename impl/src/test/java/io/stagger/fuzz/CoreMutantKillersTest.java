package io.stagger.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagger.core.Action;
import io.stagger.core.Config;
import io.stagger.core.DelayBounds;
import io.stagger.core.Durations;
import io.stagger.core.Effects;
import io.stagger.core.ElectionDelays;
import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Message;
import io.stagger.core.RankRule;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.ServerState;
import io.stagger.core.Timer;
import io.stagger.core.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Tests written to kill the mutants that PIT found surviving in io.stagger.core (impl/MUTATION.md): every step
 * reports to the observer, every step rejects time going backwards, the argument checks of the receive rules, the
 * boundaries of the epoch and rank comparisons, the reuse of inquiry_ok, and the text forms used in logs and traces.
 * They use only the core's public API (they live here because this package is where the reliability work adds tests).
 */
class CoreMutantKillersTest {
    private static final Group GROUP = Group.of(List.of("n1", "n2", "n3"), new RankRule.ByPosition());
    // announce, epochs (patient and spaced are killed by their own tests in ServerRulesTest); P=100ms, T=50ms
    private static final Config DEFAULTS = Config.defaults().withVariants(EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS));

    /** Records what a server sends. */
    static final class Sent implements Effects {
        final List<String> lines = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();

        @Override
        public void send(String to, Message message) {
            lines.add(to + " " + message);
            messages.add(message);
        }

        @Override
        public void arm(Timer timer, long deadlineMicros) {}

        @Override
        public void cancel(Timer timer) {}

        Message last() {
            return messages.get(messages.size() - 1);
        }
    }

    @Test
    void everyStepIsReportedToTheObserverWithItsAction() {
        Server s = new Server("n2", GROUP, DEFAULTS);
        List<Action> seen = new ArrayList<>();
        s.observeWith((server, action, cause, now) -> {
            assertThat(server).isSameAs(s);
            seen.add(action);
        });
        Sent out = new Sent();
        s.step(Event.Start.INSTANCE, 0, out);
        s.step(Event.TimerFired.of(Timer.DETECTION), 10, out); // not due
        s.step(Event.TimerFired.of(Timer.INQUIRY), 11, out); // not armed
        s.step(Event.TimerFired.of(Timer.ELECTION), 12, out); // not WAITING
        s.step(Event.TimerFired.of(Timer.DETECTION), 100_000, out); // inquires of n1
        s.step(new Event.Receive("n3", Message.Inquiry.INSTANCE), 100_001, out);
        s.step(new Event.Receive("n3", new Message.InquiryOk("n3", 0)), 100_002, out); // not from the master: stale
        s.step(new Event.Receive("n1", new Message.InquiryOk("n1", 0)), 100_003, out);
        s.step(Event.TimerFired.of(Timer.DETECTION), 200_000, out);
        s.step(Event.TimerFired.of(Timer.INQUIRY), 250_000, out);
        assertThat(s.role()).isEqualTo(Role.WAITING);
        long election = s.deadlineMicros(Timer.ELECTION);
        s.step(Event.TimerFired.of(Timer.ELECTION), election, out);
        assertThat(s.role()).isEqualTo(Role.MASTER);
        s.step(Event.TimerFired.of(Timer.ANNOUNCE), election + 1, out); // not due
        s.step(Event.TimerFired.of(Timer.ANNOUNCE), election + 100_000, out);
        s.step(new Event.Receive("n1", new Message.Declare("n1", 5)), election + 100_001, out);
        assertThat(s.role()).isEqualTo(Role.BACKUP);
        assertThat(s.epoch()).isEqualTo(5); // a master that yields takes the stronger declarer's higher epoch
        s.step(new Event.Receive("n1", new Message.Revoke("n3", "n1", 6)), election + 100_002, out);
        s.step(Event.Restart.INSTANCE, election + 100_003, out);
        assertThat(seen).containsExactly(Action.START, Action.IGNORED_TIMER, Action.IGNORED_TIMER,
                Action.IGNORED_TIMER, Action.DETECTION_TICK,
                Action.RECEIVE_INQUIRY, Action.RECEIVE_INQUIRY_OK, Action.RECEIVE_INQUIRY_OK, Action.DETECTION_TICK,
                Action.INQUIRY_TIMEOUT, Action.ELECTION_TIMEOUT, Action.IGNORED_TIMER, Action.ANNOUNCE,
                Action.RECEIVE_DECLARE, Action.RECEIVE_REVOKE, Action.RESTART);
    }

    @Test
    void everyStepRejectsTimeGoingBackwards() {
        List<Consumer<Server>> steps = List.of(
                s -> s.step(Event.TimerFired.of(Timer.DETECTION), 999, new Sent()),
                s -> s.step(new Event.Receive("n1", Message.Inquiry.INSTANCE), 999, new Sent()),
                s -> s.step(new Event.Receive("n1", new Message.InquiryOk("n1", 0)), 999, new Sent()),
                s -> s.step(Event.TimerFired.of(Timer.INQUIRY), 999, new Sent()),
                s -> s.step(Event.TimerFired.of(Timer.ELECTION), 999, new Sent()),
                s -> s.step(new Event.Receive("n1", new Message.Declare("n1", 0)), 999, new Sent()),
                s -> s.step(new Event.Receive("n1", new Message.Revoke("n3", "n1", 0)), 999, new Sent()),
                s -> s.step(Event.Start.INSTANCE, 999, new Sent()),
                s -> s.step(Event.Restart.INSTANCE, 999, new Sent()),
                s -> s.step(Event.TimerFired.of(Timer.ANNOUNCE), 999, new Sent()));
        for (Consumer<Server> step : steps) {
            Server s = new Server("n2", GROUP, DEFAULTS);
            s.step(Event.Start.INSTANCE, 1_000, new Sent());
            assertThatThrownBy(() -> step.accept(s)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("time went backwards");
        }
        Server same = new Server("n2", GROUP, DEFAULTS);
        same.step(Event.Start.INSTANCE, 1_000, new Sent());
        same.step(Event.TimerFired.of(Timer.DETECTION), 1_000, new Sent()); // the same instant again is not backwards
        same.step(new Event.Receive("n1", Message.Inquiry.INSTANCE), 1_000, new Sent());
    }

    @Test
    void anInquiryOkFromANonMemberIsRejected() {
        Server s = new Server("n2", GROUP, DEFAULTS);
        s.step(Event.Start.INSTANCE, 0, new Sent());
        assertThatThrownBy(() -> s.step(new Event.Receive("n9", new Message.InquiryOk("n1", 0)), 1, new Sent()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRevokeFromItselfIsRejectedAsAnArgument() {
        Server s = new Server("n1", GROUP, DEFAULTS);
        s.step(Event.Start.INSTANCE, 0, new Sent());
        assertThatThrownBy(() -> s.step(new Event.Receive("n1", new Message.Revoke("n3", "n1", 0)), 1, new Sent()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRevokeMustComeFromTheMasterItDeclares() {
        Server s = new Server("n2", GROUP, DEFAULTS);
        s.step(Event.Start.INSTANCE, 0, new Sent());
        assertThatThrownBy(() -> s.step(new Event.Receive("n1", new Message.Revoke("n3", "n2", 0)), 1, new Sent()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares its sender");
        assertThat(s.snapshot().master()).isEqualTo("n1");
    }

    @Test
    void aServerCannotRevokeItself() {
        Server s = new Server("n2", GROUP, DEFAULTS);
        s.step(Event.Start.INSTANCE, 0, new Sent());
        assertThatThrownBy(() -> s.step(new Event.Receive("n1", new Message.Revoke("n1", "n1", 0)), 1, new Sent()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stronger rank");
    }

    @Test
    void withRedirectAndEpochsAnInquiryOkOfTheSameEpochIsAdopted() {
        Config config = DEFAULTS.withVariants(EnumSet.of(Variant.REDIRECT, Variant.EPOCHS));
        Server s = new Server("n3", GROUP, config);
        s.step(Event.Start.INSTANCE, 0, new Sent());
        s.step(Event.TimerFired.of(Timer.DETECTION), 100_000, new Sent());
        assertThat(s.inquiryOutstanding()).isTrue();
        s.step(new Event.Receive("n1", new Message.InquiryOk("n2", 0)), 100_001, new Sent());
        assertThat(s.master()).isEqualTo("n2");
        assertThat(s.inquiryOutstanding()).isFalse();
    }

    @Test
    void aBackupKeepsItsInquiryWhenItsOwnMasterDeclaresAgain() {
        Server s = new Server("n2", GROUP, DEFAULTS);
        s.step(Event.Start.INSTANCE, 0, new Sent());
        s.step(Event.TimerFired.of(Timer.DETECTION), 100_000, new Sent());
        s.step(new Event.Receive("n1", new Message.Declare("n1", 0)), 100_001, new Sent());
        assertThat(s.inquiryOutstanding()).isTrue();
        assertThat(s.deadlineMicros(Timer.INQUIRY)).isEqualTo(150_000);
    }

    @Test
    void aMastersInquiryOkCarriesItsCurrentEpoch() {
        Server s = new Server("n1", GROUP, DEFAULTS);
        s.step(Event.Start.INSTANCE, 0, new Sent());
        Sent out = new Sent();
        s.step(new Event.Receive("n2", Message.Inquiry.INSTANCE), 1, out);
        assertThat(out.last()).isEqualTo(new Message.InquiryOk("n1", 0));
        s.step(new Event.Receive("n3", new Message.Declare("n3", 4)), 2, new Sent()); // n1 revokes n3: epoch 5
        assertThat(s.epoch()).isEqualTo(5);
        s.step(new Event.Receive("n2", Message.Inquiry.INSTANCE), 3, out);
        assertThat(out.last()).isEqualTo(new Message.InquiryOk("n1", 5));
    }

    @Test
    void aRedirectingBackupNamesItsCurrentMaster() {
        Server s = new Server("n3", GROUP, DEFAULTS.withVariants(EnumSet.of(Variant.REDIRECT)));
        s.step(Event.Start.INSTANCE, 0, new Sent());
        Sent out = new Sent();
        s.step(new Event.Receive("n2", Message.Inquiry.INSTANCE), 1, out);
        assertThat(out.last()).isEqualTo(new Message.InquiryOk("n1", 0));
        s.step(new Event.Receive("n2", new Message.Declare("n2", 0)), 2, new Sent());
        assertThat(s.master()).isEqualTo("n2");
        s.step(new Event.Receive("n1", Message.Inquiry.INSTANCE), 3, out);
        assertThat(out.last()).isEqualTo(new Message.InquiryOk("n2", 0));
    }

    @Test
    void accessorsAndTextForms() {
        Server s = new Server("n2", GROUP, DEFAULTS);
        assertThat(s.config()).isSameAs(DEFAULTS);
        assertThat(s.electionDelays().withNoneFailedMicros())
                .isEqualTo(ElectionDelays.compute("n2", GROUP, DEFAULTS).withNoneFailedMicros());
        s.step(Event.Start.INSTANCE, 0, new Sent());
        assertThat(s.toString()).isEqualTo(s.snapshot().toString()).isEqualTo("n2{BACKUP master=n1 epoch=0 detection@100000}");
        assertThat(new ServerState("n2", Role.BACKUP, "n1", 3, true, 100, 150, Server.NOT_ARMED, Server.NOT_ARMED)
                .toString()).isEqualTo("n2{BACKUP master=n1 epoch=3 inquiring detection@100 inquiry@150}");
        assertThat(new ServerState("n1", Role.WAITING, null, 0, false, Server.NOT_ARMED, Server.NOT_ARMED, 7,
                Server.NOT_ARMED).toString()).isEqualTo("n1{WAITING master=NONE epoch=0 election@7}");
        assertThat(GROUP.toString()).isEqualTo("Group[n1, n2, n3]");
        assertThat(GROUP.size()).isEqualTo(3);
        assertThat(Action.ELECTION_TIMEOUT.specName()).isEqualTo("ElectionTimeout");
        assertThat(DEFAULTS.toString()).isEqualTo("variants=announce,epochs P=100ms T=50ms B=100ms maxD=20ms");
        assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(Durations.format(Duration.ofMillis(2500))).isEqualTo("2500ms");
        assertThat(Variant.parseList("announce,epochs")).containsExactlyInAnyOrder(Variant.ANNOUNCE, Variant.EPOCHS);
        assertThat(Variant.formatList(EnumSet.of(Variant.REDIRECT))).isEqualTo("redirect");
        assertThat(Variant.formatList(EnumSet.noneOf(Variant.class))).isEqualTo("none");
        assertThat(Variant.parseList("none")).isEmpty();
        assertThat(new DelayBounds.Uniform(Duration.ofMillis(3)).maxMicros()).isEqualTo(3_000);
        assertThat(new DelayBounds.Matrix(Map.of("n1", Map.of("n2", Duration.ofMillis(7))), Duration.ofMillis(2))
                .maxMicros()).isEqualTo(7_000);
    }
}
