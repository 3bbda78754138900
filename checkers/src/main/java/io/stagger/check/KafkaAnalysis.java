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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The state of one run of {@link KafkaChecker} over a history. */
final class KafkaAnalysis {
    /** Examples listed per anomaly. */
    static final int MAX_LISTED = KafkaChecker.MAX_LISTED;
    /** The anomalies, in the order the verdict names them. */
    static final List<String> ANOMALIES = List.of("lost-write", "inconsistent-offsets", "duplicate",
            "int-poll-nonmonotonic", "ext-poll-nonmonotonic", "int-poll-skip", "ext-poll-skip", "send-nonmonotonic",
            "committed-offset-backwards", "unobserved");

    private record Sent(Op complete, String key, String msg, long offset) {}

    /** One key's log: offsets to the messages seen there, and messages to their offsets. */
    private static final class Log {
        final TreeMap<Long, Set<String>> byOffset = new TreeMap<>();
        final Map<String, TreeSet<Long>> offsetsOf = new HashMap<>();
        final Map<String, Integer> firstWitness = new HashMap<>();
        Map<Long, Integer> index;

        void saw(long offset, String msg, int opIndex) {
            byOffset.computeIfAbsent(offset, o -> new TreeSet<>()).add(msg);
            offsetsOf.computeIfAbsent(msg, m -> new TreeSet<>()).add(offset);
            firstWitness.putIfAbsent(offset + " " + msg, opIndex);
        }

        int index(long offset) {
            if (index == null) {
                index = new HashMap<>();
                for (Long known : byOffset.keySet()) {
                    index.put(known, index.size());
                }
            }
            return index.get(offset);
        }

        List<Long> between(long from, long to) {
            return List.copyOf(byOffset.subMap(from, false, to, false).keySet());
        }
    }

    private final Map<String, ArrayNode> cases = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /** Analyses one history; an analysis is used once. */
    CheckResult check(CheckContext context) {
        ANOMALIES.forEach(a -> {
            cases.put(a, Json.MAPPER.createArrayNode());
            counts.put(a, 0);
        });
        List<History.Pair> pairs = History.pairs(context.history());
        Map<String, Log> logs = new TreeMap<>();
        List<Sent> sent = new ArrayList<>();
        List<History.Pair> polls = new ArrayList<>();
        boolean finalPolled = false;
        for (History.Pair pair : pairs) {
            if (!pair.ok()) {
                continue;
            }
            JsonNode value = pair.complete().value();
            if (pair.invoke().f().equals("send")) {
                Sent s = new Sent(pair.complete(), value.path("key").asText(), msg(value.get("msg")),
                        value.path("offset").asLong());
                sent.add(s);
                logs.computeIfAbsent(s.key, k -> new Log()).saw(s.offset, s.msg, pair.complete().index());
            } else if (pair.invoke().f().equals("poll")) {
                polls.add(pair);
                finalPolled |= pair.invoke().isFinal();
                forEachPolled(value, (key, offset, msg) -> logs.computeIfAbsent(key, k -> new Log()).saw(offset, msg,
                        pair.complete().index()));
            }
        }
        offsets(logs);
        Map<String, Set<String>> polled = new HashMap<>();
        for (History.Pair poll : polls) {
            forEachPolled(poll.complete().value(), (key, offset, msg) ->
                    polled.computeIfAbsent(key, k -> new HashSet<>()).add(msg));
        }
        lostAndUnobserved(logs, sent, polls, polled, finalPolled);
        polls.forEach(poll -> internalPoll(logs, poll.complete()));
        perProcess(logs, pairs);
        committed(pairs);
        ObjectNode details = Json.object().put("send-count", sent.size()).put("poll-count", polls.size())
                .put("key-count", logs.size());
        ObjectNode maxOffsets = details.putObject("max-offsets");
        logs.forEach((key, log) -> maxOffsets.put(key, log.byOffset.isEmpty() ? -1 : log.byOffset.lastKey()));
        ObjectNode anomalies = details.putObject("anomaly-counts");
        counts.forEach(anomalies::put);
        ObjectNode listed = details.putObject("anomalies");
        cases.forEach((name, list) -> {
            if (!list.isEmpty()) {
                listed.set(name, list);
            }
        });
        List<String> found = ANOMALIES.stream().filter(a -> counts.get(a) > 0).toList();
        if (!found.isEmpty()) {
            StringBuilder reason = new StringBuilder("kafka anomalies:");
            found.forEach(a -> reason.append(' ').append(a).append(" ").append(counts.get(a)));
            String first = found.get(0);
            reason.append("; first ").append(first).append(": ").append(Json.write(describe(cases.get(first).get(0))));
            return CheckResult.invalid(reason.toString(), details);
        }
        if (!finalPolled) {
            return CheckResult.invalid("no final poll succeeded", details);
        }
        return CheckResult.valid(details);
    }

