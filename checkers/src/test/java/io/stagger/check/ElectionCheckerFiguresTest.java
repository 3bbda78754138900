package io.stagger.check;

import static io.stagger.check.ElectionHistory.NODES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures the election checker measures during the main phase: time with no MASTER or with two, the longest
 * overlap, and which kills count as failovers.
 */
class ElectionCheckerFiguresTest {
    private static final List<String> SURVIVORS = List.of("n2", "n3");
    private final ElectionHistory history = new ElectionHistory();

    private ObjectNode validDetails() {
        CheckResult result = history.check(-1);
        assertThat(result.valid()).as(result.reason()).isTrue();
        return result.details();
    }

    /** n1, the master, is killed at 200 ms; n2 and n3 wait at 300 ms. */
    private ElectionHistory masterKilled() {
        return history.allAgreeOn(100, "n1", NODES)
                .nemesis(200, "kill", "n1")
                .answer(300, "n2", null, "WAITING", false)
                .answer(300, "n3", null, "WAITING", false);
    }

    /** The survivors n2 and n3 agree on n2 at 2 s, in the final phase: the run is valid; its figures. */
    private ObjectNode detailsOnceSurvivorsFinallyAgree() {
        history.allAgreeOn(2000, "n2", SURVIVORS).finalFrom(2000);
        return validDetails();
    }

    @Test
    void overlapsAreSummedAndTheLongestIsKeptFromTheFirstMomentAllNodesAnswered() {
        // Two MASTERs from 0 to 300 ms (probed in between) and from 500 to 600 ms; then one MASTER until 1000 ms, with a
        // nemesis event in between that starts no overlap.
        history.answer(0, "n1", "n1", "MASTER", false)
                .answer(0, "n2", "n2", "MASTER", false)
                .answer(0, "n3", "n1", "BACKUP", false)
                .answer(150, "n3", "n1", "BACKUP", false)
                .answer(300, "n2", "n1", "BACKUP", false)
                .answer(500, "n3", "n3", "MASTER", false)
                .answer(600, "n3", "n1", "BACKUP", false)
                .nemesis(650, "start-partition", "n3")
                .answer(1000, "n1", "n1", "MASTER", false)
                .finallyAgreeOn(1500, "n1");
        ObjectNode details = validDetails();
        assertThat(details.get("dual-master-ms").asDouble()).isEqualTo(400.0);
        assertThat(details.get("longest-dual-master-ms").asDouble()).isEqualTo(300.0);
        assertThat(details.get("no-master-ms").asDouble()).isZero();
        assertThat(details.get("failover-count").asInt()).isZero();
    }

    @Test
    void aRestartedNodeThatStillClaimsMasterOverlapsTheNewMaster() {
        masterKilled().allAgreeOn(650, "n2", SURVIVORS)
                .nemesis(700, "restart", "n1")
                .answer(800, "n1", "n1", "MASTER", false)
                .answer(900, "n1", "n2", "BACKUP", false)
                .finallyAgreeOn(2000, "n2");
        ObjectNode details = validDetails();
        assertThat(details.get("dual-master-ms").asDouble()).isEqualTo(100.0);
        assertThat(details.get("longest-dual-master-ms").asDouble()).isEqualTo(100.0);
    }

    @Test
    void aNodeWhoseRequestTimedOutIsUnknownNotMasterless() {
        masterKilled().timedOut(350, 400, "n3", false)
                .answer(500, "n3", null, "WAITING", false)
                .allAgreeOn(650, "n2", SURVIVORS);
        ObjectNode details = detailsOnceSurvivorsFinallyAgree();
        // 200..400 and 500..650: n3's view is unknown from its time-out at 400 (not from its request at 350) until it
        // answers at 500.
        assertThat(details.get("no-master-ms").asDouble()).isEqualTo(350.0);
        assertThat(details.get("failover-ms").get("max").asDouble()).isEqualTo(450.0);
    }

    @Test
    void theKilledMasterIsTheOneMostNodesNamedWhenTheyDisagree() {
        history.allAgreeOn(100, "n1", NODES)
                .answer(150, "n3", null, "WAITING", false)
                .nemesis(200, "kill", "n1")
                .answer(300, "n2", null, "WAITING", false)
                .allAgreeOn(650, "n2", SURVIVORS);
        ObjectNode details = detailsOnceSurvivorsFinallyAgree();
        assertThat(details.get("failover-count").asInt()).isEqualTo(1);
        assertThat(details.get("failover-ms").get("max").asDouble()).isEqualTo(450.0);
    }

    @Test
    void aFailoverWithNoAgreementBeforeTheFinalPhaseIsUnresolved() {
        masterKilled().answer(400, "n2", null, "WAITING", false);
        ObjectNode details = detailsOnceSurvivorsFinallyAgree();
        assertThat(details.get("failover-count").asInt()).isEqualTo(1);
        assertThat(details.get("unresolved-failover-count").asInt()).isEqualTo(1);
        assertThat(details.get("failover-ms").get("count").asInt()).isZero();
        assertThat(details.get("failovers").get("0.200").asText())
                .isEqualTo("master n1 killed; no agreement observed before the main phase ended");
        assertThat(details.get("registrations").size()).isZero();
    }

    @Test
    void aKillAfterTheLastProbeIsOutsideTheFigures() {
        history.allAgreeOn(100, "n1", NODES)
                .allAgreeOn(400, "n1", NODES)
                .nemesis(500, "kill", "n1");
        ObjectNode details = detailsOnceSurvivorsFinallyAgree();
        assertThat(details.get("failover-count").asInt()).isZero();
        assertThat(details.get("no-master-ms").asDouble()).isZero();
    }
}
