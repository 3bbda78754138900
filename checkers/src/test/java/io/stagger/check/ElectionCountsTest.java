package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Elections and revocations from the counters in master_ok: an election with no fault in the window before it is
 * spurious (a restart is not a fault); a failover's declarations and revocation rounds are those around it.
 */
class ElectionCountsTest {
    private final ElectionHistory history = new ElectionHistory();

    private ObjectNode details() {
        CheckResult result = history.check(-1);
        assertThat(result.valid()).as(result.reason()).isTrue();
        return result.details();
    }

    @Test
    void anElectionWithNoFaultBeforeItIsSpurious() {
        // n2 took the mastership early in the run (the group started unevenly), n1 revoked it; no fault at all.
        history.counted(100, "n1", "n1", "MASTER", 0, 1)
                .counted(100, "n2", "n1", "BACKUP", 1, 0)
                .counted(100, "n3", "n1", "BACKUP", 0, 0)
                .finallyAgreeOn(3000, "n1");
        ObjectNode details = details();
        assertThat(details.get("election-count").asInt()).isEqualTo(1);
        assertThat(details.get("spurious-election-count").asInt()).isEqualTo(1);
        assertThat(details.get("spurious-elections").get(0).asText()).startsWith("n2 between 0.000 s and 0.100 s");
        assertThat(details.get("revocation-count").asInt()).isEqualTo(1);
        assertThat(details.get("first-agreement-ms").asDouble()).isEqualTo(100.0);
    }

    @Test
    void anElectionAfterAKillOfTheMasterIsAFailoversDeclaration() {
        history.counted(100, "n1", "n1", "MASTER", 0, 0)
                .counted(100, "n2", "n1", "BACKUP", 0, 0)
                .counted(100, "n3", "n1", "BACKUP", 0, 0)
                .nemesis(2000, "kill", "n1")
                .counted(2300, "n2", "n2", "MASTER", 1, 1)
                .counted(2300, "n3", "n2", "BACKUP", 1, 0)
                .finallyAgreeOn(3000, "n2");
        ObjectNode details = details();
        assertThat(details.get("failover-count").asInt()).isEqualTo(1);
        assertThat(details.get("election-count").asInt()).isEqualTo(2);
        assertThat(details.get("spurious-election-count").asInt()).isZero();
        assertThat(details.get("declarations-per-failover").asDouble()).isEqualTo(2.0);
        assertThat(details.get("max-revocations-in-a-failover").asInt()).isEqualTo(1);
    }

    @Test
    void aRestartDoesNotExcuseAnElectionButAKilledNodeCountsAgainFromZero() {
        history.counted(100, "n1", "n1", "MASTER", 0, 0)
                .counted(100, "n2", "n1", "BACKUP", 0, 0)
                .counted(100, "n3", "n1", "BACKUP", 0, 0)
                .nemesis(2000, "kill", "n3")
                .nemesis(5000, "restart", "n3")
                .counted(5500, "n3", "n3", "MASTER", 1, 0)
                .counted(5600, "n3", "n1", "BACKUP", 1, 0)
                .finallyAgreeOn(8000, "n1");
        ObjectNode details = details();
        assertThat(details.get("election-count").asInt()).isEqualTo(1);
        assertThat(details.get("spurious-election-count").asInt()).isEqualTo(1);
        assertThat(new ElectionCounts(List.of()).counted()).isFalse();
    }

    @Test
    void nodesThatReportNoCountersAreNotCounted() {
        history.allAgreeOn(100, "n1", ElectionHistory.NODES).finallyAgreeOn(1000, "n1");
        ObjectNode details = details();
        assertThat(details.get("elections-counted").asBoolean()).isFalse();
        assertThat(details.get("election-count").asInt()).isZero();
    }
}