    /** An anomaly without its operations, for the one-line reason. */
    private static JsonNode describe(JsonNode anomaly) {
        ObjectNode copy = anomaly.deepCopy();
        copy.remove("ops");
        return copy;
    }

    private void offsets(Map<String, Log> logs) {
        logs.forEach((key, log) -> {
            log.byOffset.forEach((offset, msgs) -> {
                if (msgs.size() > 1) {
                    ObjectNode c = anomaly("inconsistent-offsets", key).put("offset", offset);
                    msgs.forEach(c.putArray("msgs")::add);
                    ArrayNode ops = c.putArray("ops");
                    msgs.forEach(m -> ops.add(log.firstWitness.get(offset + " " + m)));
                }
            });
            log.offsetsOf.forEach((msg, offsets) -> {
                if (offsets.size() > 1) {
                    ObjectNode c = anomaly("duplicate", key).put("msg", msg);
                    offsets.forEach(c.putArray("offsets")::add);
                    ArrayNode ops = c.putArray("ops");
                    offsets.forEach(o -> ops.add(log.firstWitness.get(o + " " + msg)));
                }
            });
        });
    }

    /**
     * Lost: per key, the highest index any poll reached (by each polled message's first offset); every acknowledged
     * message whose every offset lies at or below it must have been polled. Unobserved: the other acknowledged
     * messages no poll showed.
     */
    private void lostAndUnobserved(Map<String, Log> logs, List<Sent> sent, List<History.Pair> polls,
            Map<String, Set<String>> polled, boolean finalPolled) {
        Map<String, Long> reach = new HashMap<>();
        Map<String, Integer> reachedBy = new HashMap<>();
        for (History.Pair poll : polls) {
            forEachPolled(poll.complete().value(), (key, offset, msg) -> {
                long first = logs.get(key).offsetsOf.get(msg).first();
                if (first > reach.getOrDefault(key, -1L)) {
                    reach.put(key, first);
                    reachedBy.put(key, poll.complete().index());
                }
            });
        }
        for (Sent s : sent) {
            if (polled.getOrDefault(s.key, Set.of()).contains(s.msg)) {
                continue;
            }
            long last = logs.get(s.key).offsetsOf.get(s.msg).last();
            if (last <= reach.getOrDefault(s.key, -1L)) {
                ObjectNode c = anomaly("lost-write", s.key).put("msg", s.msg).put("offset", s.offset)
                        .put("max-polled-offset", reach.get(s.key));
                c.putArray("ops").add(s.complete.index()).add(reachedBy.get(s.key));
            } else if (finalPolled) {
                ObjectNode c = anomaly("unobserved", s.key).put("msg", s.msg).put("offset", s.offset);
                c.putArray("ops").add(s.complete.index());
            }
        }
    }

    /** Within one poll, each key's offsets go up one known offset at a time. */
    private void internalPoll(Map<String, Log> logs, Op poll) {
        Map<String, List<Long>> byKey = new LinkedHashMap<>();
        forEachPolled(poll.value(), (key, offset, msg) -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(offset));
        byKey.forEach((key, offsets) -> {
            for (int i = 1; i < offsets.size(); i++) {
                step(logs.get(key), key, offsets.get(i - 1), offsets.get(i), "int-poll", List.of(poll.index()));
            }
        });
    }

    /** From offset `from` to offset `to` of a key: one known offset up is right; staying or going back, or a jump. */
    private void step(Log log, String key, long from, long to, String prefix, List<Integer> ops) {
        int delta = log.index(to) - log.index(from);
        if (delta == 1) {
            return;
        }
        ObjectNode c;
        if (delta < 1) {
            c = anomaly(prefix + "-nonmonotonic", key);
        } else {
            c = anomaly(prefix + "-skip", key);
            log.between(from, to).forEach(c.putArray("skipped-offsets")::add);
        }
        c.putArray("offsets").add(from).add(to);
        c.put("delta", delta);
        ops.forEach(c.putArray("ops")::add);
    }

