package io.stagger.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shared document's access: a doc_write that succeeded was made by the owner, or by a client whose grant may
 * have taken effect before the write completed and was not certainly undone by a revoke_access that completed
 * before the write was invoked. There is one owner: every join_ok names the same.
 */
final class ConferenceDocument {
    private ConferenceDocument() {}

    static ObjectNode check(List<ConferenceRequest> requests, List<History.Pair> pairs, Violations violations) {
        Set<String> owners = new TreeSet<>();
        for (ConferenceRequest join : only(requests, "join")) {
            join.oks().forEach(ok -> owners.add(ok.value().path("owner").asText()));
        }
        if (owners.size() > 1) {
            violations.add("the conference has two owners: the join_ok replies name " + owners);
        }
        List<ConferenceRequest> grants = only(requests, "grant");
        List<ConferenceRequest> revokes = only(requests, "revoke_access");
        int writes = 0;
        int denied = 0;
        for (ConferenceRequest write : only(requests, "doc_write")) {
            if (write.refused()) {
                denied++;
            }
            if (!write.ok()) {
                continue;
            }
            writes++;
            if (!owners.contains(write.client()) && !mayWrite(write, grants, revokes)) {
                violations.add("doc_write " + write.id() + " succeeded (version " + write.reply().path("version")
                        + ", at " + ConferenceChecker.at(write.completed()) + ") but " + write.client() + " had no access: "
                        + (granted(grants, write.client()).stream().noneMatch(g -> g.invoked() < write.completed())
                                ? "it was never granted before the write" : "its access was revoked before the write began"));
            }
        }
        ObjectNode details = Json.object();
        details.put("owner", owners.isEmpty() ? null : owners.iterator().next());
        details.put("write-ok-count", writes);
        details.put("write-denied-count", denied);
        details.put("grant-count", grants.stream().filter(ConferenceRequest::ok).count());
        details.put("revoke-count", revokes.stream().filter(ConferenceRequest::ok).count());
        details.put("read-ok-count", pairs.stream().filter(p -> p.ok() && p.invoke().f().equals("doc_read")).count());
        return details;
    }

    /**
     * Whether some grant of the writer may order after every revoke that certainly precedes the write: the grant
     * began before the write ended, and did not certainly end before any such revoke began.
     */
    private static boolean mayWrite(ConferenceRequest write, List<ConferenceRequest> grants,
            List<ConferenceRequest> revokes) {
        List<ConferenceRequest> revokedBefore = new ArrayList<>();
        for (ConferenceRequest revoke : revokes) {
            if (revoke.ok() && target(revoke).equals(write.client()) && revoke.completed() < write.invoked()) {
                revokedBefore.add(revoke);
            }
        }
        for (ConferenceRequest grant : granted(grants, write.client())) {
            if (grant.invoked() < write.completed()
                    && revokedBefore.stream().allMatch(revoke -> grant.completed() > revoke.invoked())) {
                return true;
            }
        }
        return false;
    }

    /** The grants of access to client that may have taken effect. */
    private static List<ConferenceRequest> granted(List<ConferenceRequest> grants, String client) {
        return grants.stream().filter(g -> g.mayHaveHappened() && target(g).equals(client)).toList();
    }

    private static String target(ConferenceRequest request) {
        return request.fields().path("target").asText();
    }

    static List<ConferenceRequest> only(List<ConferenceRequest> requests, String f) {
        return requests.stream().filter(r -> r.f().equals(f)).toList();
    }
}
