package io.stagger.core;

import static io.stagger.core.Fixtures.LATER;
import static io.stagger.core.Fixtures.P;
import static io.stagger.core.Fixtures.T;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Message.Declare;
import io.stagger.core.Message.Inquiry;
import io.stagger.core.Message.InquiryOk;
import io.stagger.core.Message.Revoke;
import io.stagger.core.Message.Suspect;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Server#step} is the one entry into the core, and it routes every kind of input to its rule. The kinds are
 * found by reflection: each permitted subtype of the sealed {@link Event}, with {@link Event.Receive} opened into each
 * permitted subtype of the sealed {@link Message} and {@link Event.TimerFired} into each {@link Timer}. Each is
 * driven through {@code step} at a server where its rule applies, and the rule must report its spec action. A new
 * subtype or timer without a row here fails {@link #everyKindOfInputHasARow}; a row whose input {@code step} does
 * not route to the rule fails {@link #stepRoutesItToItsRule}.
 */
class DispatchTest {
    // The fixtures' roles come from real steps at P and P + T, which patient's start allowance would postpone.
    private static final Set<Variant> ALL = EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS, Variant.REDIRECT);
    private static final Set<Variant> ANNOUNCE = EnumSet.of(Variant.ANNOUNCE);
    private static final Set<Variant> PROMPT = EnumSet.of(Variant.PROMPT);

    /** An input, the server it reaches, when, and the rule that must take it. */
    record Row(Supplier<Server> given, Event event, long nowMicros, Action rule) {}

    /** Keyed by the kind of input: an {@link Event} or {@link Message} subtype, or a {@link Timer}. */
    private static final Map<Object, Row> ROWS = Map.ofEntries(
            Map.entry(Event.Start.class, new Row(() -> new Server("n2", Fixtures.group(), Fixtures.config(ALL)),
                    Event.Start.INSTANCE, 0, Action.START)),
            Map.entry(Event.Restart.class, new Row(() -> Fixtures.started("n2", ALL), Event.Restart.INSTANCE, LATER,
                    Action.RESTART)),
            Map.entry(Inquiry.class, new Row(() -> Fixtures.started("n1", ALL),
                    new Event.Receive("n2", Inquiry.INSTANCE), LATER, Action.RECEIVE_INQUIRY)),
            Map.entry(InquiryOk.class, new Row(() -> Fixtures.inquiring("n2", ALL),
                    new Event.Receive("n1", new InquiryOk("n1", 0)), P + 1, Action.RECEIVE_INQUIRY_OK)),
            Map.entry(Declare.class, new Row(() -> Fixtures.waiting("n3", ALL),
                    new Event.Receive("n2", new Declare("n2", 1)), LATER, Action.RECEIVE_DECLARE)),
            Map.entry(Revoke.class, new Row(() -> Fixtures.waiting("n4", ALL),
                    new Event.Receive("n2", new Revoke("n3", "n2", 1)), LATER, Action.RECEIVE_REVOKE)),
            Map.entry(Timer.DETECTION, new Row(() -> Fixtures.started("n2", Set.of()),
                    Event.TimerFired.of(Timer.DETECTION), P, Action.DETECTION_TICK)),
            Map.entry(Timer.INQUIRY, new Row(() -> Fixtures.inquiring("n2", Set.of()),
                    Event.TimerFired.of(Timer.INQUIRY), P + T, Action.INQUIRY_TIMEOUT)),
            Map.entry(Timer.ELECTION, new Row(() -> Fixtures.waiting("n2", Set.of()),
                    Event.TimerFired.of(Timer.ELECTION), LATER, Action.ELECTION_TIMEOUT)),
            Map.entry(Timer.ANNOUNCE, new Row(() -> Fixtures.started("n1", ANNOUNCE),
                    Event.TimerFired.of(Timer.ANNOUNCE), P, Action.ANNOUNCE)),
            Map.entry(Suspect.class, new Row(() -> Fixtures.started("n2", PROMPT),
                    new Event.Receive("n4", new Suspect("n1", 0)), P, Action.RECEIVE_SUSPECT)));

    /** Every kind of input the core can be given, by reflection over the sealed types and the timers. */
    static Stream<Object> kindsOfInput() {
        List<Object> kinds = new ArrayList<>();
        for (Class<?> event : Event.class.getPermittedSubclasses()) {
            if (event == Event.Receive.class) {
                kinds.addAll(List.of(Message.class.getPermittedSubclasses()));
            } else if (event == Event.TimerFired.class) {
                kinds.addAll(List.of(Timer.values()));
            } else {
                kinds.add(event);
            }
        }
        return kinds.stream();
    }

    @Test
    void everyKindOfInputHasARow() {
        assertThat(ROWS.keySet()).as("the kinds of input with a row, against those the sealed types permit")
                .containsExactlyInAnyOrderElementsOf(kindsOfInput().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kindsOfInput")
    void stepRoutesItToItsRule(Object kind) {
        Row row = ROWS.get(kind);
        assertThat(row).as("a row for " + kind + ": add its rule to Server.step and a row here").isNotNull();
        assertThat(kindOf(row.event())).as("the row's input").isEqualTo(kind);
        Server server = row.given().get();
        List<Action> rules = new ArrayList<>();
        List<Event> causes = new ArrayList<>();
        server.observeWith((s, action, cause, nowMicros) -> {
            rules.add(action);
            causes.add(cause);
        });
        server.step(row.event(), row.nowMicros(), new RecordingEffects());
        assertThat(rules).as("the rules that ran").containsExactly(row.rule());
        assertThat(causes).as("the cause each rule reported").containsExactly(row.event());
    }

    private static Object kindOf(Event event) {
        if (event instanceof Event.Receive receive) {
            return receive.message().getClass();
        }
        if (event instanceof Event.TimerFired fired) {
            return fired.timer();
        }
        return event.getClass();
    }
}
