package io.stagger.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The floor has one holder at a time: one term is never granted to two clients, and when the floor passes from A
 * (term g1) to B (a later term g2), A began a floor_release or a leave after it asked for g1 and before B's request
 * for g2 completed.
 */
final class ConferenceFloor {
    private ConferenceFloor() {}

    /** A hold: the client that floor_request granted a term to, and when its request began and first ended ok. */
    private record Hold(long term, String client, long invoked, long completed) {}

    static ObjectNode check(List<ConferenceRequest> requests, Violations violations) {
        Map<Long, Hold> holds = new TreeMap<>();
        for (ConferenceRequest request : ConferenceDocument.only(requests, "floor_request")) {
            if (!request.ok() || !request.reply().path("granted").asBoolean()) {
                continue;
            }
            Hold hold = new Hold(request.reply().path("term").asLong(), request.client(), request.invoked(),
                    request.completed());
            Hold other = holds.get(hold.term());
            if (other == null || (other.client().equals(hold.client()) && hold.invoked() < other.invoked())) {
                holds.put(hold.term(), hold);
            } else if (!other.client().equals(hold.client())) {
                violations.add("two holders: term " + hold.term() + " was granted to " + other.client() + " and to "
                        + hold.client());
            }
        }
        List<ConferenceRequest> releases = new ArrayList<>();
        for (ConferenceRequest request : requests) {
            boolean release = request.f().equals("floor_release")
                    && (!request.ok() || request.reply().path("released").asBoolean());
            if ((release || request.f().equals("leave")) && request.mayHaveHappened()) {
                releases.add(request);
            }
        }
        releases.sort(Comparator.comparingLong(ConferenceRequest::invoked));
        Hold previous = null;
        for (Hold hold : holds.values()) {
            if (previous != null && !previous.client().equals(hold.client()) && !released(previous, hold, releases)) {
                violations.add("two holders: " + previous.client() + " was granted term " + previous.term() + " at "
                        + ConferenceChecker.at(previous.completed()) + " and " + hold.client() + " term " + hold.term() + " at "
                        + ConferenceChecker.at(hold.completed()) + " with no floor_release or leave of " + previous.client()
                        + " between");
            }
            previous = hold;
        }
        return Json.object().put("grant-count", holds.size());
    }

    /** Whether the earlier holder began a release or a leave after asking for its term and before the next ended. */
    private static boolean released(Hold earlier, Hold later, List<ConferenceRequest> releases) {
        return releases.stream().anyMatch(r -> r.client().equals(earlier.client()) && r.invoked() > earlier.invoked()
                && r.invoked() < later.completed());
    }
}
