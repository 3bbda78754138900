package io.stagger.core;

import static io.stagger.core.Fixtures.LATER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Role and epoch change only in {@code becomeMaster} / {@code becomeBackup} / {@code becomeWaiting}, and each refuses a
 * transition that no rule can make, with an {@link IllegalStateException} and before any state changes. No sequence
 * of events reaches these transitions, so the methods are called directly.
 */
class RoleChangeTest {
    private static final Set<Variant> EPOCHS = EnumSet.of(Variant.EPOCHS);

    record Impossible(String name, Supplier<Server> given, BiConsumer<Server, Effects> change, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Impossible> impossibleTransitions() {
        return Stream.of(
            new Impossible("becomeMaster from BACKUP: a BACKUP is elected only after waiting",
                () -> Fixtures.started("n2", EPOCHS), (s, out) -> s.becomeMaster(1, LATER, out),
                "a BACKUP becomes MASTER only by an election"),
            new Impossible("becomeMaster with a lower epoch", () -> epoch3Waiting(),
                (s, out) -> s.becomeMaster(2, LATER, out), "epoch back from 3 to 2"),
            new Impossible("becomeMaster of a MASTER with a lower epoch", () -> Fixtures.electedMaster("n2", EPOCHS),
                (s, out) -> s.becomeMaster(0, LATER, out), "epoch back from 1 to 0"),
            new Impossible("becomeBackup of itself", () -> Fixtures.waiting("n2", EPOCHS),
                (s, out) -> s.becomeBackup("n2", 0, LATER, out), "cannot be a BACKUP of n2"),
            new Impossible("becomeBackup of no one", () -> Fixtures.waiting("n2", EPOCHS),
                (s, out) -> s.becomeBackup(null, 0, LATER, out), "cannot be a BACKUP of null"),
            new Impossible("becomeBackup with a lower epoch", () -> epoch3Waiting(),
                (s, out) -> s.becomeBackup("n1", 2, LATER, out), "epoch back from 3 to 2"),
            new Impossible("becomeWaiting from MASTER", () -> Fixtures.started("n1", EPOCHS),
                (s, out) -> s.becomeWaiting(LATER, out), "a master never waits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleTransitions")
    void refusedBeforeAnyStateChanges(Impossible impossible) {
        Server server = impossible.given().get();
        ServerState before = server.snapshot();
        RecordingEffects out = new RecordingEffects();
        assertThatThrownBy(() -> impossible.change().accept(server, out))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(impossible.message());
        assertThat(server.snapshot()).isEqualTo(before);
        assertThat(out.lines).isEmpty();
    }

    @Test
    void aMasterThatRevokesMovesOnlyItsEpoch() {
        Server master = Fixtures.started("n1", EnumSet.of(Variant.EPOCHS, Variant.ANNOUNCE));
        ServerState before = master.snapshot();
        RecordingEffects out = new RecordingEffects();
        master.becomeMaster(4, LATER, out);
        assertThat(master.epoch()).isEqualTo(4);
        assertThat(master.snapshot()).isEqualTo(new ServerState("n1", Role.MASTER, "n1", 4, false,
                before.timerDetectionAt(), before.timerInquiryAt(), before.timerElectionAt(), before.timerAnnounceAt()));
        assertThat(out.lines).as("the announce rhythm goes on").isEmpty();
    }

    @Test
    void aBackupOfTheSameMasterMovesOnlyItsEpochAndKeepsItsInquiry() {
        Server backup = Fixtures.inquiring("n2", EPOCHS);
        ServerState before = backup.snapshot();
        RecordingEffects out = new RecordingEffects();
        backup.becomeBackup("n1", 2, LATER, out);
        assertThat(backup.snapshot()).isEqualTo(new ServerState("n2", Role.BACKUP, "n1", 2, true,
                before.timerDetectionAt(), before.timerInquiryAt(), before.timerElectionAt(), before.timerAnnounceAt()));
        assertThat(out.lines).isEmpty();
    }

    /** A WAITING server that has seen epoch 3. */
    private static Server epoch3Waiting() {
        Server server = Fixtures.started("n3", EPOCHS);
        server.receiveDeclare("n2", new Message.Declare("n2", 3), 1, Effects.NONE);
        server.detectionTick(Fixtures.P, Effects.NONE);
        server.inquiryTimeout(Fixtures.P + Fixtures.T, Effects.NONE);
        assertThat(server.role()).isEqualTo(Role.WAITING);
        assertThat(server.epoch()).isEqualTo(3);
        return server;
    }
}
