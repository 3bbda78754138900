package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * One client's session with the conference (docs/CONFERENCE.md, "Sessions: exactly once"): its name, its sequence
 * numbers, the node it is attached to, and the request whose outcome it does not know yet, which it sends again
 * with the same seq before anything new. It outlives the harness's process numbers: a process replaced after an
 * indeterminate operation continues the same session. One worker thread uses a session at a time.
 */
final class ConferenceSession {
    final String client;
    /** Never granted access to the document: its doc_writes must all be denied. */
    final boolean outsider;
    private final List<String> nodeIds;
    private int nodeIndex;
    private long seq;
    private Request unresolved;
    /**
     * How the current node last answered without an outcome. Error 0 means the node is alive and follows the election
     * (it answers so when the master it forwarded to is replaced, or when the master lost the lead): the session stays
     * and sends again there. Error 11 means the node knows no master or was not one: the session stays once and moves
     * on at the second in a row (the node may be cut off from the master). A time-out moves it on at once.
     */
    private boolean stay;
    private int unavailableInARow;
    /** Whether the session believes it is a member (after its join_ok, until its leave_ok or a 1001). */
    boolean member;
    /** The next post this session reads: it pages through the conference with its reads. */
    long readFrom;
    boolean holdsFloor;
    /** The owner's view of whom it has granted access. */
    final Set<String> granted = new TreeSet<>();

    ConferenceSession(String client, boolean outsider, List<String> nodeIds, int nodeIndex) {
        this.client = client;
        this.outsider = outsider;
        this.nodeIds = nodeIds;
        this.nodeIndex = nodeIndex % nodeIds.size();
    }

    String node() {
        return nodeIds.get(nodeIndex);
    }

    /**
     * The request to send again, or null. A request without a known outcome (a time-out, error 0 or 11: the node's
     * master failed or is unknown) may make the session attach to another node ("connect another"): at once after a
     * time-out, at the second error 11 in a row, never after error 0; a request that may change the state is then
     * sent again, with its seq; a read is dropped.
     */
    Request retry(SplittableRandom random) {
        Request request = unresolved;
        if (request == null) {
            return null;
        }
        if (!stay) {
            reattach(random);
            unavailableInARow = 0;
        }
        stay = false;
        if (!request.body().has("seq")) {
            unresolved = null;
            return null;
        }
        Request again = new Request(request.f(), request.value(), request.body(), node());
        unresolved = again;
        return again;
    }

    /** Moves the session to another node than its current one, at random. */
    private void reattach(SplittableRandom random) {
        if (nodeIds.size() > 1) {
            nodeIndex = (nodeIndex + 1 + random.nextInt(nodeIds.size() - 1)) % nodeIds.size();
        }
    }

    /**
     * A new request of type f with the given fields, to the session's node; changesState gives it the next seq. The
     * history's value is the fields with the client (and seq).
     */
    Request request(String f, ObjectNode fields, boolean changesState) {
        ObjectNode value = Json.object().put("client", client);
        if (changesState) {
            value.put("seq", ++seq);
        }
        value.setAll(fields);
        ObjectNode body = Json.object().put("type", f).put("conference", ConferenceWorkload.CONFERENCE);
        body.setAll(value);
        Request request = new Request(f, value, body, node());
        unresolved = request;
        return request;
    }

    /** The request's outcome is known (ok, or a definite error): nothing to send again. */
    void resolved() {
        unresolved = null;
        stay = false;
        unavailableInARow = 0;
    }

    /** The node answered error 0: it is alive and its master changed or lost the lead while the request was out. */
    void answeredIndeterminate() {
        stay = true;
    }

    /** The node answered error 11: it knows no master, or the server it asked was not one. */
    void answeredUnavailable() {
        unavailableInARow++;
        stay = unavailableInARow < 2;
    }
}
