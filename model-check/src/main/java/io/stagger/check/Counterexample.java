package io.stagger.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Rewrites a TLC trace as a numbered list of protocol steps: which server did what, what it sent, and who is MASTER
 * after it. Consecutive ticks are merged; a temporal counterexample ends with the part that repeats forever.
 */
public final class Counterexample {
    private final TlcOutcome outcome;
    private final boolean epochs;

    /** A renderer for {@code outcome}'s trace; {@code epochs} shows epochs when the variant uses them. */
    public Counterexample(TlcOutcome outcome, boolean epochs) {
        this.outcome = outcome;
        this.epochs = epochs;
    }

    /** The steps as markdown list items, without the leading number. */
    public List<String> steps() {
        List<TraceState> trace = outcome.trace();
        List<String> steps = new ArrayList<>();
        Map<Integer, Integer> stepOfState = new LinkedHashMap<>();
        int ticks = 0;
        for (int k = 0; k < trace.size(); k++) {
            TraceState state = trace.get(k);
            if (k == 0) {
                stepOfState.put(state.number(), steps.size() + 1);
                steps.add("Start: " + everyone(state) + masters(state));
                continue;
            }
            TraceState before = trace.get(k - 1);
            if (state.action().equals("Tick")) {
                ticks++;
                boolean lastTick = k + 1 == trace.size() || !trace.get(k + 1).action().equals("Tick")
                        || trace.get(k + 1).number() == outcome.loopBackTo();
                if (lastTick) {
                    stepOfState.put(state.number(), steps.size() + 1);
                    steps.add("time passes: " + ticks + (ticks == 1 ? " tick" : " ticks"));
                    ticks = 0;
                } else {
                    stepOfState.put(state.number(), steps.size() + 2);
                }
                continue;
            }
            stepOfState.put(state.number(), steps.size() + 1);
            steps.add(describe(before, state));
        }
        if (outcome.loopBackTo() > 0) {
            Integer from = stepOfState.get(outcome.loopBackTo() + 1);
            steps.add("and again from step " + (from == null ? stepOfState.get(outcome.loopBackTo()) : from)
                    + ", forever: the group never converges");
        } else if (outcome.stutters()) {
            steps.add("nothing happens any more: the last state stays forever and the group never converges");
        }
        return steps;
    }

