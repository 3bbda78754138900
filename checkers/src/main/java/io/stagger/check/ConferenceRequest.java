package io.stagger.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.history.History;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One conference request as the service sees it: every attempt a session made with one (client, seq), which the
 * service applies at most once (docs/CONFERENCE.md, "Sessions: exactly once"). It may have taken effect from its
 * first attempt's invocation on; it is known to have taken effect at its first ok completion.
 *
 * @param f         the request's function
 * @param client    the session
 * @param seq       its sequence number
 * @param fields    the first attempt's value: the request's fields (client, seq, text, target)
 * @param invoked   the first attempt's invocation, ns
 * @param oks       the attempts that completed ok (a retry is answered with the same reply)
 * @param refused   some attempt got a refusal of the state machine (1001, 1002, 1003): the request had no effect
 * @param failed    every attempt failed definitely: none had an effect
 */
public record ConferenceRequest(String f, String client, long seq, JsonNode fields, long invoked, List<Op> oks,
        boolean refused, boolean failed) {
    /** The refusals of the conference's state machine: a retry with the same seq is refused alike. */
    public static final Set<Integer> REFUSALS = Set.of(1001, 1002, 1003);

    public boolean ok() {
        return !oks.isEmpty();
    }

    /** Whether it may have taken effect: ok, or indeterminate. */
    public boolean mayHaveHappened() {
        return ok() || (!refused && !failed);
    }

    /** The first ok completion, ns; Long.MAX_VALUE when it never completed ok. */
    public long completed() {
        return ok() ? oks.get(0).time() : Long.MAX_VALUE;
    }

    /** The first ok reply's value (the request's fields and the reply's). */
    public JsonNode reply() {
        return oks.get(0).value();
    }

    public String id() {
        return client + "#" + seq;
    }

    /** The requests that carry a seq, from the history's pairs, in the order of their first invocation. */
    public static List<ConferenceRequest> of(List<History.Pair> pairs) {
        Map<String, List<History.Pair>> attempts = new LinkedHashMap<>();
        for (History.Pair pair : pairs) {
            JsonNode value = pair.invoke().value();
            if (value != null && value.has("seq") && value.has("client")) {
                String key = pair.invoke().f() + " " + value.get("client").asText() + "#" + value.get("seq").asLong();
                attempts.computeIfAbsent(key, k -> new ArrayList<>()).add(pair);
            }
        }
        List<ConferenceRequest> requests = new ArrayList<>();
        for (List<History.Pair> group : attempts.values()) {
            Op first = group.get(0).invoke();
            List<Op> oks = new ArrayList<>();
            boolean refused = false;
            boolean failed = true;
            for (History.Pair pair : group) {
                if (pair.ok()) {
                    oks.add(pair.complete());
                }
                if (pair.failed() && REFUSALS.contains(pair.complete().value().path("code").asInt(-1))) {
                    refused = true;
                }
                failed &= pair.failed();
            }
            requests.add(new ConferenceRequest(first.f(), first.value().get("client").asText(),
                    first.value().get("seq").asLong(), first.value(), first.time(), List.copyOf(oks), refused, failed));
        }
        return requests;
    }
}
