package io.stagger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagger.core.Message.Declare;
import io.stagger.core.Message.InquiryOk;
import io.stagger.core.Message.Revoke;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Input that breaks the core's contract is refused before any state changes. */
class ContractTest {

    record BadCall(String name, Consumer<Server> call, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadCall> badCalls() {
        return Stream.of(
            new BadCall("declare from a stranger", s -> s.receiveDeclare("n9", new Declare("n9", 0), 5, Effects.NONE),
                "not a member"),
            new BadCall("declare whose master is not its sender",
                s -> s.receiveDeclare("n3", new Declare("n4", 0), 5, Effects.NONE), "declares its sender"),
            new BadCall("revoke from a weaker rank", s -> s.receiveRevoke("n4", new Revoke("n3", "n4", 0), 5, Effects.NONE),
                "stronger rank"),
            new BadCall("revoke naming a stranger", s -> s.receiveRevoke("n3", new Revoke("n9", "n3", 0), 5, Effects.NONE),
                "not a member"),
            new BadCall("declare whose roster names a stranger",
                s -> s.receiveDeclare("n1", new Declare("n1", 0, List.of("n1", "n9")), 5, Effects.NONE),
                "not a member: n9"),
            new BadCall("revoke whose roster names a stranger",
                s -> s.receiveRevoke("n1", new Revoke("n3", "n1", 0, List.of("n7")), 5, Effects.NONE),
                "not a member: n7"),
            new BadCall("inquiry_ok naming a stranger",
                s -> s.receiveInquiryOk("n1", new InquiryOk("n9", 0), 5, Effects.NONE), "not a member"),
            new BadCall("a message from itself", s -> s.receiveInquiry("n2", 5, Effects.NONE), "from itself"),
            new BadCall("time going backwards", s -> s.receiveInquiry("n3", 0, Effects.NONE), "backwards"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void refusedWithoutAStateChange(BadCall bad) {
        Server server = Fixtures.started("n2", EnumSet.allOf(Variant.class));
        server.receiveInquiry("n3", 1, Effects.NONE);
        ServerState before = server.snapshot();
        assertThatThrownBy(() -> bad.call().accept(server))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(bad.message());
        assertThat(server.snapshot()).isEqualTo(before);
        assertThat(server.roster()).as("roster").containsExactly("n1", "n2", "n3", "n4");
    }

    @Test
    void ranksByCapabilityWithTiesById() {
        Group group = Group.of(List.of("n1", "n2", "n3", "n4"),
                new RankRule.ByCapability(Map.of("n1", 4L, "n2", 8L, "n3", 8L, "n4", 16L)));
        assertThat(group.idsByRank()).containsExactly("n4", "n2", "n3", "n1");
        assertThat(group.rank("n4")).isEqualTo(1);
        assertThat(group.strongest()).isEqualTo("n4");
    }

    @Test
    void aCapabilityIsNeededForEveryMember() {
        assertThatThrownBy(() -> Group.of(List.of("n1", "n2"), new RankRule.ByCapability(Map.of("n1", 1L))))
                .hasMessageContaining("no capability given for member n2");
    }

    @Test
    void variantsParseAndPrintByName() {
        assertThat(Variant.parseList("announce, epochs")).containsExactlyInAnyOrder(Variant.ANNOUNCE, Variant.EPOCHS);
        assertThat(Variant.parseList("none")).isEmpty();
        assertThat(Variant.formatList(EnumSet.of(Variant.REDIRECT, Variant.ANNOUNCE))).isEqualTo("announce,redirect");
        assertThatThrownBy(() -> Variant.parseList("announce,quorum")).hasMessageContaining("unknown variant 'quorum'");
    }

    @Test
    void durationsNeedUnits() {
        assertThat(Durations.parse("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Durations.format(Duration.ofMillis(2000))).isEqualTo("2s");
        assertThatThrownBy(() -> Durations.parse("100")).hasMessageContaining("write a number with a unit");
    }

    /** The hand-written parse accepts and reads exactly what the regular expression it replaced did. */
    @Test
    void durationsParseAsTheirRegularExpressionDid() {
        Pattern withUnit = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|m)");
        String[] texts = {"100ms", " 2S ", "1.5s", "0.25ms", "7 ms", "7\tus", "3µs", "3µS", "1m", "10M", "0ms",
            "100", "ms", "", " ", "1.ms", ".5s", "1..5s", "-1ms", "+1ms", "1e3ms", "1,5s", "5 m s", "5msx", "5h",
            "1.5.5s", "٣ms", "5\u00a0ms", "99999999999999999999s", "5mss"};
        for (String text : texts) {
            Matcher m = withUnit.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                double micros = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
                    case "us", "µs" -> 1;
                    case "ms" -> 1_000;
                    case "s" -> 1_000_000;
                    default -> 60_000_000;
                };
                assertThat(Durations.parse(text)).as(text).isEqualTo(Duration.ofNanos(Math.round(micros * 1_000)));
            } else {
                assertThatThrownBy(() -> Durations.parse(text)).as(text)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a duration");
            }
        }
    }

    @Test
    void configRefusesNonPositiveTimers() {
        assertThatThrownBy(() -> new Config(EnumSet.noneOf(Variant.class), Duration.ZERO, Duration.ofMillis(1),
                Duration.ZERO, new DelayBounds.Uniform(Duration.ZERO), new RankRule.ByPosition()))
                .hasMessageContaining("P (detection period) must be a positive duration");
    }
}
