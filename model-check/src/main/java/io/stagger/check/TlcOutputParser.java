package io.stagger.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads TLC's plain-text output: the verdict, the statistics and the trace, with the actions named. */
public final class TlcOutputParser {
    private static final Pattern VIOLATED = Pattern.compile(
            "^Error: (?:Invariant|Action property|Property) (\\w+) is violated.*");
    private static final Pattern STATS = Pattern.compile(
            "^([\\d,]+) states generated, ([\\d,]+) distinct states found, ([\\d,]+) states left on queue\\.");
    private static final Pattern SIMULATED = Pattern.compile(
            "^(?:The number of states generated: |Progress: )([\\d,]+)(?: states checked)?");
    private static final Pattern DEPTH = Pattern.compile("^The depth of the complete state graph search is (\\d+)\\.");
    private static final Pattern STATE = Pattern.compile("^State (\\d+): (.*)$");
    private static final Pattern BACK_TO = Pattern.compile("^Back to state (\\d+)");
    private static final Pattern LABEL = Pattern.compile("^<(\\w+) line (\\d+), col .* of module (\\w+)>$");
    private static final Pattern NAMED_DISJUNCT = Pattern.compile(":\\s*(\\w+)\\s*(\\(|$)");

    private final List<String> specLines;

    /** A parser that names actions with the help of the spec's text (TLC labels some by their disjunct's line). */
    public TlcOutputParser(List<String> specLines) {
        this.specLines = specLines;
    }

    /** Parses TLC's output lines; {@code exitCode} and {@code timedOut} complete the picture. */
    public TlcOutcome parse(List<String> lines, int exitCode, boolean timedOut) {
        String violated = null;
        String error = null;
        long distinct = -1;
        long generated = -1;
        long depth = -1;
        int loopBackTo = 0;
        boolean stutters = false;
        boolean completed = false;
        List<TraceState> trace = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher matcher;
            if ((matcher = VIOLATED.matcher(line)).matches()) {
                violated = matcher.group(1);
            } else if (line.startsWith("Error: Temporal properties were violated")) {
                violated = "Convergence";
            } else if (line.startsWith("Error: The behavior up to this point is") && violated == null
                    && error == null) {
                // Distributed TLC reports a violated invariant or action property without naming it.
                violated = "an invariant or action property";
            } else if (line.startsWith("Error: Deadlock reached")) {
                violated = "Deadlock";
            } else if ((matcher = STATS.matcher(line)).find()) {
                generated = number(matcher.group(1));
                distinct = number(matcher.group(2));
            } else if ((matcher = SIMULATED.matcher(line)).find()) {
                generated = number(matcher.group(1));
            } else if ((matcher = DEPTH.matcher(line)).find()) {
                depth = Long.parseLong(matcher.group(1));
            } else if (line.startsWith("Model checking completed. No error has been found")) {
                completed = true;
            } else if ((matcher = STATE.matcher(line)).matches()) {
                if (matcher.group(2).trim().equals("Stuttering")) {
                    stutters = true;
                } else {
                    i = readState(lines, i, Integer.parseInt(matcher.group(1)), matcher.group(2), trace);
                }
            } else if ((matcher = BACK_TO.matcher(line)).find()) {
                loopBackTo = Integer.parseInt(matcher.group(1));
            } else if (line.startsWith("Error: ") && violated == null && error == null
                    && !line.startsWith("Error: The behavior") && !line.startsWith("Error: The following")) {
                error = collectError(lines, i);
            }
        }
        Verdict verdict;
        if (violated != null) {
            verdict = Verdict.VIOLATED;
        } else if (timedOut) {
            verdict = Verdict.TIMEOUT;
        } else if (error != null || (exitCode != 0) || (!completed && distinct < 0 && generated < 0)) {
            verdict = Verdict.ERROR;
            if (error == null) {
                error = "TLC exited with code " + exitCode;
            }
        } else {
            verdict = Verdict.PASS;
        }
        return new TlcOutcome(verdict, violated, distinct, generated, depth, trace, loopBackTo, stutters,
                verdict == Verdict.ERROR ? error : null);
    }

    private int readState(List<String> lines, int start, int number, String label, List<TraceState> trace) {
        Map<String, TlaValue> variables = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                break;
            }
            if (line.startsWith("/\\ ")) {
                put(variables, name, value);
                int equals = line.indexOf(" = ");
                name = line.substring(3, equals).trim();
                value.setLength(0);
                value.append(line.substring(equals + 3));
            } else {
                value.append(' ').append(line.trim());
            }
        }
        put(variables, name, value);
        trace.add(new TraceState(number, actionName(label), variables));
        return i;
    }

    private static void put(Map<String, TlaValue> variables, String name, StringBuilder value) {
        if (name != null) {
            variables.put(name, TlaValue.parse(value.toString()));
        }
    }

    /** The spec operator that TLC's label stands for: the label itself, or the action named on its line. */
    String actionName(String label) {
        String trimmed = label.trim();
        if (trimmed.equals("<Initial predicate>")) {
            return "Init";
        }
        Matcher matcher = LABEL.matcher(trimmed);
        if (!matcher.matches()) {
            return trimmed;
        }
        String name = matcher.group(1);
        int line = Integer.parseInt(matcher.group(2));
        if (matcher.group(3).equals("StaggeredElection") && line >= 1 && line <= specLines.size()) {
            Matcher disjunct = NAMED_DISJUNCT.matcher(specLines.get(line - 1));
            if (specLines.get(line - 1).contains("\\E") && disjunct.find()) {
                return disjunct.group(1);
            }
        }
        return name;
    }

    private static String collectError(List<String> lines, int start) {
        StringBuilder text = new StringBuilder(lines.get(start).substring("Error: ".length()));
        for (int i = start + 1; i < lines.size() && i < start + 8 && !lines.get(i).isBlank(); i++) {
            text.append(' ').append(lines.get(i).trim());
        }
        return text.toString();
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
