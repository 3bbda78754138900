package io.stagger.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The conference resumes after every failover. A failover is a change of served_by between consecutive ok replies
 * (in the order they completed), from X to Y; its resume time runs from the latest fault start before Y's first ok
 * (or from X's last ok, if X still served after that fault or there was none) to Y's first ok — unless Y's first ok
 * is a final read: no client asked during the recovery wait before it, so that failover is counted but not timed.
 * Each fault start's resume time runs to the completion of the first operation invoked after it that succeeded.
 * After the final heal the conference must serve the final reads: a read that reached the end of the posts and a
 * doc_read.
 */
final class ConferenceResume {
    /** The nemesis operations that start a fault. */
    static final Set<String> FAULT_STARTS = Set.of("kill", "pause", "start-partition", "start-loss", "start-clock");

    private ConferenceResume() {}

    static ObjectNode check(List<Op> history, List<History.Pair> pairs, Violations violations) {
        List<Op> faultStarts = history.stream()
                .filter(op -> op.process() == Op.NEMESIS && FAULT_STARTS.contains(op.f())).toList();
        ObjectNode details = Json.object();
        ArrayNode failovers = details.putArray("failovers");
        List<Double> resumeMillis = new ArrayList<>();
        int failoverCount = 0;
        Op lastOk = null;
        for (Op op : history) {
            if (op.process() == Op.NEMESIS || !op.is(Op.Type.OK) || !op.value().path("served_by").isTextual()) {
                continue;
            }
            String server = op.value().get("served_by").asText();
            String previous = lastOk == null ? null : lastOk.value().get("served_by").asText();
            if (previous != null && !previous.equals(server) && op.isFinal() && !lastOk.isFinal()) {
                failoverCount++;
                failovers.add(previous + " -> " + server + " at " + ConferenceChecker.at(op.time())
                        + ": not timed, the first ok of the new master is a final read, after the recovery wait");
            } else if (previous != null && !previous.equals(server)) {
                failoverCount++;
                Op fault = latestBefore(faultStarts, op.time());
                long from = fault == null || fault.time() < lastOk.time() ? lastOk.time() : fault.time();
                double millis = (op.time() - from) / 1e6;
                resumeMillis.add(millis);
                failovers.add(previous + " -> " + server + " at " + ConferenceChecker.at(op.time()) + ": "
                        + Percentiles.round(millis) + " ms after " + (from == lastOk.time() ? previous + "'s last ok"
                                : fault.f() + " at " + ConferenceChecker.at(fault.time())));
            }
            lastOk = op;
        }
        details.put("failover-count", failoverCount);
        details.set("resume-ms", Percentiles.summary(toArray(resumeMillis)));
        details.set("fault-resume-ms", faultResume(faultStarts, pairs, details.putArray("faults")));
        boolean finalRead = pairs.stream().anyMatch(p -> p.invoke().isFinal() && p.ok() && p.invoke().f().equals("read")
                && p.complete().value().path("next").asLong() == p.complete().value().path("from").asLong());
        boolean finalDocRead = pairs.stream()
                .anyMatch(p -> p.invoke().isFinal() && p.ok() && p.invoke().f().equals("doc_read"));
        details.put("resumed-after-heal", finalRead && finalDocRead);
        if (!finalRead || !finalDocRead) {
            violations.add("the conference did not resume after the final heal: "
                    + (finalRead ? "no final doc_read succeeded" : "no final read reached the end of the posts"));
        }
        return details;
    }

    /** For each fault start: the time to the completion of the first operation invoked after it that succeeded. */
    private static ObjectNode faultResume(List<Op> faultStarts, List<History.Pair> pairs, ArrayNode faults) {
        List<Double> millis = new ArrayList<>();
        for (Op fault : faultStarts) {
            long firstOk = Long.MAX_VALUE;
            for (History.Pair pair : pairs) {
                if (pair.ok() && pair.invoke().time() > fault.time()) {
                    firstOk = Math.min(firstOk, pair.complete().time());
                }
            }
            String at = fault.f() + " " + fault.value() + " at " + ConferenceChecker.at(fault.time());
            if (firstOk == Long.MAX_VALUE) {
                faults.add(at + ": no operation succeeded after it");
            } else {
                millis.add((firstOk - fault.time()) / 1e6);
                faults.add(at + ": " + Percentiles.round(millis.get(millis.size() - 1)) + " ms");
            }
        }
        return Percentiles.summary(toArray(millis));
    }

    private static Op latestBefore(List<Op> ops, long time) {
        Op latest = null;
        for (Op op : ops) {
            if (op.time() < time) {
                latest = op;
            }
        }
        return latest;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
