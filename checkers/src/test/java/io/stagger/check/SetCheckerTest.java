package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The g-set checker and Jepsen's set-full analysis on written-out histories. */
class SetCheckerTest {
    @Test
    void anElementEveryLaterReadShowsIsStableWithTheTimeUntilTheLastReadThatLackedIt() {
        Histories h = new Histories()
                .done(0, "add", "1", "1", 0, 10)
                .done(1, "read", "null", "[]", 15, 17)
                .done(1, "read", "null", "[1]", 40, 42)
                .finalRead(2, "n1", "[1]", 100, 101).finalRead(3, "n2", "[1]", 100, 102);
        List<SetFull.Element> elements = SetFull.analyse(h.ops(), "add");
        assertThat(elements).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(SetFull.Outcome.STABLE);
            assertThat(e.stableLatencyMillis()).as("from the ack at 10 ms to the absent read invoked at 15 ms").isEqualTo(5);
        });
        CheckResult result = SetChecker.gSet().check(h.context());
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.details().path("stale-count").asInt()).isEqualTo(1);
        assertThat(result.details().path("stable-latencies").toString())
                .isEqualTo("{\"0\":5,\"0.5\":5,\"0.95\":5,\"0.99\":5,\"1\":5}");
    }

    @Test
    void aReadConcurrentWithTheAddThatShowsItMakesItStableAtOnce() {
        Histories h = new Histories()
                .invoke(0, "add", "7", 0).done(1, "read", "null", "[7]", 1, 2).ok(0, "add", "7", 10)
                .finalRead(2, "n1", "[7]", 20, 21);
        assertThat(SetFull.analyse(h.ops(), "add")).singleElement()
                .satisfies(e -> assertThat(e.stableLatencyMillis()).isZero());
    }

    @Test
    void anAcknowledgedAddMissingFromAFinalReadIsLost() {
        Histories h = new Histories()
                .done(0, "add", "1", "1", 0, 10).done(0, "add", "2", "2", 11, 12)
                .finalRead(2, "n1", "[1, 2]", 100, 101).finalRead(3, "n2", "[2]", 100, 102);
        CheckResult result = SetChecker.gSet().check(h.context());
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo("1 acknowledged adds are missing from final reads, e.g. [1]");
        assertThat(result.details().path("set-full-lost-count").asInt()).as("Jepsen's sense: the last read lacks it")
                .isEqualTo(1);
    }

    @Test
    void anIndeterminateAddMayBeMissingButAReadOfANeverAddedElementIsUnexpected() {
        Histories h = new Histories()
                .invoke(0, "add", "1", 0).info(0, "add", "1", 10)
                .finalRead(2, "n1", "[9]", 100, 101);
        CheckResult result = SetChecker.gSet().check(h.context());
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).isEqualTo("1 values were read that were never added");
        assertThat(result.details().path("unexpected").toString()).isEqualTo("[9]");
        assertThat(result.details().path("never-read-count").asInt()).isEqualTo(1);
    }

    @Test
    void withoutAFinalReadTheRunCannotBeJudged() {
        Histories h = new Histories().done(0, "add", "1", "1", 0, 10);
        assertThat(SetChecker.broadcast().check(h.context()).reason()).isEqualTo("no final read succeeded");
    }
}
