package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maelstrom's kafka, with Jepsen's kafka client behaviour: each client process first assigns itself keys
 * (list_committed_offsets), starting each new key from its committed offset, then sends messages to keys and polls
 * its keys from where it is, committing (commit_offsets) the highest offset of each poll right after it. Now and
 * then it assigns itself keys again: the keys in play, and a third of the time also the keys with sends nobody has
 * polled (Jepsen's poll-unseen). {@code --key-count} keys are in play at once; a key that has had
 * {@code --max-writes-per-key} sends is retired for a fresh one. A process replaced after an indeterminate operation
 * starts afresh, as Jepsen's crashed client does. The final phase, at each live node, assigns every key from the
 * beginning and polls until a poll brings nothing new. The checker is {@code check.KafkaChecker}.
 *
 * <p>History values: assign {keys, seek-to-beginning?} completed with the committed {offsets}; send {key, msg}
 * completed with its {offset}; poll {offsets} completed with the {msgs} per key ([offset, msg] pairs);
 * commit_offsets {offsets}.
 */
public final class KafkaWorkload implements Generator, OpClient {
    /** Probability that a process assigns itself keys again before an operation (Jepsen's sub-p is 1/64). */
    static final double ASSIGN_PROBABILITY = 1.0 / 16;
    /** Most polls of one final chain, and most attempts of one final request after failures. */
    static final int MAX_FINAL_POLLS = 10_000;
    static final int MAX_FINAL_ATTEMPTS = 10;

    private final int maxWritesPerKey;
    /** Keys in play, the sends each has had, and the next fresh key. */
    private final List<String> activeKeys = new ArrayList<>();
    private final Map<String, Integer> sendsPerKey = new HashMap<>();
    private final List<String> allKeys = new ArrayList<>();
    private int nextKey;
    private long nextMsg;
    /** Highest offset sent (acknowledged) and polled per key, over all processes, for poll-unseen. */
    private final Map<String, Long> sentMax = new HashMap<>();
    private final Map<String, Long> polledMax = new HashMap<>();
    /** Per process: the next offset to poll of each assigned key (absent: not assigned yet); a commit to make. */
    private final Map<Integer, Map<String, Long>> positions = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, Long>> pendingCommits = new ConcurrentHashMap<>();
    private volatile List<String> finalNodes = List.of();

    public KafkaWorkload(int keyCount, int maxWritesPerKey) {
        this.maxWritesPerKey = maxWritesPerKey;
        synchronized (this) {
            while (activeKeys.size() < keyCount) {
                activeKeys.add(freshKey());
            }
        }
    }

    private String freshKey() {
        String key = String.valueOf(nextKey++);
        allKeys.add(key);
        return key;
    }

    @Override
    public Request next(int process, SplittableRandom random) {
        Map<String, Long> commit = pendingCommits.remove(process);
        if (commit != null && !commit.isEmpty()) {
            return offsetsRequest("commit_offsets", commit, null);
        }
        Map<String, Long> mine = positions.get(process);
        if (mine == null || random.nextDouble() < ASSIGN_PROBABILITY) {
            return assign(keysToAssign(random), false, null, 1);
        }
        if (random.nextBoolean()) {
            return send(random);
        }
        return offsetsRequest("poll", mine, null);
    }

    private synchronized List<String> keysToAssign(SplittableRandom random) {
        List<String> keys = new ArrayList<>(activeKeys);
        if (random.nextInt(3) == 0) {
            sentMax.forEach((key, offset) -> {
                if (polledMax.getOrDefault(key, -1L) < offset && !keys.contains(key)) {
                    keys.add(key);
                }
            });
        }
        return keys;
    }

    private synchronized Request send(SplittableRandom random) {
        String key = activeKeys.get(random.nextInt(activeKeys.size()));
        int sends = sendsPerKey.merge(key, 1, Integer::sum);
        if (sends >= maxWritesPerKey) {
            activeKeys.set(activeKeys.indexOf(key), freshKey());
        }
        long msg = nextMsg++;
        ObjectNode value = Json.object().put("key", key).put("msg", msg);
        return Request.to("send", value, Json.object().put("type", "send").put("key", key).put("msg", msg));
    }

    private static Request assign(List<String> keys, boolean fromBeginning, String node, int attempt) {
        ObjectNode value = Json.object();
        keys.forEach(value.putArray("keys")::add);
        if (fromBeginning) {
            value.put("seek-to-beginning", true).put("attempt", attempt);
        }
        ObjectNode body = Json.object().put("type", "list_committed_offsets");
        keys.forEach(body.putArray("keys")::add);
        return new Request("assign", value, body, node);
    }

    /** A poll or commit_offsets of these offsets; the history's value and the body carry the same map. */
    private static Request offsetsRequest(String f, Map<String, Long> offsets, String node) {
        ObjectNode map = Json.object();
        offsets.forEach(map::put);
        ObjectNode value = Json.object();
        value.set("offsets", map);
        ObjectNode body = Json.object().put("type", f);
        body.set("offsets", map.deepCopy());
        return new Request(f, value, body, node);
    }

    @Override
    public void update(int process, Request request, Completion completion) {
        if (completion.type() != Op.Type.OK) {
            return;
        }
        JsonNode value = completion.value();
        switch (request.f()) {
            case "assign": {
                Map<String, Long> old = positions.getOrDefault(process, Map.of());
                Map<String, Long> assigned = new LinkedHashMap<>();
                boolean fromBeginning = value.path("seek-to-beginning").asBoolean();
                for (JsonNode key : value.path("keys")) {
                    String k = key.asText();
                    long start = fromBeginning ? 0 : old.containsKey(k) ? old.get(k) : value.path("offsets").path(k).asLong(0);
                    assigned.put(k, start);
                }
                positions.put(process, assigned);
                break;
            }
            case "send":
                synchronized (this) {
                    sentMax.merge(value.path("key").asText(), value.path("offset").asLong(), Math::max);
                }
                break;
            case "poll": {
                Map<String, Long> mine = positions.computeIfAbsent(process, p -> new LinkedHashMap<>());
                Map<String, Long> highest = new TreeMap<>();
                Iterator<Map.Entry<String, JsonNode>> keys = value.path("msgs").fields();
                while (keys.hasNext()) {
                    Map.Entry<String, JsonNode> entry = keys.next();
                    long max = -1;
                    for (JsonNode pair : entry.getValue()) {
                        max = Math.max(max, pair.get(0).asLong());
                    }
                    if (max >= 0) {
                        highest.put(entry.getKey(), max);
                        mine.merge(entry.getKey(), max + 1, Math::max);
                    }
                }
                synchronized (this) {
                    highest.forEach((key, max) -> polledMax.merge(key, max, Math::max));
                }
                if (!highest.isEmpty() && !request.value().path("final").asBoolean()) {
                    pendingCommits.put(process, highest);
                }
                break;
            }
            default:
                break;
        }
    }

    /** At each live node, an assign of every key from the beginning; its follow-ups poll until nothing is new. */
    @Override
    public synchronized List<Request> finalRequests(List<String> liveNodes) {
        finalNodes = List.copyOf(liveNodes);
        List<String> keys = List.copyOf(allKeys);
        return liveNodes.stream().map(node -> assign(keys, true, node, 1)).toList();
    }

    @Override
    public Request followUp(Request request, Completion completion) {
        JsonNode value = request.value();
        int attempt = value.path("attempt").asInt(1);
        boolean ok = completion.type() == Op.Type.OK;
        if (!ok) {
            if (attempt >= MAX_FINAL_ATTEMPTS || finalNodes.isEmpty()) {
                return null;
            }
            ObjectNode again = ((ObjectNode) value.deepCopy()).put("attempt", attempt + 1);
            return new Request(request.f(), again, request.body().deepCopy(), request.node());
        }
        Map<String, Long> next = new TreeMap<>();
        if (request.f().equals("assign")) {
            value.path("keys").forEach(k -> next.put(k.asText(), 0L));
        } else {
            int polls = value.path("poll").asInt(1);
            if (polls >= MAX_FINAL_POLLS) {
                return null;
            }
            Iterator<Map.Entry<String, JsonNode>> keys = value.path("offsets").fields();
            keys.forEachRemaining(e -> next.put(e.getKey(), e.getValue().asLong()));
            boolean advanced = false;
            Iterator<Map.Entry<String, JsonNode>> polled = completion.value().path("msgs").fields();
            while (polled.hasNext()) {
                Map.Entry<String, JsonNode> entry = polled.next();
                for (JsonNode pair : entry.getValue()) {
                    long following = pair.get(0).asLong() + 1;
                    if (following > next.getOrDefault(entry.getKey(), 0L)) {
                        next.put(entry.getKey(), following);
                        advanced = true;
                    }
                }
            }
            if (!advanced) {
                return null;
            }
        }
        Request poll = offsetsRequest("poll", next, request.node());
        ((ObjectNode) poll.value()).put("final", true).put("poll", request.f().equals("assign") ? 1
                : value.path("poll").asInt(1) + 1);
        return poll;
    }

    @Override
    public boolean idempotent(String f) {
        return f.equals("assign") || f.equals("poll");
    }

    @Override
    public Completion complete(Request request, String node, JsonNode reply) {
        if (!OpClient.isOk(request, reply)) {
            return null;
        }
        ObjectNode value = request.value().deepCopy();
        switch (request.f()) {
            case "send": {
                JsonNode offset = reply.get("offset");
                if (offset == null || !offset.isIntegralNumber()) {
                    return Completion.malformed(false, "send_ok without an integer offset");
                }
                value.put("offset", offset.asLong());
                return Completion.ok(value);
            }
            case "poll": {
                String problem = malformedMsgs(reply.get("msgs"));
                if (problem != null) {
                    return Completion.malformed(true, problem);
                }
                value.set("msgs", reply.get("msgs"));
                return Completion.ok(value);
            }
            case "assign": {
                JsonNode offsets = reply.get("offsets");
                if (offsets == null || !offsets.isObject()) {
                    return Completion.malformed(true, "list_committed_offsets_ok without an offsets object");
                }
                for (JsonNode offset : offsets) {
                    if (!offset.isIntegralNumber()) {
                        return Completion.malformed(true, "list_committed_offsets_ok with a non-integer offset " + offset);
                    }
                }
                value.set("offsets", offsets);
                return Completion.ok(value);
            }
            default:
                return Completion.ok(value);
        }
    }

    /** Why poll_ok's msgs is not a map of keys to arrays of [integer offset, msg] pairs; null if it is. */
    private static String malformedMsgs(JsonNode msgs) {
        if (msgs == null || !msgs.isObject()) {
            return "poll_ok without a msgs object";
        }
        Iterator<Map.Entry<String, JsonNode>> keys = msgs.fields();
        while (keys.hasNext()) {
            Map.Entry<String, JsonNode> entry = keys.next();
            if (!entry.getValue().isArray()) {
                return "poll_ok msgs of key " + entry.getKey() + " is not an array";
            }
            for (JsonNode pair : entry.getValue()) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isIntegralNumber()) {
                    return "poll_ok msgs of key " + entry.getKey() + " holds " + pair + ", not an [offset, msg] pair";
                }
            }
        }
        return null;
    }
}
