package io.stagger.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The conference's sessions without a network: who joins first, what is sent again, the final reads' paging. */
class ConferenceWorkloadTest {
    private static final int NODES = 5;
    private static final int SESSIONS = 5;
    private final ConferenceWorkload workload = new ConferenceWorkload(NODES, SESSIONS);
    private final SplittableRandom random = new SplittableRandom(1);

    private static ObjectNode ok(Request request, String servedBy) {
        return Json.object().put("type", request.f() + "_ok").put("served_by", servedBy);
    }

    private static ObjectNode error(int code) {
        return Json.object().put("type", "error").put("code", code).put("text", "no");
    }

    /** Every session joins (c0 first, so it owns the conference), answered ok by n1. */
    private void joinAll() {
        Request join = workload.next(0, random);
        assertThat(join.f()).isEqualTo("join");
        workload.complete(join, join.node(), ok(join, "n1").put("owner", "c0"));
        for (int slot = 1; slot < SESSIONS; slot++) {
            Request request = workload.next(slot, random);
            assertThat(request.f()).isEqualTo("join");
            workload.complete(request, request.node(), ok(request, "n1").put("owner", "c0"));
        }
    }

    /** The session's next request that changes the state, answering ok any read before it. */
    private Request nextChange(int process) {
        for (int tries = 0; tries < 100; tries++) {
            Request request = workload.next(process, random);
            if (request.body().has("seq")) {
                return request;
            }
            workload.complete(request, request.node(), ok(request, "n1").put("next", 0));
        }
        throw new AssertionError("no request that changes the state in 100");
    }

    @Test
    void theOthersWaitForTheFirstSessionToJoinSoThatItOwnsTheConference() {
        assertThat(workload.next(1, random).f()).isEqualTo("doc_read");
        Request join = workload.next(0, random);
        assertThat(join.f()).isEqualTo("join");
        assertThat(join.body().get("client").asText()).isEqualTo("c0");
        assertThat(join.body().get("seq").asLong()).isEqualTo(1);
        assertThat(join.body().get("conference").asText()).isEqualTo(ConferenceWorkload.CONFERENCE);
        workload.complete(join, join.node(), ok(join, "n1").put("owner", "c0"));
        assertThat(workload.next(1, random).f()).isEqualTo("join");
    }

    @Test
    void aRequestWithoutAnOutcomeIsSentAgainWithItsSeqUnderTheNextProcess() {
        joinAll();
        Request first = nextChange(2);
        Request again = workload.next(2 + SESSIONS, random);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.node()).isNotEqualTo(first.node());
        Completion timeout = workload.complete(again, again.node(), error(0));
        assertThat(timeout.type()).isEqualTo(Op.Type.INFO);
        Request third = workload.next(2 + 2 * SESSIONS, random);
        assertThat(third.body()).isEqualTo(first.body());
        assertThat(third.node()).as("the node answered: it is alive and forwards; stay").isEqualTo(again.node());
        assertThat(workload.complete(third, third.node(), error(11)).type()).isEqualTo(Op.Type.FAIL);
        Request fourth = workload.next(2, random);
        assertThat(fourth.body()).as("unavailable: sent again").isEqualTo(first.body());
        assertThat(fourth.node()).as("a first error 11: stay").isEqualTo(third.node());
        workload.complete(fourth, fourth.node(), error(11));
        Request fifth = workload.next(2, random);
        assertThat(fifth.node()).as("a second error 11 in a row: move on").isNotEqualTo(fourth.node());
        workload.complete(fifth, fifth.node(), error(0));
        workload.complete(workload.next(2 + 3 * SESSIONS, random), fifth.node(), error(0));
        assertThat(workload.next(2 + 4 * SESSIONS, random).node()).as("error 0 again and again: stay").isEqualTo(fifth.node());
    }

    @Test
    void aRefusalIsDefiniteAndTheSessionMovesOnWithTheNextSeq() {
        joinAll();
        Request refused = nextChange(3);
        Completion completion = workload.complete(refused, refused.node(), error(1002));
        assertThat(completion.type()).isEqualTo(Op.Type.FAIL);
        assertThat(completion.value().get("code").asInt()).isEqualTo(1002);
        Request next = nextChange(3);
        assertThat(next.body().get("seq").asLong()).isEqualTo(refused.body().get("seq").asLong() + 1);
    }

    @Test
    void theOwnerNeverGrantsAnOutsider() {
        joinAll();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Request request = workload.next(0, random);
            if (request.body().has("target")) {
                targets.add(request.body().get("target").asText());
            }
            workload.complete(request, request.node(), ok(request, "n1").put("next", 0).put("granted", false));
        }
        assertThat(targets).isNotEmpty().doesNotContain("c0", "c4").contains("c1", "c2", "c3");
    }

    @Test
    void theLatestServerIsTheLikelyMasterUntilItIsKilled() {
        joinAll();
        Request request = nextChange(1);
        workload.complete(request, request.node(), ok(request, "n3"));
        assertThat(workload.likelyMaster()).isEqualTo("n3");
        workload.nodeKilled("n3");
        assertThat(workload.likelyMaster()).isNull();
    }

    @Test
    void theFinalReadPagesUntilNextStopsGrowingAndAFailedPageTriesTheNextNode() {
        List<Request> finals = workload.finalRequests(List.of("n1", "n2"));
        assertThat(finals).extracting(Request::f).containsExactly("read", "doc_read", "read", "doc_read");
        Request read = finals.get(0);
        assertThat(read.body().get("from").asLong()).isZero();
        Request page2 = workload.followUp(read, Completion.ok(value(read, 100)));
        assertThat(page2.body().get("from").asLong()).isEqualTo(100);
        assertThat(page2.node()).isEqualTo("n1");
        Request retry = workload.followUp(page2, Completion.fail("timeout"));
        assertThat(retry.node()).isEqualTo("n2");
        assertThat(retry.body().get("from").asLong()).isEqualTo(100);
        assertThat(workload.followUp(retry, Completion.ok(value(retry, 100)))).as("next stopped growing").isNull();
        Request failing = finals.get(1);
        for (int attempt = 1; attempt < ConferenceWorkload.MAX_FINAL_ATTEMPTS; attempt++) {
            failing = workload.followUp(failing, Completion.fail("timeout"));
        }
        assertThat(workload.followUp(failing, Completion.fail("timeout"))).as("attempts are bounded").isNull();
    }

    private static JsonNode value(Request read, long next) {
        return ((ObjectNode) read.value().deepCopy()).put("next", next);
    }
}
