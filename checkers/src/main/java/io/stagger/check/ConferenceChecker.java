package io.stagger.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.List;
import java.util.Locale;

/**
 * The conference's checker (docs/CONFERENCE.md): the posts ({@link ConferencePosts}), the document's access
 * ({@link ConferenceDocument}), the floor ({@link ConferenceFloor}) and the resumption after failovers and after
 * the final heal ({@link ConferenceResume}). Invalid at the first violation of any; every part's figures are in
 * the details.
 */
public final class ConferenceChecker {
    private final List<Op> history;

    public ConferenceChecker(List<Op> history) {
        this.history = history;
    }

    public CheckResult check() {
        List<History.Pair> pairs = History.pairs(history);
        List<ConferenceRequest> requests = ConferenceRequest.of(pairs);
        Violations violations = new Violations();
        ObjectNode posts = ConferencePosts.check(requests, pairs, violations);
        ObjectNode document = ConferenceDocument.check(requests, pairs, violations);
        ObjectNode floor = ConferenceFloor.check(requests, violations);
        ObjectNode resume = ConferenceResume.check(history, pairs, violations);
        ObjectNode details = Json.object();
        details.put("post-count", posts.get("acknowledged").asInt());
        details.put("read-count", posts.get("read-ok-count").asInt());
        details.put("doc-write-ok-count", document.get("write-ok-count").asInt());
        details.put("doc-write-denied-count", document.get("write-denied-count").asInt());
        details.put("floor-grant-count", floor.get("grant-count").asInt());
        details.put("failover-count", resume.get("failover-count").asInt());
        details.set("resume-ms", resume.get("resume-ms"));
        details.set("fault-resume-ms", resume.get("fault-resume-ms"));
        details.set("posts", posts);
        details.set("document", document);
        details.set("floor", floor);
        details.set("resume", resume);
        details.put("violation-count", violations.count());
        details.set("violations", violations.toJson());
        if (violations.any()) {
            return CheckResult.invalid(violations.first(), details);
        }
        return CheckResult.valid(details);
    }

    /** A time of the run, ns, as seconds for a violation's text. */
    static String at(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
