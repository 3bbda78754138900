package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Violations: every one counted, only the first MAX_LISTED kept in words. */
class ViolationsTest {
    @Test
    void noneFound() {
        Violations violations = new Violations();
        assertThat(violations.any()).isFalse();
        assertThat(violations.count()).isZero();
        assertThat(violations.first()).isNull();
        assertThat(violations.toJson()).isEmpty();
    }

    @Test
    void countsAllButListsOnlyTheFirstTwenty() {
        Violations violations = new Violations();
        for (int i = 0; i < Violations.MAX_LISTED + 5; i++) {
            violations.add("violation " + i);
        }
        assertThat(violations.any()).isTrue();
        assertThat(violations.count()).isEqualTo(25);
        assertThat(violations.first()).isEqualTo("violation 0");
        assertThat(violations.toJson()).hasSize(20);
        assertThat(violations.toJson().get(19).asText()).isEqualTo("violation 19");
    }
}