    /** Each process's successive polls and sends of a key; an assign keeps only its keys (from the start: none). */
    private void perProcess(Map<String, Log> logs, List<History.Pair> pairs) {
        Map<Integer, Map<String, long[]>> lastPoll = new HashMap<>();
        Map<Integer, Map<String, long[]>> lastSend = new HashMap<>();
        for (History.Pair pair : pairs) {
            if (!pair.ok()) {
                continue;
            }
            int process = pair.invoke().process();
            Map<String, long[]> polls = lastPoll.computeIfAbsent(process, p -> new HashMap<>());
            Map<String, long[]> sends = lastSend.computeIfAbsent(process, p -> new HashMap<>());
            JsonNode value = pair.complete().value();
            switch (pair.invoke().f()) {
                case "assign": {
                    Set<String> keys = new HashSet<>();
                    value.path("keys").forEach(k -> keys.add(k.asText()));
                    if (value.path("seek-to-beginning").asBoolean()) {
                        keys.clear();
                    }
                    polls.keySet().retainAll(keys);
                    sends.keySet().retainAll(keys);
                    break;
                }
                case "poll": {
                    Map<String, List<Long>> byKey = new LinkedHashMap<>();
                    forEachPolled(value, (key, offset, msg) -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(offset));
                    int index = pair.complete().index();
                    byKey.forEach((key, offsets) -> {
                        long[] last = polls.get(key);
                        if (last != null) {
                            step(logs.get(key), key, last[0], offsets.get(0), "ext-poll", List.of((int) last[1], index));
                        }
                        polls.put(key, new long[] {offsets.get(offsets.size() - 1), index});
                    });
                    break;
                }
                case "send": {
                    String key = value.path("key").asText();
                    long offset = value.path("offset").asLong();
                    long[] last = sends.get(key);
                    int index = pair.complete().index();
                    if (last != null && logs.get(key).index(offset) <= logs.get(key).index(last[0])) {
                        ObjectNode c = anomaly("send-nonmonotonic", key);
                        c.putArray("offsets").add(last[0]).add(offset);
                        c.putArray("ops").add((int) last[1]).add(index);
                    }
                    sends.put(key, new long[] {offset, index});
                    break;
                }
                default:
                    break;
            }
        }
    }

    /**
     * A key's committed offset never goes back: a list_committed_offsets (an assign) must answer at least what a
     * commit_offsets acknowledged, or a list answered, before it began.
     */
    private void committed(List<History.Pair> pairs) {
        List<History.Pair> known = new ArrayList<>();
        for (History.Pair pair : pairs) {
            String f = pair.invoke().f();
            if (pair.ok() && (f.equals("commit_offsets") || f.equals("assign"))) {
                known.add(pair);
            }
        }
        for (History.Pair list : known) {
            if (!list.invoke().f().equals("assign")) {
                continue;
            }
            JsonNode answered = list.complete().value().path("offsets");
            for (JsonNode keyNode : list.invoke().value().path("keys")) {
                String key = keyNode.asText();
                long highest = -1;
                History.Pair witness = null;
                for (History.Pair before : known) {
                    JsonNode offset = before.complete().value().path("offsets").get(key);
                    if (before.complete().time() < list.invoke().time() && offset != null && offset.asLong() > highest) {
                        highest = offset.asLong();
                        witness = before;
                    }
                }
                if (witness != null && (!answered.has(key) || answered.get(key).asLong() < highest)) {
                    ObjectNode c = anomaly("committed-offset-backwards", key).put("committed", highest);
                    c.set("answered", answered.has(key) ? answered.get(key) : Json.MAPPER.nullNode());
                    c.putArray("ops").add(witness.complete().index()).add(list.complete().index());
                }
            }
        }
    }

    /** Counts an anomaly and returns its entry to fill in (a detached one once {@link #MAX_LISTED} are listed). */
    private ObjectNode anomaly(String name, String key) {
        counts.merge(name, 1, Integer::sum);
        ArrayNode list = cases.get(name);
        if (list.size() >= MAX_LISTED) {
            return Json.object();
        }
        return list.addObject().put("key", key);
    }

    @FunctionalInterface
    private interface PolledVisitor {
        void visit(String key, long offset, String msg);
    }

    /** Every [offset, msg] of a completed poll's msgs, key by key, in the order the node gave them. */
    private static void forEachPolled(JsonNode pollValue, PolledVisitor visitor) {
        Iterator<Map.Entry<String, JsonNode>> keys = pollValue.path("msgs").fields();
        while (keys.hasNext()) {
            Map.Entry<String, JsonNode> entry = keys.next();
            for (JsonNode pair : entry.getValue()) {
                visitor.visit(entry.getKey(), pair.get(0).asLong(), msg(pair.get(1)));
            }
        }
    }

    /** A message as text: integers as numbers (a send's 3 is a poll's 3), anything else as its JSON. */
    private static String msg(JsonNode msg) {
        return msg == null ? "null" : msg.isIntegralNumber() ? String.valueOf(msg.asLong()) : Json.write(msg);
    }
}
