package io.stagger.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.json.ConferenceCodec;
import io.stagger.service.ConferenceOp.Kind;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conference's requests on a state (docs/CONFERENCE.md): each rule, and sessions that apply a retry once. */
class ConferenceOpTest {
    private final Map<String, Object> state = new HashMap<>();
    private final Map<String, Long> seqs = new HashMap<>();

    private KvResult apply(Kind kind, String client, String text, String target, long from) {
        long seq = kind.changesState() ? seqs.merge(client, 1L, Long::sum) : 0;
        return new ConferenceOp(kind, "main", client, seq, text, target, from).applyTo(state);
    }

    private KvResult apply(Kind kind, String client) {
        return apply(kind, client, null, null, 0);
    }

    private static JsonNode ok(KvResult result) {
        assertThat(result).isInstanceOf(KvResult.Fields.class);
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        ConferenceCodec.encodeReply(((KvResult.Fields) result).reply(), fields); // the reply's fields, as sent
        return fields;
    }

    private static void refused(KvResult result, int code) {
        assertThat(result).isInstanceOf(KvResult.Refused.class);
        assertThat(((KvResult.Refused) result).code()).isEqualTo(code);
    }

    private KvResult post(String client, String text) {
        return apply(Kind.POST, client, text, null, 0);
    }

