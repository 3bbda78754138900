package io.stagger.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Elections and revocations, counted from the {@code elections} and {@code revocations} counters that a node reports
 * in every {@code master_ok} (since its process started): how many there were, which were spurious (no fault
 * within {@link #FAULT_WINDOW_NANOS} before), and how many of each a failover took. An election is known to have
 * happened between two probes of its node; it is spurious if no fault (kill, pause, resume, partition and its end,
 * loss and its end, clock skew; not a restart, not the start of the run) lies in the window from
 * {@link #FAULT_WINDOW_NANOS} before the earlier probe to the later one. Nodes that report no counters (not the
 * product's) leave every figure at 0 and {@code counted} false.
 */
final class ElectionCounts {
    /**
     * How long after a fault an election may still be its consequence: more than P + T + max E + a revocation round
     * at the node's defaults for groups of up to five (100 + 50 + 520 + 60 ms with spaced, 100 + 50 + 220 + 60 with
     * prompt, less with the default roster, whose E(i) leaves out members known to be down).
     */
    static final long FAULT_WINDOW_NANOS = 1_000_000_000L;

    /** An election or revocation round of one node, known to lie in {@code (after, by]}. */
    private record Event(String node, long after, long by) {}

    private final List<Event> elections = new ArrayList<>();
    private final List<Event> revocations = new ArrayList<>();
    private final List<Long> faults = new ArrayList<>();
    private boolean counted;

    /** Reads every probe answer and fault of {@code history}. */
    ElectionCounts(List<Op> history) {
        Map<String, long[]> last = new HashMap<>(); // node -> {elections, revocations, probed at}
        for (Op op : history) {
            if (op.process() == Op.NEMESIS) {
                if (!op.f().equals(Op.NAME_SERVER_EVENT) && !op.f().equals("restart")) {
                    faults.add(op.time());
                }
                if ((op.f().equals("kill") || op.f().equals("restart")) && op.value() != null) {
                    // The next incarnation counts from 0, and elects nothing before it is back.
                    op.value().forEach(node -> last.put(node.asText(), new long[] {0, 0, op.time()}));
                }
                continue;
            }
            if (!op.is(Op.Type.OK) || op.node() == null || !op.value().has("elections")) {
                continue;
            }
            counted = true;
            JsonNode value = op.value();
            long[] before = last.getOrDefault(op.node(), new long[] {0, 0, 0});
            long electionCount = value.path("elections").asLong();
            long revocationCount = value.path("revocations").asLong();
            // A count below the last one is a new incarnation that was not seen killed (it counts from 0).
            long newElections = electionCount >= before[0] ? electionCount - before[0] : electionCount;
            long newRevocations = revocationCount >= before[1] ? revocationCount - before[1] : revocationCount;
            for (long i = 0; i < newElections; i++) {
                elections.add(new Event(op.node(), before[2], op.time()));
            }
            for (long i = 0; i < newRevocations; i++) {
                revocations.add(new Event(op.node(), before[2], op.time()));
            }
            last.put(op.node(), new long[] {electionCount, revocationCount, op.time()});
        }
    }

    private boolean spurious(Event election) {
        for (long fault : faults) {
            if (fault >= election.after - FAULT_WINDOW_NANOS && fault <= election.by) {
                return false;
            }
        }
        return true;
    }

    private static int within(List<Event> events, long from, long to) {
        int count = 0;
        for (Event e : events) {
            if (e.by > from && e.after < to) {
                count++;
            }
        }
        return count;
    }

    /**
     * Adds the counts to {@code details}; {@code failovers} are the resolved failovers as {kill, agreement} times:
     * the declarations and revocation rounds of each are those that may lie between its kill and
     * {@link #FAULT_WINDOW_NANOS} after its agreement.
     */
    void report(ObjectNode details, List<long[]> failovers) {
        details.put("elections-counted", counted);
        details.put("election-count", elections.size());
        List<String> spuriousAt = new ArrayList<>();
        for (Event e : elections) {
            if (spurious(e)) {
                spuriousAt.add(e.node + " between " + seconds(e.after) + " s and " + seconds(e.by) + " s");
            }
        }
        details.put("spurious-election-count", spuriousAt.size());
        details.set("spurious-elections", Json.MAPPER.valueToTree(spuriousAt));
        details.put("revocation-count", revocations.size());
        int declarations = 0;
        int maxDeclarations = 0;
        int maxRevocations = 0;
        for (long[] f : failovers) {
            int d = within(elections, f[0], f[1] + FAULT_WINDOW_NANOS);
            declarations += d;
            maxDeclarations = Math.max(maxDeclarations, d);
            maxRevocations = Math.max(maxRevocations, within(revocations, f[0], f[1] + FAULT_WINDOW_NANOS));
        }
        details.put("declarations-per-failover", failovers.isEmpty() ? 0
                : Percentiles.round((double) declarations / failovers.size()));
        details.put("max-declarations-in-a-failover", maxDeclarations);
        details.put("max-revocations-in-a-failover", maxRevocations);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** Whether any node reported counters. */
    boolean counted() {
        return counted;
    }
}
