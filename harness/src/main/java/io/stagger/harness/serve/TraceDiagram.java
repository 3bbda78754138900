package io.stagger.harness.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated trace as a sequence diagram: the events of {@code TraceData.tla} (written by {@code stagger check
 * --trace}: one record per line, the merged trace of every node), a row per event. A receive is drawn as an arrow
 * from the sender's latest event before it (a trace records the steps, not the sends).
 */
final class TraceDiagram {
    private static final Pattern RECORD = Pattern.compile("^\\s*,?\\s*\\[(.*)]\\s*(?:\\\\\\*\\s*(\\d+)\\s+(\\S+))?\\s*$");
    private static final Pattern FIELD = Pattern.compile("(\\w+) \\|-> (\"[^\"]*\"|-?\\d+)");

    /** One event of the trace, as TraceData.tla records it. */
    record Event(Map<String, String> fields, String source) {
        int number(String field) {
            try {
                return Integer.parseInt(fields.getOrDefault(field, "0"));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        String text(String field) {
            return fields.getOrDefault(field, "").replace("\"", "");
        }

        String state() {
            String role = text("role");
            return role + (role.equals("BACKUP") ? " of n" + number("master") : "") + " (epoch " + number("epoch") + ")";
        }
    }

    private TraceDiagram() {}

    static List<Event> events(List<String> lines) {
        List<Event> events = new ArrayList<>();
        for (String line : lines) {
            Matcher record = RECORD.matcher(line);
            if (!record.matches() || !record.group(1).contains("srv |->")) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            Matcher field = FIELD.matcher(record.group(1));
            while (field.find()) {
                fields.put(field.group(1), field.group(2));
            }
            events.add(new Event(fields, record.group(3) == null ? "" : record.group(3)));
        }
        return events;
    }

    /** Events {@code from} (0-based) to {@code to} (exclusive), event {@code rejected} (0-based, -1: none) marked. */
    static SequenceDiagram of(List<Event> events, int from, int to, int rejected) {
        int servers = 1;
        for (Event event : events) {
            servers = Math.max(servers, event.number("srv"));
        }
        List<String> states = new ArrayList<>();
        for (int s = 0; s < servers; s++) {
            states.add("");
        }
        Map<Integer, Integer> lastStepOf = new HashMap<>();
        SequenceDiagram diagram = new SequenceDiagram(servers);
        diagram.firstNumber(from + 1);
        for (int i = 0; i < to; i++) {
            Event event = events.get(i);
            int server = event.number("srv");
            if (server < 1) {
                continue;
            }
            states.set(server - 1, event.state());
            if (i < from) {
                continue;
            }
            int index = diagram.steps().size();
            int sender = event.number("from");
            String type = event.text("type");
            String message = type;
            if (!type.isEmpty() && sender > 0) {
                message = type + (event.number("mmaster") > 0 ? "(n" + event.number("mmaster")
                        + (event.number("mrevoked") > 0 ? " revokes n" + event.number("mrevoked") : "") + ", epoch "
                        + event.number("mepoch") + ")" : "");
                diagram.arrow(new SequenceDiagram.Arrow(sender, lastStepOf.getOrDefault(sender, index), server, index,
                        message));
            }
            String text = String.format(Locale.ROOT, "t=%.3f ms n%d %s%s → %s  [%s]", event.number("t") / 1000.0, server,
                    event.text("action"), sender > 0 ? ": " + message + " from n" + sender : "", event.state(), event.source());
            diagram.step(new SequenceDiagram.Step(text, server, List.copyOf(states), i == rejected));
            lastStepOf.put(server, index);
        }
        return diagram;
    }
}
