package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rounds of final probes (ElectionWorkload.FINAL_ROUNDS): one round that catches a spurious detection does not make
 * a converged group invalid; a group that agrees in one round only, or on two masters, is invalid.
 */
class ElectionFinalRoundsTest {
    private static ElectionHistory converging() {
        return new ElectionHistory().allAgreeOn(100, "n1", ElectionHistory.NODES);
    }

    @Test
    void oneRoundThatCaughtASpuriousDetectionIsOutvoted() {
        CheckResult result = converging()
                .finalRound(1, 1000, "n1 MASTER", "n1 BACKUP", "n1 BACKUP")
                .finalRound(2, 1300, "n1 MASTER", "null WAITING", "n1 BACKUP")
                .finalRound(3, 1600, "n1 MASTER", "n1 BACKUP", "n1 BACKUP")
                .check(-1);
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.details().path("master").asText()).isEqualTo("n1");
        assertThat(result.details().path("final-rounds").get(1).path("agree").asBoolean()).isFalse();
    }

    @Test
    void agreementInOneRoundOfThreeIsNotConvergence() {
        CheckResult result = converging()
                .finalRound(1, 1000, "n1 MASTER", "null WAITING", "n1 BACKUP")
                .finalRound(2, 1300, "n1 MASTER", "n1 BACKUP", "n1 BACKUP")
                .finalRound(3, 1600, "n1 MASTER", "n2 BACKUP", "n1 BACKUP")
                .check(-1);
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).startsWith("the live nodes agree in 1 of 3 final rounds: "
                + "the live nodes do not agree on one master after the final recovery");
    }

    @Test
    void roundsThatAgreeOnDifferentMastersAreNotConvergence() {
        CheckResult result = converging()
                .finalRound(1, 1000, "n1 MASTER", "n1 BACKUP", "n1 BACKUP")
                .finalRound(2, 1300, "n1 MASTER", "n1 BACKUP", "n1 BACKUP")
                .finalRound(3, 1600, "n2 BACKUP", "n2 MASTER", "n2 BACKUP")
                .check(-1);
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("agree on different masters");
    }
}
