package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Maelstrom's pn-counter bounds on written-out histories: acknowledged adds plus any subset of indeterminate ones. */
class PnCounterCheckerTest {
    /** Acknowledged +5 and -2 (definite 3); +4 indeterminate; -1 failed: acceptable finals are 3 and 7 only. */
    private static Histories adds() {
        return new Histories()
                .done(0, "add", "5", "5", 0, 10)
                .done(0, "add", "-2", "-2", 11, 20)
                .invoke(1, "add", "4", 12).info(1, "add", "4", 30)
                .invoke(2, "add", "-1", 13).fail(2, "add", "-1", 31);
    }

    @Test
    void aFinalReadOfTheAcknowledgedSumOrThatPlusAnIndeterminateAddIsValid() {
        CheckResult result = new PnCounterChecker().check(adds()
                .finalRead(3, "n1", "3", 100, 101).finalRead(4, "n2", "7", 100, 101).context());
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.details().path("acceptable").toString()).isEqualTo("[[3,3],[7,7]]");
    }

    @Test
    void aFinalReadBetweenTheRangesOrCountingAFailedAddIsInvalid() {
        CheckResult between = new PnCounterChecker().check(adds().finalRead(3, "n1", "5", 100, 101).context());
        assertThat(between.valid()).isFalse();
        assertThat(between.reason()).startsWith("n1 read 5 finally, not the sum of the acknowledged adds (3)");
        CheckResult failedCounted = new PnCounterChecker().check(adds().finalRead(3, "n1", "2", 100, 101).context());
        assertThat(failedCounted.valid()).isFalse();
    }

    @Test
    void readsDuringTheRunAreReportedAgainstTheirOwnBoundsWithoutChangingTheVerdict() {
        Histories h = adds()
                .done(5, "read", "null", "5", 11, 12)
                .done(5, "read", "null", "9", 40, 41)
                .finalRead(3, "n1", "7", 100, 101);
        CheckResult result = new PnCounterChecker().check(h.context());
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.details().path("read-count").asInt()).isEqualTo(2);
        assertThat(result.details().path("out-of-bounds-read-count").asInt()).as("9 > 3 + 4").isEqualTo(1);
        assertThat(result.details().path("out-of-bounds-reads").get(0).path("upper").asLong()).isEqualTo(7);
    }

    @Test
    void rangesMergeWhenTheyTouch() {
        CounterBounds bounds = new CounterBounds(0);
        bounds.maybe(1);
        bounds.maybe(1);
        bounds.maybe(-3);
        assertThat(bounds.ranges()).containsExactly(new CounterBounds.Range(-3, 2));
    }
}
