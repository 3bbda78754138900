package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conference checker on written-out histories: one row per case, a change to a valid base history and the
 * verdict it must give (null: valid; else words of the reason).
 */
class ConferenceCheckerTest {
    /** A history written by hand: each request its own process, sorted by time when checked. */
    static final class Written {
        private final List<Op> ops = new ArrayList<>();
        private int processes;
        /** The master that serves the requests written next. */
        private String server = "n1";
        private boolean finished;

        /** A request from fromMs to toMs with the given request fields, completed as type with the reply's fields. */
        Written call(long fromMs, long toMs, String f, ObjectNode request, Op.Type type, ObjectNode reply, boolean last) {
            int process = processes++;
            ops.add(new Op(0, process, Op.Type.INVOKE, f, request, fromMs * 1_000_000, "n1", null, last));
            ObjectNode completion = request.deepCopy();
            if (reply != null) {
                completion.setAll(reply);
            }
            ops.add(new Op(0, process, type, f, completion, toMs * 1_000_000, "n1", type == Op.Type.OK ? null : "error",
                    last));
            return this;
        }

        Written ok(long fromMs, long toMs, String f, ObjectNode request, ObjectNode reply) {
            return call(fromMs, toMs, f, request, Op.Type.OK, reply.put("served_by", reply.path("served_by").asText(server)),
                    false);
        }

        Written moveTo(String master) {
            server = master;
            return this;
        }

        Written nemesis(long ms, String f) {
            ops.add(new Op(0, Op.NEMESIS, Op.Type.INFO, f, Json.MAPPER.createArrayNode().add("n1"), ms * 1_000_000, null,
                    null, false));
            return this;
        }

        /** A read from `from` at the final phase (last) or not, showing posts "client#seq" from that index on. */
        Written read(long fromMs, long toMs, boolean last, long from, String... posts) {
            ObjectNode reply = Json.object();
            ArrayNode messages = reply.putArray("messages");
            long index = from;
            for (String post : posts) {
                String[] parts = post.split("#");
                messages.addObject().put("index", index++).put("client", parts[0]).put("seq", Long.parseLong(parts[1]))
                        .put("text", "t");
            }
            reply.put("next", index).put("served_by", server);
            return call(fromMs, toMs, "read", Json.object().put("client", last ? "final" : "c0").put("from", from),
                    Op.Type.OK, reply, last);
        }

        /** The final phase: a read of every post (the given ones) from 0, one from the end, and a doc_read. */
        Written finish(String... posts) {
            finished = true;
            read(1000, 1010, true, 0, posts);
            read(1020, 1030, true, posts.length);
            return call(1040, 1050, "doc_read", Json.object().put("client", "final"), Op.Type.OK,
                    reply().put("text", "x").put("version", 1).put("served_by", server), true);
        }

        /** No final phase: the final reads all failed. */
        Written unfinished() {
            finished = true;
            return this;
        }

        List<Op> history() {
            if (!finished) {
                finish("c0#2", "c1#2");
            }
            List<Op> sorted = new ArrayList<>(ops);
            sorted.sort(Comparator.comparingLong(Op::time));
            List<Op> indexed = new ArrayList<>();
            for (Op op : sorted) {
                indexed.add(new Op(indexed.size(), op.process(), op.type(), op.f(), op.value(), op.time(), op.node(),
                        op.error(), op.isFinal()));
            }
            return indexed;
        }
    }

    static ObjectNode req(String client, long seq) {
        return Json.object().put("client", client).put("seq", seq);
    }

    static ObjectNode reply() {
        return Json.object();
    }

