package io.stagger.check;

import static io.stagger.check.ConferenceCheckerTest.checkBaseWith;
import static io.stagger.check.ConferenceCheckerTest.reply;
import static io.stagger.check.ConferenceCheckerTest.req;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Op;
import org.junit.jupiter.api.Test;

/** The figures the conference checker reports: the document's counts, lost posts, resume and fault-resume times. */
class ConferenceFiguresTest {
    @Test
    void theBaseHistoryIsCountedPartByPart() {
        CheckResult result = checkBaseWith(w -> {});
        JsonNode document = result.details().get("document");
        assertThat(document.get("owner").asText()).isEqualTo("c0");
        assertThat(document.get("write-ok-count").asInt()).isEqualTo(1);
        assertThat(document.get("write-denied-count").asInt()).isZero();
        assertThat(document.get("grant-count").asInt()).isEqualTo(1);
        assertThat(document.get("revoke-count").asInt()).isZero();
        assertThat(document.get("read-ok-count").asInt()).isEqualTo(1);
        assertThat(result.details().get("resume").get("resumed-after-heal").asBoolean()).isTrue();
        assertThat(result.details().get("violation-count").asInt()).isZero();
        assertThat(result.details().get("violations").size()).isZero();
    }

    @Test
    void onlyRefusedWritesCountAsDenied() {
        ObjectNode document = (ObjectNode) checkBaseWith(w -> w
                .call(200, 210, "doc_write", req("c2", 1).put("text", "y"), Op.Type.FAIL, reply().put("code", 1001), false)
                .call(220, 230, "doc_write", req("c2", 2).put("text", "y"), Op.Type.FAIL, reply().put("code", 1002), false)
                .call(240, 250, "doc_write", req("c1", 5).put("text", "y"), Op.Type.FAIL, reply().put("code", 11), false))
                .details().get("document");
        assertThat(document.get("write-denied-count").asInt()).isEqualTo(2);
        assertThat(document.get("write-ok-count").asInt()).isEqualTo(1);
    }

    @Test
    void aLostPostIsCountedAndListed() {
        CheckResult result = checkBaseWith(w -> w
                .ok(200, 210, "post", req("c1", 5).put("text", "c"), reply().put("index", 2)));
        assertThat(result.details().get("posts").get("lost").asInt()).isEqualTo(1);
        assertThat(result.details().get("violation-count").asInt()).isEqualTo(1);
        assertThat(result.details().get("violations").get(0).asText())
                .isEqualTo("post c1#5, acknowledged at index 2, is lost: no final read shows it");
    }

    @Test
    void withoutTheFinalReadsTheConferenceDidNotResume() {
        JsonNode resume = checkBaseWith(ConferenceCheckerTest.Written::unfinished).details().get("resume");
        assertThat(resume.get("resumed-after-heal").asBoolean()).isFalse();
    }

    @Test
    void aFailoverAfterAKillIsTimedFromTheKill() {
        JsonNode resume = checkBaseWith(w -> w
                .nemesis(175, "kill")
                .moveTo("n2")
                .ok(400, 500, "post", req("c0", 6).put("text", "c"), reply().put("index", 2))
                .finish("c0#2", "c1#2", "c0#6")).details().get("resume");
        assertThat(resume.get("failovers").get(0).asText())
                .isEqualTo("n1 -> n2 at 0.500 s: 325.0 ms after kill at 0.175 s");
    }

    @Test
    void aFailoverWithNoFaultSinceTheOldMastersLastOkIsTimedFromThatOk() {
        JsonNode resume = checkBaseWith(w -> w
                .moveTo("n2")
                .ok(400, 500, "post", req("c0", 6).put("text", "c"), reply().put("index", 2))
                .finish("c0#2", "c1#2", "c0#6")).details().get("resume");
        assertThat(resume.get("failovers").get(0).asText())
                .isEqualTo("n1 -> n2 at 0.500 s: 330.0 ms after n1's last ok");
        assertThat(resume.get("resume-ms").get("max").asDouble()).isEqualTo(330.0);
    }

    @Test
    void eachFaultIsTimedToTheFirstSuccessInvokedAfterIt() {
        JsonNode resume = checkBaseWith(w -> w
                .nemesis(175, "pause")
                .call(180, 190, "post", req("c1", 5).put("text", "c"), Op.Type.FAIL, reply().put("code", 11), false)
                .ok(400, 500, "post", req("c0", 6).put("text", "c"), reply().put("index", 2))
                .ok(450, 460, "doc_read", req("c1", 6), reply().put("text", "x").put("version", 1))
                .finish("c0#2", "c1#2", "c0#6")
                .nemesis(2000, "start-partition")).details().get("resume");
        assertThat(resume.get("fault-resume-ms").get("count").asInt()).isEqualTo(1);
        assertThat(resume.get("fault-resume-ms").get("max").asDouble()).isEqualTo(285.0);
        assertThat(resume.get("faults").get(0).asText()).isEqualTo("pause [\"n1\"] at 0.175 s: 285.0 ms");
        assertThat(resume.get("faults").get(1).asText())
                .isEqualTo("start-partition [\"n1\"] at 2.000 s: no operation succeeded after it");
    }
}
