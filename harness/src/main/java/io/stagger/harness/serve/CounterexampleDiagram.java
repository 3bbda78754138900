package io.stagger.harness.serve;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A counterexample of {@code bin/stagger check} as a sequence diagram. It reads the report's numbered steps (the
 * model checker's Counterexample: "Start: n1 MASTER, n2 BACKUP of n1", "**ReceiveDeclare**: n3 receives declare(n2)
 * from n2; n3 WAITING → BACKUP of n2; sends ... — MASTER: n2", "time passes: 2 ticks", "and again from step 11,
 * forever") and matches each message received to the step that sent it.
 */
final class CounterexampleDiagram {
    private static final String STATE = "(?:MASTER|BACKUP of n\\d+|WAITING|down)(?: \\(epoch \\d+\\))?";
    private static final Pattern STEP = Pattern.compile("^\\d+\\. (.*)$");
    private static final Pattern SERVER_STATE = Pattern.compile("n(\\d+) (" + STATE + ")");
    private static final Pattern CHANGE = Pattern.compile("n(\\d+) " + STATE + " → (" + STATE + ")");
    private static final Pattern FIRES = Pattern.compile("n(\\d+) \\((" + STATE + ")\\) fires its timer");
    private static final Pattern RECEIVES = Pattern.compile(": n(\\d+) receives (.+?) from n(\\d+)(?:;| —)");
    private static final Pattern LOSES = Pattern.compile("the network loses (.+?) from n(\\d+) to n(\\d+)");
    private static final Pattern SENDS = Pattern.compile("; sends (.+?) — MASTER");
    private static final Pattern SEND = Pattern.compile("^(.+) to ((?:n\\d+)(?:, n\\d+)*)$");
    private static final Pattern LOOP = Pattern.compile("^and again from step (\\d+)");

    private record Pending(String message, int from, int to, int step) {}

    private CounterexampleDiagram() {}

    /** The steps of a markdown list, without their numbers. */
    static List<String> steps(List<String> lines) {
        List<String> steps = new ArrayList<>();
        for (String line : lines) {
            Matcher step = STEP.matcher(line.strip());
            if (step.matches()) {
                steps.add(step.group(1));
            }
        }
        return steps;
    }

    /** The diagram of the steps, or null if they do not start with the servers' start states. */
    static SequenceDiagram of(List<String> steps) {
        if (steps.isEmpty() || !steps.get(0).startsWith("Start: ")) {
            return null;
        }
        List<String> states = new ArrayList<>();
        Matcher start = SERVER_STATE.matcher(steps.get(0).split(" — ")[0]);
        while (start.find()) {
            states.add(start.group(2));
        }
        if (states.isEmpty()) {
            return null;
        }
        SequenceDiagram diagram = new SequenceDiagram(states.size());
        diagram.step(new SequenceDiagram.Step(steps.get(0).replace("**", ""), 0, List.copyOf(states), false));
        List<Pending> pending = new ArrayList<>();
        for (String text : steps.subList(1, steps.size())) {
            Matcher loop = LOOP.matcher(text);
            if (loop.find()) {
                diagram.loopFrom(Integer.parseInt(loop.group(1)) - 1);
            }
            int index = diagram.steps().size();
            int actor = 0;
            Matcher receives = RECEIVES.matcher(text);
            if (receives.find()) {
                actor = Integer.parseInt(receives.group(1));
                int from = Integer.parseInt(receives.group(3));
                Pending sent = take(pending, receives.group(2), from, actor);
                diagram.arrow(new SequenceDiagram.Arrow(from, sent == null ? index : sent.step(), actor, index,
                        receives.group(2)));
            }
            Matcher loses = LOSES.matcher(text);
            if (loses.find()) {
                Pending lost = take(pending, loses.group(1), Integer.parseInt(loses.group(2)),
                        Integer.parseInt(loses.group(3)));
                if (lost != null) {
                    diagram.arrow(new SequenceDiagram.Arrow(lost.from(), lost.step(), lost.to(), index,
                            lost.message() + " (lost)"));
                }
            }
            Matcher change = CHANGE.matcher(text);
            while (change.find()) {
                int server = Integer.parseInt(change.group(1));
                if (server <= states.size()) {
                    states.set(server - 1, change.group(2));
                    actor = actor == 0 ? server : actor;
                }
            }
            Matcher fires = FIRES.matcher(text);
            if (fires.find() && actor == 0) {
                actor = Integer.parseInt(fires.group(1));
            }
            Matcher sends = SENDS.matcher(text);
            if (sends.find()) {
                for (String part : sends.group(1).split("; ")) {
                    Matcher send = SEND.matcher(part);
                    if (send.matches()) {
                        for (String to : send.group(2).split(", ")) {
                            pending.add(new Pending(send.group(1), actor, Integer.parseInt(to.substring(1)), index));
                        }
                    }
                }
            }
            diagram.step(new SequenceDiagram.Step(text.replace("**", ""), actor > states.size() ? 0 : actor,
                    List.copyOf(states), false));
        }
        for (Pending never : pending) {
            if (never.from() > 0) {
                diagram.arrow(new SequenceDiagram.Arrow(never.from(), never.step(), never.to(), -1, never.message()));
            }
        }
        return diagram;
    }

    /** The earliest message in flight with this text from {@code from} to {@code to}, removed; null if none. */
    private static Pending take(List<Pending> pending, String message, int from, int to) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending candidate = it.next();
            if (candidate.message().equals(message) && candidate.from() == from && candidate.to() == to) {
                it.remove();
                return candidate;
            }
        }
        return null;
    }
}