    /**
     * Two members (c0 owns), two posts, a read, a grant and a write, the floor passed on; the final reads follow
     * unless a case writes its own.
     */
    static Written base() {
        return new Written()
                .ok(0, 10, "join", req("c0", 1), reply().put("owner", "c0"))
                .ok(20, 30, "join", req("c1", 1), reply().put("owner", "c0"))
                .ok(40, 50, "post", req("c0", 2).put("text", "a"), reply().put("index", 0))
                .ok(45, 55, "post", req("c1", 2).put("text", "b"), reply().put("index", 1))
                .read(60, 70, false, 0, "c0#2", "c1#2")
                .ok(80, 90, "grant", req("c0", 3).put("target", "c1"), reply())
                .ok(100, 110, "doc_write", req("c1", 3).put("text", "x"), reply().put("version", 1))
                .ok(120, 130, "floor_request", req("c0", 4), reply().put("granted", true).put("holder", "c0").put("term", 1))
                .ok(140, 150, "floor_release", req("c0", 5), reply().put("released", true))
                .ok(160, 170, "floor_request", req("c1", 4), reply().put("granted", true).put("holder", "c1").put("term", 2));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("the base history", w -> {}, null),
                row("a post retried after a time-out, applied once", w -> w
                        .call(200, 300, "post", req("c1", 5).put("text", "c"), Op.Type.INFO, null, false)
                        .ok(310, 320, "post", req("c1", 5).put("text", "c"), reply().put("index", 2))
                        .finish("c0#2", "c1#2", "c1#5"), null),
                row("a lost post: acknowledged, in no final read", w -> w
                        .ok(200, 210, "post", req("c1", 5).put("text", "c"), reply().put("index", 2)), "is lost"),
                row("a duplicated post: at two indexes", w -> w
                        .read(200, 210, false, 1, "c1#2", "c0#2"), "appears twice"),
                row("two orders: one index, two posts", w -> w
                        .read(200, 210, false, 0, "c1#2"), "two orders"),
                row("post_ok's index is not where the reads show it", w -> w
                        .ok(200, 210, "post", req("c1", 5).put("text", "c"), reply().put("index", 1)), "two orders"),
                row("a read shows a post nobody sent", w -> w
                        .read(200, 210, false, 2, "c7#1"), "which no client sent"),
                row("the final reads disagree on the number of posts", w -> w
                        .read(1060, 1070, true, 1).finish("c0#2", "c1#2"), "disagree"),
                row("an unauthorised write: never granted", w -> w
                        .ok(200, 210, "doc_write", req("c2", 1).put("text", "y"), reply().put("version", 2)),
                        "never granted before"),
                row("a write after its grant was revoked", w -> w
                        .ok(200, 210, "revoke_access", req("c0", 6).put("target", "c1"), reply())
                        .ok(220, 230, "doc_write", req("c1", 5).put("text", "y"), reply().put("version", 2)), "was revoked before"),
                row("a write overlapping a revoke may come first", w -> w
                        .ok(200, 240, "revoke_access", req("c0", 6).put("target", "c1"), reply())
                        .ok(220, 230, "doc_write", req("c1", 5).put("text", "y"), reply().put("version", 2)), null),
                row("a write after a revoke and a grant that overlaps it", w -> w
                        .ok(200, 210, "revoke_access", req("c0", 6).put("target", "c1"), reply())
                        .call(205, 400, "grant", req("c0", 7).put("target", "c1"), Op.Type.INFO, null, false)
                        .ok(220, 230, "doc_write", req("c1", 5).put("text", "y"), reply().put("version", 2)), null),
                row("an indeterminate grant may have happened", w -> w
                        .call(200, 300, "grant", req("c0", 6).put("target", "c2"), Op.Type.INFO, null, false)
                        .ok(250, 260, "doc_write", req("c2", 1).put("text", "y"), reply().put("version", 2)), null),
                row("a refused grant did not happen", w -> w
                        .call(200, 210, "grant", req("c1", 6).put("target", "c2"), Op.Type.FAIL, reply().put("code", 1002), false)
                        .ok(250, 260, "doc_write", req("c2", 1).put("text", "y"), reply().put("version", 2)),
                        "never granted before"),
                row("two owners", w -> w
                        .ok(200, 210, "join", req("c2", 1), reply().put("owner", "c2")), "two owners"),
                row("two floor holders: passed on without a release", w -> w
                        .ok(200, 210, "floor_request", req("c0", 6), reply().put("granted", true).put("holder", "c0")
                                .put("term", 3)), "two holders"),
                row("one term granted to two clients", w -> w
                        .ok(200, 210, "floor_request", req("c2", 1), reply().put("granted", true).put("holder", "c2")
                                .put("term", 2)), "term 2 was granted to c1 and to c2"),
                row("the floor passed on by the holder's leave", w -> w
                        .ok(200, 210, "leave", req("c1", 5), reply())
                        .ok(220, 230, "floor_request", req("c0", 6), reply().put("granted", true).put("holder", "c0")
                                .put("term", 3)), null),
                row("the conference did not resume: the final reads failed", Written::unfinished,
                        "did not resume"),
                row("a post acknowledged at two indexes", w -> w
                        .ok(200, 210, "post", req("c1", 5).put("text", "c"), reply().put("index", 2))
                        .ok(220, 230, "post", req("c1", 5).put("text", "c"), reply().put("index", 3))
                        .finish("c0#2", "c1#2", "c1#5"), "post c1#5 was acknowledged at index 2 and again at 3"),
                row("the only grant began the instant the write completed: too late", w -> w
                        .ok(200, 210, "doc_write", req("c2", 1).put("text", "y"), reply().put("version", 2))
                        .ok(210, 220, "grant", req("c0", 6).put("target", "c2"), reply()),
                        "doc_write c2#1 succeeded (version 2, at 0.210 s) but c2 had no access: it was never granted before"),
                row("a grant that completed the instant the revoke began is undone by it", w -> w
                        .ok(150, 200, "grant", req("c0", 6).put("target", "c1"), reply())
                        .ok(200, 210, "revoke_access", req("c0", 7).put("target", "c1"), reply())
                        .ok(220, 230, "doc_write", req("c1", 5).put("text", "y"), reply().put("version", 2)),
                        "c1 had no access: its access was revoked before the write began"),
                row("a release answered released=false does not pass the floor", w -> w
                        .ok(200, 210, "floor_release", req("c1", 5), reply().put("released", false))
                        .ok(220, 230, "floor_request", req("c0", 6), reply().put("granted", true).put("holder", "c0")
                                .put("term", 3)),
                        "two holders: c1 was granted term 2 at 0.170 s and c0 term 3 at 0.230 s with no floor_release or leave"),
                row("an indeterminate release may have passed the floor", w -> w
                        .call(200, 300, "floor_release", req("c1", 5), Op.Type.INFO, null, false)
                        .ok(220, 230, "floor_request", req("c0", 6), reply().put("granted", true).put("holder", "c0")
                                .put("term", 3)), null),
                row("a release begun the instant the next grant completed is too late", w -> w
                        .ok(220, 230, "floor_request", req("c0", 6), reply().put("granted", true).put("holder", "c0")
                                .put("term", 3))
                        .ok(230, 240, "floor_release", req("c1", 5), reply().put("released", true)), "two holders"),
                row("a holder's term counts from its first request for it", w -> w
                        .ok(250, 260, "floor_release", req("c1", 5), reply().put("released", true))
                        .ok(300, 310, "floor_request", req("c1", 6), reply().put("granted", true).put("holder", "c1")
                                .put("term", 2))
                        .ok(320, 330, "floor_request", req("c0", 6), reply().put("granted", true).put("holder", "c0")
                                .put("term", 3)), null),
                row("no final read reached the end of the posts", w -> w
                        .unfinished()
                        .read(200, 210, false, 2)
                        .read(1000, 1010, true, 0, "c0#2", "c1#2")
                        .call(1020, 1030, "read", Json.object().put("client", "final").put("from", 0), Op.Type.FAIL,
                                reply().put("code", 11), true)
                        .call(1040, 1050, "doc_read", Json.object().put("client", "final"), Op.Type.OK,
                                reply().put("text", "x").put("version", 1).put("served_by", "n1"), true),
                        "the conference did not resume after the final heal: no final read reached the end of the posts"),
                row("no final doc_read succeeded", w -> w
                        .unfinished()
                        .call(200, 210, "doc_read", Json.object().put("client", "c0"), Op.Type.OK,
                                reply().put("text", "x").put("version", 1).put("served_by", "n1"), false)
                        .read(1000, 1010, true, 0, "c0#2", "c1#2")
                        .read(1020, 1030, true, 2)
                        .call(1040, 1050, "doc_read", Json.object().put("client", "final"), Op.Type.FAIL,
                                reply().put("code", 11), true),
                        "the conference did not resume after the final heal: no final doc_read succeeded"));
    }

    static CheckResult checkBaseWith(Consumer<Written> change) {
        Written written = base();
        change.accept(written);
        return new ConferenceChecker(written.history()).check();
    }

    private static Arguments row(String name, Consumer<Written> change, String reason) {
        return Arguments.of(name, change, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judges(String name, Consumer<Written> change, String reason) {
        CheckResult result = checkBaseWith(change);
        if (reason == null) {
            assertThat(result.valid()).as(result.reason() + " " + result.details()).isTrue();
        } else {
            assertThat(result.valid()).as(name).isFalse();
            assertThat(result.reason()).contains(reason);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resumeCases")
    void measuresResumeTimeFromTheFaultOrTheOldMastersLastOk(String name, Consumer<Written> change, double millis) {
        CheckResult result = checkBaseWith(change);
        assertThat(result.valid()).as(result.reason()).isTrue();
        assertThat(result.details().get("failover-count").asInt()).isEqualTo(1);
        assertThat(result.details().get("resume-ms").get("max").asDouble()).isEqualTo(millis);
    }

    static Stream<Arguments> resumeCases() {
        return Stream.of(
                row("a kill of the master: from the kill", w -> w
                        .nemesis(175, "kill")
                        .moveTo("n2")
                        .ok(400, 500, "post", req("c0", 6).put("text", "c"), reply().put("index", 2))
                        .finish("c0#2", "c1#2", "c0#6"), 325.0),
                row("no fault since the old master's last ok: from that ok", w -> w
                        .nemesis(5, "start-partition")
                        .moveTo("n2")
                        .ok(400, 500, "post", req("c0", 6).put("text", "c"), reply().put("index", 2))
                        .finish("c0#2", "c1#2", "c0#6"), 330.0));
    }

    @org.junit.jupiter.api.Test
    void aFailoverFirstSeenByTheFinalReadsIsCountedButNotTimed() {
        Written written = base().moveTo("n2").finish("c0#2", "c1#2");
        ObjectNode details = new ConferenceChecker(written.history()).check().details();
        assertThat(details.get("failover-count").asInt()).isEqualTo(1);
        assertThat(details.get("resume-ms").get("count").asInt()).isZero();
    }

    private static Arguments row(String name, Consumer<Written> change, double millis) {
        return Arguments.of(name, change, millis);
    }

    @org.junit.jupiter.api.Test
    void countsWhatHappened() {
        ObjectNode details = new ConferenceChecker(base().history()).check().details();
        assertThat(details.get("post-count").asInt()).isEqualTo(2);
        assertThat(details.get("read-count").asInt()).isEqualTo(3);
        assertThat(details.get("doc-write-ok-count").asInt()).isEqualTo(1);
        assertThat(details.get("floor-grant-count").asInt()).isEqualTo(2);
        assertThat(details.get("failover-count").asInt()).isZero();
        assertThat(details.get("posts").get("final-count").asInt()).isEqualTo(2);
    }
}