    /** The steps as a numbered markdown list. */
    public String markdown() {
        StringBuilder text = new StringBuilder();
        List<String> steps = steps();
        for (int i = 0; i < steps.size(); i++) {
            text.append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        return text.toString();
    }

    private String describe(TraceState before, TraceState after) {
        StringBuilder text = new StringBuilder("**").append(after.action()).append("**");
        List<TlaValue> consumed = minus(before.get("net").items(), after.get("net").items());
        List<TlaValue> sent = minus(after.get("net").items(), before.get("net").items());
        String action = after.action();
        if (action.startsWith("Receive") && consumed.size() == 1) {
            TlaValue message = consumed.get(0);
            text.append(": ").append(server(message.field("to"))).append(" receives ").append(message(message))
                    .append(" from ").append(server(message.field("from")));
        } else if (action.equals("Lose") && consumed.size() == 1) {
            text.append(": the network loses ").append(message(consumed.get(0))).append(" from ")
                    .append(server(consumed.get(0).field("from"))).append(" to ")
                    .append(server(consumed.get(0).field("to")));
            sent = List.of();
        } else if (action.equals("Late")) {
            text.append(": a message in flight is delayed beyond D");
        } else if (action.equals("Partition")) {
            text.append(": the network splits into ").append(sides(after));
        } else if (action.equals("Heal")) {
            text.append(": the partition heals");
        }
        String changes = changes(before, after);
        if (!changes.isEmpty()) {
            text.append(action.startsWith("Receive") || action.equals("Partition") ? "; " : ": ").append(changes);
        } else if (action.startsWith("Receive") && sent.isEmpty()) {
            text.append("; no change");
        }
        if (!sent.isEmpty()) {
            text.append("; sends ").append(sends(sent));
        }
        return text.append(masters(after)).toString();
    }

    private String changes(TraceState before, TraceState after) {
        StringJoiner changes = new StringJoiner(", ");
        int servers = after.get("role").items().size();
        for (int i = 0; i < servers; i++) {
            String was = serverState(before, i);
            String now = serverState(after, i);
            if (!was.equals(now)) {
                changes.add("n" + (i + 1) + " " + was + " → " + now);
            } else if (after.action().matches("DetectionTick|AnnounceTick|InquiryTimeout|ElectionTimeout")
                    && timersChanged(before, after, i)) {
                changes.add("n" + (i + 1) + " (" + now + ") fires its timer");
            }
        }
        return changes.toString();
    }

    private static boolean timersChanged(TraceState before, TraceState after, int i) {
        for (String timer : List.of("timerDetection", "timerInquiry", "timerElection", "timerAnnounce")) {
            if (!before.get(timer).items().get(i).equals(after.get(timer).items().get(i))) {
                return true;
            }
        }
        return false;
    }

    private String everyone(TraceState state) {
        StringJoiner all = new StringJoiner(", ");
        for (int i = 0; i < state.get("role").items().size(); i++) {
            all.add("n" + (i + 1) + " " + serverState(state, i));
        }
        return all.toString();
    }

    private String serverState(TraceState state, int i) {
        if (state.get("up").items().get(i).asText().equals("FALSE")) {
            return "down";
        }
        String role = state.get("role").items().get(i).asText();
        StringBuilder text = new StringBuilder(role);
        if (role.equals("BACKUP")) {
            text.append(" of ").append(server(state.get("master").items().get(i)));
        }
        if (epochs) {
            text.append(" (epoch ").append(state.get("epoch").items().get(i).asLong()).append(')');
        }
        return text.toString();
    }

    private static String masters(TraceState state) {
        StringJoiner masters = new StringJoiner(", ");
        List<TlaValue> roles = state.get("role").items();
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).asText().equals("MASTER") && state.get("up").items().get(i).asText().equals("TRUE")) {
                masters.add("n" + (i + 1));
            }
        }
        return " — MASTER: " + (masters.length() == 0 ? "none" : masters.toString());
    }

    private static String sides(TraceState state) {
        List<TlaValue> cut = state.get("cut").items();
        StringJoiner side = new StringJoiner(", ", "{", "}");
        StringJoiner rest = new StringJoiner(", ", "{", "}");
        for (int i = 1; i <= state.get("role").items().size(); i++) {
            boolean inCut = cut.contains(new TlaValue.Int(i));
            (inCut ? side : rest).add("n" + i);
        }
        return rest + " | " + side;
    }

    private String sends(List<TlaValue> sent) {
        Map<String, StringJoiner> byMessage = new LinkedHashMap<>();
        for (TlaValue message : sent) {
            byMessage.computeIfAbsent(message(message), key -> new StringJoiner(", "))
                    .add(server(message.field("to")));
        }
        StringJoiner text = new StringJoiner("; ");
        byMessage.forEach((message, receivers) -> text.add(message + " to " + receivers));
        return text.toString();
    }

    private String message(TlaValue message) {
        String type = message.field("type").asText();
        String epoch = epochs ? ", epoch " + message.field("epoch").asLong() : "";
        return switch (type) {
            case "inquiry" -> "inquiry";
            case "inquiry_ok" -> "inquiry_ok(master " + server(message.field("master")) + epoch + ")";
            case "declare" -> "declare(" + server(message.field("master")) + epoch + ")";
            case "revoke" -> "revoke(" + server(message.field("revoked")) + " by " + server(message.field("master"))
                    + epoch + ")";
            default -> type;
        };
    }

    private static String server(TlaValue id) {
        long number = id.asLong();
        return number == 0 ? "none" : "n" + number;
    }

    /** Messages of {@code from} that are not in {@code other}, ignoring the remaining delay. */
    private static List<TlaValue> minus(List<TlaValue> from, List<TlaValue> other) {
        List<TlaValue> left = new ArrayList<>();
        List<Map<String, TlaValue>> others = new ArrayList<>();
        for (TlaValue message : other) {
            others.add(withoutDue(message));
        }
        for (TlaValue message : from) {
            if (!others.remove(withoutDue(message))) {
                left.add(message);
            }
        }
        return left;
    }

    private static Map<String, TlaValue> withoutDue(TlaValue message) {
        Map<String, TlaValue> fields = new LinkedHashMap<>(((TlaValue.Rec) message).fields());
        fields.remove("due");
        return fields;
    }
}
