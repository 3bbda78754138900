package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.check.ElectionChecker;
import io.stagger.history.Json;
import io.stagger.harness.nemesis.MasterQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The product's workload: clients ask every node {"type":"master"} periodically; a node answers master_ok with the
 * master it recognises, its role, epoch and rank. The checker is {@link ElectionChecker}.
 */
public final class ElectionWorkload implements Generator, OpClient, MasterQuery {
    private final Map<String, String> recognisedMaster = new ConcurrentHashMap<>();

    @Override
    public Request next(int process, SplittableRandom random) {
        return Request.to("master", NullNode.instance, Json.object().put("type", "master"));
    }

    /**
     * Each live node is probed this many times after the final recovery, {@link #FINAL_ROUND_GAP_MILLIS} apart: the
     * checker wants the views to agree in most rounds, so that one spurious detection (a node starved of CPU for
     * longer than T at the wrong moment) is told from a group that does not converge.
     */
    public static final int FINAL_ROUNDS = 3;
    /** Time between the final rounds: more than the detection period P and the time to recover from one detection. */
    public static final long FINAL_ROUND_GAP_MILLIS = 300;

    @Override
    public List<Request> finalRequests(List<String> liveNodes) {
        return liveNodes.stream().map(node -> finalProbe(node, 1)).toList();
    }

    /** The next round's probe of the same node, after a pause. */
    @Override
    public Request followUp(Request request, Completion completion) {
        int round = request.value().path("round").asInt(FINAL_ROUNDS);
        if (round >= FINAL_ROUNDS) {
            return null;
        }
        try {
            Thread.sleep(FINAL_ROUND_GAP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return finalProbe(request.node(), round + 1);
    }

    private static Request finalProbe(String node, int round) {
        return new Request("master", Json.object().put("round", round), Json.object().put("type", "master"), node);
    }

    @Override
    public boolean idempotent(String f) {
        return true;
    }

    @Override
    public Completion complete(Request request, String node, JsonNode reply) {
        if (!OpClient.isOk(request, reply)) {
            return null;
        }
        ObjectNode view = Json.object();
        view.set("master", reply.path("master").isTextual() ? reply.get("master") : NullNode.instance);
        view.put("role", reply.path("role").asText("?"));
        if (reply.has("epoch")) {
            view.set("epoch", reply.get("epoch"));
        }
        for (String field : new String[] {"rank", "elections", "revocations"}) {
            if (reply.has(field)) {
                view.set(field, reply.get(field));
            }
        }
        if (view.get("master").isTextual()) {
            recognisedMaster.put(node, view.get("master").asText());
        } else {
            recognisedMaster.remove(node);
        }
        return Completion.ok(view);
    }

    @Override
    public void nodeKilled(String node) {
        recognisedMaster.remove(node);
    }

    @Override
    public String likelyMaster() {
        Map<String, Integer> votes = new HashMap<>();
        recognisedMaster.values().forEach(m -> votes.merge(m, 1, Integer::sum));
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
