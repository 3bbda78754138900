package io.stagger.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The election checker. Convergence (the verdict): after the final heal and recovery every live node names one and
 * the same master, and that master alone reports role MASTER — in every round of final probes but at most one, and
 * the same master in all that agree. Measured on the way (from each node's latest answer):
 * failovers (kills of the agreed master) and their times from the kill until all live nodes agree on a new master,
 * the time with no MASTER, and the time with two or more MASTERs (invalid only beyond a configured bound); the time
 * from the start of the run to the first agreement on one master; and the elections and revocations the nodes
 * report ({@link ElectionCounts}). A node whose latest request went unanswered counts as unknown, not as its last
 * answer.
 */
public final class ElectionChecker {
    private record View(String master, String role) {}

    private record Failover(String master, long killedAt, long resolvedAt, String successor) {}

    /** A registration with the name server (claim 27): who registered, when. */
    private record Registration(String master, long at) {}

    private final CheckContext context;

    public ElectionChecker(CheckContext context) {
        this.context = context;
    }

    public CheckResult check() {
        ObjectNode details = Json.object();
        measure(details);
        return converged(details);
    }

    private void measure(ObjectNode details) {
        Set<String> live = new LinkedHashSet<>(context.nodeIds());
        Map<String, View> views = new HashMap<>();
        List<Failover> failovers = new ArrayList<>();
        Failover open = null;
        String agreed = null;
        long last = -1;
        long noMasterNanos = 0;
        long dualMasterNanos = 0;
        long longestDualNanos = 0;
        long dualSince = -1;
        long firstAgreement = -1;
        long probedUntil = lastProbe();
        List<Registration> registrations = new ArrayList<>();
        for (Op op : context.history()) {
            if (op.process() == Op.NEMESIS && op.f().equals(Op.NAME_SERVER_EVENT)
                    && op.value().path("master").isTextual()) {
                registrations.add(new Registration(op.value().get("master").asText(), op.time()));
            }
        }
        for (Op op : context.history()) {
            if (op.isFinal() || op.time() > probedUntil) {
                break;
            }
            long now = op.time();
            if (last >= 0) {
                int masters = masters(live, views);
                if (masters == 0 && views.keySet().containsAll(live)) {
                    noMasterNanos += now - last;
                } else if (masters > 1) {
                    dualMasterNanos += now - last;
                }
            }
            if (op.process() == Op.NEMESIS) {
                List<String> nodes = new ArrayList<>();
                op.value().forEach(n -> nodes.add(n.asText()));
                if (op.f().equals("kill")) {
                    String master = agreed != null ? agreed : plurality(live, views);
                    live.removeAll(nodes);
                    nodes.forEach(views::remove);
                    if (master != null && nodes.contains(master) && open == null) {
                        open = new Failover(master, now, -1, null);
                    }
                } else if (op.f().equals("restart")) {
                    live.addAll(nodes);
                }
            } else if (op.is(Op.Type.OK) && op.node() != null) {
                JsonNode value = op.value();
                views.put(op.node(), new View(value.path("master").isTextual() ? value.get("master").asText() : null,
                        value.path("role").asText()));
            } else if (!op.is(Op.Type.INVOKE) && op.node() != null) {
                // No answer (a paused or partitioned-off node): what it thinks is unknown until it answers again.
                views.remove(op.node());
            }
            if (views.keySet().containsAll(live)) {
                if (last < 0) {
                    last = now;
                }
                agreed = agreement(live, views);
                if (agreed != null && firstAgreement < 0) {
                    firstAgreement = now;
                }
                if (open != null && agreed != null && !agreed.equals(open.master)) {
                    failovers.add(new Failover(open.master, open.killedAt, now, agreed));
                    open = null;
                }
            }
            int masters = masters(live, views);
            if (masters > 1 && dualSince < 0) {
                dualSince = now;
            } else if (masters <= 1 && dualSince >= 0) {
                longestDualNanos = Math.max(longestDualNanos, now - dualSince);
                dualSince = -1;
            }
            if (last >= 0) {
                last = now;
            }
        }
        if (open != null) {
            failovers.add(open);
        }
        report(details, failovers, noMasterNanos, dualMasterNanos, longestDualNanos);
        reportRegistrations(details, failovers, registrations);
        details.put("first-agreement-ms", firstAgreement < 0 ? -1 : Percentiles.round(firstAgreement / 1e6));
        List<long[]> resolved = new ArrayList<>();
        failovers.stream().filter(f -> f.resolvedAt >= 0).forEach(f -> resolved.add(new long[] {f.killedAt, f.resolvedAt}));
        new ElectionCounts(context.history()).report(details, resolved);
    }

    /**
     * How long after each resolved failover the new master was registered with the name server: the first
     * registration naming it after the kill, measured from the moment all live nodes agreed on it (negative when it
     * registered before the last node agreed). Nodes that register nothing (not the product's) leave it empty.
     */
    private static void reportRegistrations(ObjectNode details, List<Failover> failovers,
            List<Registration> registrations) {
        details.put("registration-count", registrations.size());
        List<Double> lags = new ArrayList<>();
        ObjectNode list = Json.object();
        for (Failover f : failovers) {
            if (f.resolvedAt < 0 || f.successor == null) {
                continue;
            }
            Registration first = registrations.stream()
                    .filter(r -> r.master.equals(f.successor) && r.at >= f.killedAt)
                    .findFirst().orElse(null);
            String key = String.format(Locale.ROOT, "%.3f", f.killedAt / 1e9);
            if (first == null) {
                list.put(key, f.successor + " never registered with the name server");
            } else {
                double millis = (first.at - f.resolvedAt) / 1e6;
                lags.add(millis);
                list.put(key, f.successor + " registered " + Percentiles.round(millis) + " ms after all live nodes agreed ("
                        + Percentiles.round((first.at - f.killedAt) / 1e6) + " ms after the kill)");
            }
        }
        details.set("registration-lag-ms", Percentiles.summary(lags.stream().mapToDouble(Double::doubleValue).toArray()));
        details.set("registrations", list);
    }

    /** The last completion of a probe in the main phase: the figures cover the time the clients watched. */
    private long lastProbe() {
        long last = 0;
        for (Op op : context.history()) {
            if (op.process() != Op.NEMESIS && !op.isFinal() && !op.is(Op.Type.INVOKE)) {
                last = op.time();
            }
        }
        return last;
    }

    private void report(ObjectNode details, List<Failover> failovers, long noMasterNanos, long dualMasterNanos,
            long longestDualNanos) {
        List<Double> times = new ArrayList<>();
        ObjectNode list = Json.object();
        int unresolved = 0;
        for (Failover f : failovers) {
            String key = String.format(Locale.ROOT, "%.3f", f.killedAt / 1e9);
            if (f.resolvedAt < 0) {
                unresolved++;
                list.put(key, "master " + f.master + " killed; no agreement observed before the main phase ended");
            } else {
                double millis = (f.resolvedAt - f.killedAt) / 1e6;
                times.add(millis);
                list.put(key, "master " + f.master + " killed; all live nodes agreed on a new master after "
                        + Percentiles.round(millis) + " ms");
            }
        }
        details.put("failover-count", failovers.size());
        details.put("unresolved-failover-count", unresolved);
        details.set("failover-ms", Percentiles.summary(times.stream().mapToDouble(Double::doubleValue).toArray()));
        details.set("failovers", list);
        details.put("no-master-ms", Percentiles.round(noMasterNanos / 1e6));
        details.put("dual-master-ms", Percentiles.round(dualMasterNanos / 1e6));
        details.put("longest-dual-master-ms", Percentiles.round(longestDualNanos / 1e6));
    }

    private CheckResult converged(ObjectNode details) {
        // The final probes come in rounds (ElectionWorkload.FINAL_ROUNDS, a pause apart); a probe without a round is
        // round 1. With one round its verdict is the verdict; with more, most rounds must agree on one master, so that
        // one spurious detection at the wrong moment (a node starved of CPU for longer than T) is not taken for a group
        // that does not converge, while a group that does not converge still fails every round.
        Map<Integer, List<History.Pair>> rounds = new TreeMap<>();
        for (History.Pair pair : History.pairs(context.history())) {
            if (pair.invoke().isFinal()) {
                int round = pair.invoke().value() == null ? 1 : pair.invoke().value().path("round").asInt(1);
                rounds.computeIfAbsent(round, r -> new ArrayList<>()).add(pair);
            }
        }
        if (rounds.isEmpty()) {
            details.putObject("final-views");
            return CheckResult.invalid("no node was asked for its master after the final recovery", details);
        }
        CheckResult last = null;
        Set<String> agreedMasters = new HashSet<>();
        int agreeing = 0;
        ArrayNode perRound = rounds.size() > 1 ? details.putArray("final-rounds") : null;
        for (Map.Entry<Integer, List<History.Pair>> round : rounds.entrySet()) {
            ObjectNode roundDetails = Json.object();
            last = agreement(round.getValue(), roundDetails);
            if (last.valid()) {
                agreeing++;
                agreedMasters.add(roundDetails.get("master").asText());
            }
            if (perRound != null) {
                perRound.add(roundDetails.put("round", round.getKey()).put("agree", last.valid()));
            }
            details.set("final-views", roundDetails.get("final-views"));
            details.remove("master");
            if (roundDetails.has("master")) {
                details.set("master", roundDetails.get("master"));
            }
        }
        int needed = rounds.size() == 1 ? 1 : rounds.size() - 1;
        if (agreeing < needed || agreedMasters.size() > 1) {
            String why = agreedMasters.size() > 1 ? "the final rounds agree on different masters " + agreedMasters
                    : last.reason();
            return CheckResult.invalid(rounds.size() == 1 ? why
                    : "the live nodes agree in " + agreeing + " of " + rounds.size() + " final rounds: " + why, details);
        }
        if (!agreedMasters.isEmpty()) {
            details.put("master", agreedMasters.iterator().next());
        }
        double dualMillis = details.get("dual-master-ms").asDouble();
        if (context.maxDualMasterMillis() >= 0 && dualMillis > context.maxDualMasterMillis()) {
            return CheckResult.invalid("two MASTERs coexisted for " + dualMillis + " ms, more than the allowed "
                    + context.maxDualMasterMillis() + " ms", details);
        }
        return CheckResult.valid(details);
    }

    /** Whether one round of final probes shows every live node naming one master that alone reports MASTER. */
    private static CheckResult agreement(List<History.Pair> pairs, ObjectNode details) {
        Map<String, View> finals = new TreeMap<>();
        Set<String> asked = new HashSet<>();
        for (History.Pair pair : pairs) {
            asked.add(pair.invoke().node());
            if (pair.ok()) {
                JsonNode value = pair.complete().value();
                finals.put(pair.invoke().node(), new View(value.path("master").isTextual()
                        ? value.get("master").asText() : null, value.path("role").asText()));
            }
        }
        ObjectNode finalViews = details.putObject("final-views");
        finals.forEach((node, view) -> finalViews.put(node, view.master + " (" + view.role + ")"));
        for (String node : asked) {
            if (!finals.containsKey(node)) {
                return CheckResult.invalid(node + " did not answer the final master request", details);
            }
        }
        Set<String> named = new HashSet<>();
        finals.values().forEach(v -> named.add(v.master));
        if (named.size() != 1 || named.contains(null)) {
            return CheckResult.invalid("the live nodes do not agree on one master after the final recovery: " + finalViews,
                    details);
        }
        String master = named.iterator().next();
        View own = finals.get(master);
        if (own == null || !own.role.equals("MASTER")) {
            return CheckResult.invalid("all live nodes name " + master + ", but " + master
                    + (own == null ? " is not a live node" : " reports role " + own.role), details);
        }
        long masters = finals.values().stream().filter(v -> v.role.equals("MASTER")).count();
        if (masters > 1) {
            return CheckResult.invalid(masters + " nodes report role MASTER after the final recovery: " + finalViews,
                    details);
        }
        details.put("master", master);
        return CheckResult.valid(details);
    }

    private static int masters(Set<String> live, Map<String, View> views) {
        int masters = 0;
        for (String node : live) {
            View view = views.get(node);
            if (view != null && view.role.equals("MASTER")) {
                masters++;
            }
        }
        return masters;
    }

    /** The master all live nodes name, if they all name the same one and it reports MASTER; else null. */
    private static String agreement(Set<String> live, Map<String, View> views) {
        String master = null;
        for (String node : live) {
            View view = views.get(node);
            if (view == null || view.master == null || (master != null && !master.equals(view.master))) {
                return null;
            }
            master = view.master;
        }
        View own = master == null ? null : views.get(master);
        return own != null && live.contains(master) && own.role.equals("MASTER") ? master : null;
    }

    private static String plurality(Set<String> live, Map<String, View> views) {
        Map<String, Integer> votes = new HashMap<>();
        for (String node : live) {
            View view = views.get(node);
            if (view != null && view.master != null) {
                votes.merge(view.master, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
