package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Maelstrom's kafka anomalies on written-out histories, one case each, each naming the operations that show it. */
class KafkaCheckerTest {
    private static Histories send(Histories h, int process, String key, long msg, long offset, long ms) {
        return h.done(process, "send", "{\"key\":\"" + key + "\",\"msg\":" + msg + "}",
                "{\"key\":\"" + key + "\",\"msg\":" + msg + ",\"offset\":" + offset + "}", ms, ms + 1);
    }

    private static Histories poll(Histories h, int process, String msgs, long ms) {
        return h.done(process, "poll", "{\"offsets\":{}}", "{\"offsets\":{},\"msgs\":" + msgs + "}", ms, ms + 1);
    }

    private static Histories finalPoll(Histories h, String msgs) {
        return h.finalOp(9, "poll", "{\"offsets\":{}}", "{\"offsets\":{},\"msgs\":" + msgs + "}", 900, 901);
    }

    private static CheckResult check(Histories h) {
        return new KafkaChecker().check(h.context());
    }

    /** Three messages on key k at offsets 0, 1, 2. */
    private static Histories threeSends() {
        Histories h = new Histories();
        send(h, 0, "k", 10, 0, 0);
        send(h, 0, "k", 11, 1, 2);
        return send(h, 0, "k", 12, 2, 4);
    }

    private static int count(CheckResult result, String anomaly) {
        return result.details().path("anomaly-counts").path(anomaly).asInt();
    }

    @Test
    void pollsThatSeeEverythingInOrderAreValid() {
        Histories h = threeSends();
        poll(h, 1, "{\"k\":[[0,10],[1,11]]}", 10);
        poll(h, 1, "{\"k\":[[2,12]]}", 12);
        CheckResult result = check(finalPoll(h, "{\"k\":[[0,10],[1,11],[2,12]]}"));
        assertThat(result.valid()).as(result.reason()).isTrue();
    }

    @Test
    void aMessageBelowThePolledReachThatNobodyPolledIsALostWrite() {
        Histories h = threeSends();
        poll(h, 1, "{\"k\":[[0,10],[2,12]]}", 10);
        CheckResult result = check(finalPoll(h, "{\"k\":[[0,10],[2,12]]}"));
        assertThat(result.valid()).isFalse();
        assertThat(count(result, "lost-write")).isEqualTo(1);
        assertThat(result.reason()).startsWith("kafka anomalies: lost-write 1");
        assertThat(result.details().path("anomalies").path("lost-write").get(0).path("msg").asText()).isEqualTo("11");
        assertThat(result.details().path("anomalies").path("lost-write").get(0).path("ops").size()).isEqualTo(2);
    }

    @Test
    void anAcknowledgedMessageThatNoPollShowedIsUnobserved() {
        Histories h = threeSends();
        CheckResult result = check(finalPoll(h, "{\"k\":[[0,10],[1,11]]}"));
        assertThat(count(result, "unobserved")).isEqualTo(1);
        assertThat(count(result, "lost-write")).isZero();
    }

    @Test
    void twoMessagesAtOneOffsetAndOneMessageAtTwoOffsets() {
        Histories h = new Histories();
        send(h, 0, "k", 10, 0, 0);
        send(h, 1, "k", 11, 0, 2);
        send(h, 2, "k", 12, 1, 4);
        CheckResult result = check(finalPoll(h, "{\"k\":[[0,10],[1,12],[2,12]]}"));
        assertThat(count(result, "inconsistent-offsets")).isEqualTo(1);
        assertThat(count(result, "duplicate")).isEqualTo(1);
        assertThat(result.details().path("anomalies").path("duplicate").get(0).path("offsets").toString())
                .isEqualTo("[1,2]");
    }

    @Test
    void offsetsGoingBackOrJumpingWithinAPollAndBetweenAProcesssPolls() {
        Histories h = threeSends();
        poll(h, 1, "{\"k\":[[1,11],[0,10]]}", 10);
        poll(h, 1, "{\"k\":[[0,10]]}", 12);
        poll(h, 2, "{\"k\":[[0,10],[2,12]]}", 14);
        CheckResult result = check(finalPoll(h, "{\"k\":[[0,10],[1,11],[2,12]]}"));
        assertThat(count(result, "int-poll-nonmonotonic")).isEqualTo(1);
        assertThat(count(result, "ext-poll-nonmonotonic")).as("process 1 went from 0 back to 0").isEqualTo(1);
        assertThat(count(result, "int-poll-skip")).isEqualTo(1);
        assertThat(result.details().path("anomalies").path("int-poll-skip").get(0).path("skipped-offsets").toString())
                .isEqualTo("[1]");
    }

    @Test
    void anAssignFromTheBeginningStartsAProcessAfresh() {
        Histories h = threeSends();
        poll(h, 1, "{\"k\":[[0,10],[1,11],[2,12]]}", 10);
        h.done(1, "assign", "{\"keys\":[\"k\"],\"seek-to-beginning\":true}",
                "{\"keys\":[\"k\"],\"seek-to-beginning\":true,\"offsets\":{}}", 20, 21);
        poll(h, 1, "{\"k\":[[0,10]]}", 30);
        CheckResult result = check(finalPoll(h, "{\"k\":[[0,10],[1,11],[2,12]]}"));
        assertThat(result.valid()).as(result.reason()).isTrue();
    }

    @Test
    void aProcesssSendsWhoseOffsetsGoBack() {
        Histories h = new Histories();
        send(h, 0, "k", 10, 1, 0);
        send(h, 0, "k", 11, 0, 2);
        CheckResult result = check(finalPoll(h, "{\"k\":[[0,11],[1,10]]}"));
        assertThat(count(result, "send-nonmonotonic")).isEqualTo(1);
    }

    @Test
    void aCommittedOffsetListedLowerThanAnAcknowledgedCommitGoesBackwards() {
        Histories h = threeSends();
        h.done(1, "commit_offsets", "{\"offsets\":{\"k\":2}}", "{\"offsets\":{\"k\":2}}", 10, 11);
        h.done(2, "assign", "{\"keys\":[\"k\"]}", "{\"keys\":[\"k\"],\"offsets\":{\"k\":1}}", 20, 21);
        CheckResult result = check(finalPoll(h, "{\"k\":[[0,10],[1,11],[2,12]]}"));
        assertThat(count(result, "committed-offset-backwards")).isEqualTo(1);
        assertThat(result.details().path("anomalies").path("committed-offset-backwards").get(0).path("committed")
                .asLong()).isEqualTo(2);
    }

    @Test
    void withoutAFinalPollTheRunCannotBeJudged() {
        assertThat(check(threeSends()).reason()).isEqualTo("no final poll succeeded");
    }
}