    @Test
    void theFirstToJoinOwnsTheConference() {
        assertThat(ok(apply(Kind.JOIN, "a")).path("owner").asText()).isEqualTo("a");
        JsonNode second = ok(apply(Kind.JOIN, "b"));
        assertThat(second.path("owner").asText()).isEqualTo("a");
        assertThat(second.path("members").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(ok(apply(Kind.JOIN, "b")).path("members").size()).as("joining twice changes nothing").isEqualTo(2);
    }

    @Test
    void postsTakeConsecutivePositionsAndOnlyMembersPost() {
        refused(post("a", "before joining"), ConferenceOp.NOT_A_MEMBER);
        apply(Kind.JOIN, "a");
        apply(Kind.JOIN, "b");
        assertThat(ok(post("a", "one")).path("index").asLong()).isEqualTo(0);
        assertThat(ok(post("b", "two")).path("index").asLong()).isEqualTo(1);
        JsonNode read = ok(apply(Kind.READ, "c", null, null, 0));
        assertThat(read.path("next").asLong()).isEqualTo(2);
        assertThat(read.path("messages").get(0).path("text").asText()).as("each post under its own key")
                .isEqualTo("one");
        assertThat(read.path("messages").get(1).path("text").asText()).isEqualTo("two");
        assertThat(read.path("messages").get(1).path("client").asText()).isEqualTo("b");
        assertThat(ok(apply(Kind.READ, "c", null, null, 1)).path("messages").size()).isEqualTo(1);
        apply(Kind.LEAVE, "b");
        refused(post("b", "after leaving"), ConferenceOp.NOT_A_MEMBER);
    }

    @Test
    void leavingAndReleasingTheFloorNeedMembership() {
        apply(Kind.JOIN, "a");
        KvResult notAMember =
                new KvResult.Refused(ConferenceOp.NOT_A_MEMBER, "client z is not a member of conference main");
        assertThat(apply(Kind.LEAVE, "z")).isEqualTo(notAMember);
        assertThat(apply(Kind.FLOOR_RELEASE, "z")).isEqualTo(notAMember);
        assertThat(ok(apply(Kind.JOIN, "a")).path("members").toString()).isEqualTo("[\"a\"]");
    }

    @Test
    void aReadReturnsAtMostItsLimitAndSaysWhereToGoOn() {
        apply(Kind.JOIN, "a");
        for (int i = 0; i < ConferenceOp.READ_LIMIT + 5; i++) {
            post("a", "post " + i);
        }
        JsonNode first = ok(apply(Kind.READ, "a", null, null, 0));
        assertThat(first.path("messages").size()).isEqualTo(ConferenceOp.READ_LIMIT);
        JsonNode rest = ok(apply(Kind.READ, "a", null, null, first.path("next").asLong()));
        assertThat(rest.path("messages").size()).isEqualTo(5);
        assertThat(rest.path("messages").get(0).path("index").asLong()).isEqualTo(ConferenceOp.READ_LIMIT);
        assertThat(ok(apply(Kind.READ, "a", null, null, 500)).path("messages").size()).isZero();
    }

    @Test
    void aFullConferenceRefusesPosts() {
        apply(Kind.JOIN, "a");
        for (int i = 0; i < ConferenceOp.MAX_POSTS; i++) {
            ok(post("a", "p"));
        }
        refused(post("a", "one too many"), ConferenceOp.CONFERENCE_FULL);
    }

    @Test
    void onlyTheOwnerAndTheGrantedWriteTheDocumentAndOnlyTheOwnerGrants() {
        apply(Kind.JOIN, "owner");
        apply(Kind.JOIN, "b");
        refused(apply(Kind.DOC_WRITE, "b", "b's text", null, 0), ConferenceOp.ACCESS_DENIED);
        refused(apply(Kind.GRANT, "b", null, "b", 0), ConferenceOp.ACCESS_DENIED);
        assertThat(ok(apply(Kind.DOC_WRITE, "owner", "v1", null, 0)).path("version").asLong()).isEqualTo(1);
        ok(apply(Kind.GRANT, "owner", null, "b", 0));
        assertThat(ok(apply(Kind.DOC_WRITE, "b", "v2", null, 0)).path("version").asLong()).isEqualTo(2);
        ok(apply(Kind.REVOKE_ACCESS, "owner", null, "b", 0));
        refused(apply(Kind.DOC_WRITE, "b", "v3", null, 0), ConferenceOp.ACCESS_DENIED);
        JsonNode doc = ok(apply(Kind.DOC_READ, "anyone"));
        assertThat(doc.path("text").asText()).isEqualTo("v2");
        assertThat(doc.path("version").asLong()).isEqualTo(2);
        ok(apply(Kind.REVOKE_ACCESS, "owner", null, "owner", 0));
        ok(apply(Kind.DOC_WRITE, "owner", "v3", null, 0)); // the owner always has access
    }

    @Test
    void theFloorHasOneHolderAndPassesOnlyByReleaseOrLeave() {
        apply(Kind.JOIN, "a");
        apply(Kind.JOIN, "b");
        JsonNode granted = ok(apply(Kind.FLOOR_REQUEST, "a"));
        assertThat(granted.path("granted").asBoolean()).isTrue();
        assertThat(granted.path("term").asLong()).isEqualTo(1);
        JsonNode denied = ok(apply(Kind.FLOOR_REQUEST, "b"));
        assertThat(denied.path("granted").asBoolean()).isFalse();
        assertThat(denied.path("holder").asText()).isEqualTo("a");
        assertThat(ok(apply(Kind.FLOOR_REQUEST, "a")).path("term").asLong()).as("asking again keeps the term").isEqualTo(1);
        assertThat(ok(apply(Kind.FLOOR_RELEASE, "b")).path("released").asBoolean()).isFalse();
        assertThat(ok(apply(Kind.FLOOR_RELEASE, "a")).path("released").asBoolean()).isTrue();
        assertThat(ok(apply(Kind.FLOOR_REQUEST, "b")).path("term").asLong()).isEqualTo(2);
        apply(Kind.LEAVE, "b");
        JsonNode afterLeave = ok(apply(Kind.FLOOR_REQUEST, "a"));
        assertThat(afterLeave.path("granted").asBoolean()).as("leaving releases the floor").isTrue();
        assertThat(afterLeave.path("term").asLong()).isEqualTo(3);
        refused(apply(Kind.FLOOR_REQUEST, "b"), ConferenceOp.NOT_A_MEMBER);
    }

    @Test
    void aRetryIsAnsweredFromTheSessionAndNotAppliedAgain() {
        new ConferenceOp(Kind.JOIN, "main", "a", 1, null, null, 0).applyTo(state);
        ConferenceOp post = new ConferenceOp(Kind.POST, "main", "a", 2, "once", null, 0);
        KvResult first = post.applyTo(state);
        KvResult retry = post.applyTo(state);
        assertThat(retry).isEqualTo(first);
        assertThat(ok(apply(Kind.READ, "a", null, null, 0)).path("messages").size()).isEqualTo(1);
        // a refusal is remembered too: the retry of a refused write is refused, even once access was granted
        ConferenceOp write = new ConferenceOp(Kind.DOC_WRITE, "main", "b", 1, "no", null, 0);
        refused(write.applyTo(state), ConferenceOp.ACCESS_DENIED);
        new ConferenceOp(Kind.GRANT, "main", "a", 3, null, "b", 0).applyTo(state);
        refused(write.applyTo(state), ConferenceOp.ACCESS_DENIED);
        refused(new ConferenceOp(Kind.POST, "main", "a", 1, "old", null, 0).applyTo(state), ConferenceOp.STALE_SEQUENCE);
        assertThat(ok(new ConferenceOp(Kind.POST, "main", "a", 7, "gap", null, 0).applyTo(state)).path("index").asLong())
                .as("a later seq after a gap is applied").isEqualTo(1);
    }

    @Test
    void namesCannotMakeKeysMeet() {
        new ConferenceOp(Kind.JOIN, "a\" 0", "x", 1, null, null, 0).applyTo(state);
        new ConferenceOp(Kind.JOIN, "a", "y", 1, null, null, 0).applyTo(state);
        new ConferenceOp(Kind.POST, "a", "y", 2, "in a", null, 0).applyTo(state);
        JsonNode other = ok(new ConferenceOp(Kind.READ, "a\" 0", "x", 0, null, null, 0).applyTo(state));
        assertThat(other.path("messages").size()).isZero();
        assertThat(state.keySet()).allSatisfy(key -> assertThat(key).doesNotStartWith("\""));
    }

    @Test
    void malformedRequestsAreRefusedBeforeAnyEffect() {
        assertThatThrownBy(() -> new ConferenceOp(Kind.POST, "main", "a", 0, "x", null, 0))
                .hasMessageContaining("seq");
        assertThatThrownBy(() -> new ConferenceOp(Kind.POST, "main", "a", 1, null, null, 0))
                .hasMessageContaining("text");
        assertThatThrownBy(() -> new ConferenceOp(Kind.GRANT, "main", "a", 1, null, null, 0))
                .hasMessageContaining("target");
        assertThatThrownBy(() -> new ConferenceOp(Kind.READ, "main", "a", 0, null, null, -1))
                .hasMessageContaining("from");
        assertThatThrownBy(() -> new ConferenceOp(Kind.JOIN, null, "a", 1, null, null, 0))
                .hasMessageContaining("conference");
        assertThat(Kind.ofType("doc_write")).isEqualTo(Kind.DOC_WRITE);
        assertThat(Kind.ofType("cas")).isNull();
    }
}
