package io.stagger.check;

import static io.stagger.check.ElectionHistory.NODES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The election checker on written-out histories: failover times, overlaps, and the convergence verdict. */
class ElectionCheckerTest {
    private final ElectionHistory history = new ElectionHistory();

    @Test
    void reportsHowLongTheNewMasterTookToRegisterWithTheNameServer() {
        history.allAgreeOn(100, "n1", NODES)
                .registered(120, "n1")
                .nemesis(200, "kill", "n1")
                .answer(300, "n2", null, "WAITING", false)
                .answer(300, "n3", null, "WAITING", false)
                .allAgreeOn(650, "n2", List.of("n2", "n3"))
                .registered(700, "n2")
                .allAgreeOn(2000, "n2", List.of("n2", "n3"))
                .finalFrom(2000);
        CheckResult result = history.check(-1);
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.details().get("registration-count").asInt()).isEqualTo(2);
        assertThat(result.details().get("registration-lag-ms").get("max").asDouble()).isEqualTo(50.0);
        assertThat(result.details().get("registrations").get("0.200").asText())
                .isEqualTo("n2 registered 50.0 ms after all live nodes agreed (500.0 ms after the kill)");
    }

    @Test
    void measuresAFailoverFromTheKillToAgreement() {
        history.allAgreeOn(100, "n1", NODES)
                .nemesis(200, "kill", "n1")
                .answer(300, "n2", null, "WAITING", false)
                .answer(300, "n3", null, "WAITING", false)
                .allAgreeOn(650, "n2", List.of("n2", "n3"))
                .nemesis(700, "restart", "n1")
                .answer(800, "n1", "n2", "BACKUP", false)
                .allAgreeOn(900, "n2", NODES)
                .allAgreeOn(2000, "n2", NODES)
                .finalFrom(2000);
        CheckResult result = history.check(-1);
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.details().get("failover-count").asInt()).isEqualTo(1);
        assertThat(result.details().get("unresolved-failover-count").asInt()).isZero();
        assertThat(result.details().get("failover-ms").get("max").asDouble()).isEqualTo(450.0);
        assertThat(result.details().get("failovers").get("0.200").asText())
                .isEqualTo("master n1 killed; all live nodes agreed on a new master after 450.0 ms");
        assertThat(result.details().get("no-master-ms").asDouble()).isEqualTo(450.0);
        // The restarted n1 is unknown until it answers, not the MASTER it was when killed.
        assertThat(result.details().get("dual-master-ms").asDouble()).isZero();
        assertThat(result.details().get("master").asText()).isEqualTo("n2");
        assertThat(result.details().get("final-views").toString())
                .isEqualTo("{\"n1\":\"n2 (BACKUP)\",\"n2\":\"n2 (MASTER)\",\"n3\":\"n2 (BACKUP)\"}");
    }

    @Test
    void twoMastersAfterRecoveryAreInvalid() {
        history.allAgreeOn(100, "n1", NODES)
                .answer(1000, "n1", "n1", "MASTER", true)
                .answer(1000, "n2", "n2", "MASTER", true)
                .answer(1000, "n3", "n1", "BACKUP", true);
        CheckResult result = history.check(-1);
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("do not agree on one master");
    }

    @Test
    void overlappingMastersAreReportedAndInvalidOnlyBeyondTheConfiguredBound() {
        history.allAgreeOn(100, "n1", NODES)
                .answer(200, "n2", "n2", "MASTER", false)
                .answer(500, "n2", "n1", "BACKUP", false)
                .allAgreeOn(600, "n1", NODES)
                .finalFrom(600);
        assertThat(history.check(-1).valid()).isTrue();
        assertThat(history.check(-1).details().get("dual-master-ms").asDouble()).isEqualTo(300.0);
        assertThat(history.check(300).valid()).as("exactly the bound is allowed").isTrue();
        CheckResult bounded = history.check(100);
        assertThat(bounded.valid()).isFalse();
        assertThat(bounded.reason()).isEqualTo("two MASTERs coexisted for 300.0 ms, more than the allowed 100.0 ms");
        assertThat(history.check(0).valid()).as("a bound of 0 allows no overlap").isFalse();
    }
}
