package io.stagger.harness.nemesis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of a nemesis schedule: one fault a line, each written as the simulator writes a fault in its replay
 * lines' {@code faults=} field ({@code io.stagger.sim.ScenarioText}), so that the same token means the same fault to
 * both: {@code crash@5s:n2}, {@code restart@9400ms:n2}, {@code pause@6s-8s:n3}, {@code partition@7s:n1+n2|n3+n4+n5},
 * {@code heal@12s}, {@code loss@3s-5s:0.3}, {@code slow@3s-5s:50ms}; and the harness's own {@code clock@3s-5s:n4}.
 * Several faults may share a line, separated by {@code ;} as in the simulator's field; {@code #} starts a comment.
 */
public final class ScheduleText {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m)");
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9_.-]+");

    private ScheduleText() {}

    /** The schedule as text: the comment lines given (without their {@code #}), then one fault a line. */
    public static String format(List<ScheduledFault> faults, List<String> comments) {
        StringBuilder text = new StringBuilder();
        for (String comment : comments) {
            text.append("# ").append(comment).append('\n');
        }
        for (ScheduledFault fault : faults) {
            text.append(formatFault(fault)).append('\n');
        }
        return text.toString();
    }

    /** One fault as a token of the simulator's {@code faults=} field (clock aside). */
    public static String formatFault(ScheduledFault fault) {
        if (fault instanceof ScheduledFault.Crash crash) {
            return "crash@" + time(crash.atMillis()) + ":" + crash.node();
        } else if (fault instanceof ScheduledFault.Restart restart) {
            return "restart@" + time(restart.atMillis()) + ":" + restart.node();
        } else if (fault instanceof ScheduledFault.Pause pause) {
            return "pause@" + window(pause) + ":" + pause.node();
        } else if (fault instanceof ScheduledFault.Clock clock) {
            return "clock@" + window(clock) + ":" + clock.node();
        } else if (fault instanceof ScheduledFault.Partition partition) {
            return "partition@" + time(partition.atMillis()) + ":"
                    + String.join("|", partition.sides().stream().map(ScheduleText::side).toList());
        } else if (fault instanceof ScheduledFault.Heal heal) {
            return "heal@" + time(heal.atMillis());
        } else if (fault instanceof ScheduledFault.Loss loss) {
            return "loss@" + window(loss) + ":" + loss.probability();
        }
        ScheduledFault.Slow slow = (ScheduledFault.Slow) fault;
        return "slow@" + window(slow) + ":" + time(slow.extraMillis());
    }

    /**
     * Reads a schedule for a run of the nodes {@code nodeIds}, with {@link ScheduledFault#MASTER} allowed where the
     * workload knows a master; throws {@link IllegalArgumentException} naming {@code source} and the line of the first
     * fault it cannot read. The faults come back in order of their start, as written where two start together.
     */
    public static List<ScheduledFault> parse(String text, String source, Collection<String> nodeIds,
            boolean masterKnown) {
        List<ScheduledFault> faults = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String token : content.split(";")) {
                if (token.isBlank()) {
                    continue;
                }
                try {
                    ScheduledFault fault = parseFault(token.strip());
                    for (String node : fault.nodes()) {
                        if (node.equals(ScheduledFault.MASTER) ? !masterKnown : !nodeIds.contains(node)) {
                            throw new IllegalArgumentException(node.equals(ScheduledFault.MASTER)
                                    ? "this workload knows no master to target"
                                    : "no node " + node + " in this run (" + String.join(", ", nodeIds) + ")");
                        }
                    }
                    faults.add(fault);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + " line " + (i + 1) + ", '" + token.strip() + "': "
                            + e.getMessage());
                }
            }
        }
        faults.sort(Comparator.comparingLong(ScheduledFault::atMillis));
        return List.copyOf(faults);
    }

    /** One token, as {@link #formatFault} writes it. */
    public static ScheduledFault parseFault(String token) {
        int at = token.indexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("expected KIND@TIME[:WHAT], such as crash@5s:n2");
        }
        int colon = token.indexOf(':', at);
        String kind = token.substring(0, at);
        String when = colon < 0 ? token.substring(at + 1) : token.substring(at + 1, colon);
        String what = colon < 0 ? "" : token.substring(colon + 1);
        boolean needsWhat = !kind.equals("heal");
        if (needsWhat && what.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs ':' and what it applies to");
        }
        if (!needsWhat && colon >= 0) {
            throw new IllegalArgumentException("heal takes no ':'");
        }
        return switch (kind) {
            case "crash" -> new ScheduledFault.Crash(millis(when), node(what));
            case "restart" -> new ScheduledFault.Restart(millis(when), node(what));
            case "pause" -> new ScheduledFault.Pause(millis(from(when)), millis(until(when)), node(what));
            case "clock" -> new ScheduledFault.Clock(millis(from(when)), millis(until(when)), node(what));
            case "partition" -> new ScheduledFault.Partition(millis(when), sides(what));
            case "heal" -> new ScheduledFault.Heal(millis(when));
            case "loss" -> new ScheduledFault.Loss(millis(from(when)), millis(until(when)), probability(what));
            case "slow" -> new ScheduledFault.Slow(millis(from(when)), millis(until(when)), millis(what));
            default -> throw new IllegalArgumentException("unknown fault '" + kind
                    + "'; one of crash, restart, pause, clock, partition, heal, loss, slow");
        };
    }

    /** Milliseconds as the simulator writes durations: {@code 5s}, {@code 5400ms}, {@code 0ms}. */
    public static String time(long millis) {
        return millis % 1000 == 0 && millis != 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static String window(ScheduledFault fault) {
        return time(fault.atMillis()) + "-" + time(fault.endMillis());
    }

    private static String side(Set<String> side) {
        return String.join("+", side.stream().sorted().toList());
    }

    private static List<Set<String>> sides(String text) {
        List<Set<String>> sides = new ArrayList<>();
        for (String side : text.split("\\|", -1)) {
            Set<String> nodes = new LinkedHashSet<>();
            for (String node : side.split("\\+", -1)) {
                if (!nodes.add(node(node))) {
                    throw new IllegalArgumentException(node + " twice in one side");
                }
            }
            sides.add(nodes);
        }
        List<String> all = sides.stream().flatMap(Set::stream).toList();
        if (all.size() != new LinkedHashSet<>(all).size()) {
            throw new IllegalArgumentException("a node in two sides");
        }
        return sides;
    }

    private static String node(String text) {
        if (!NODE.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a node id");
        }
        return text;
    }

    private static double probability(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a probability");
        }
    }

    private static String from(String window) {
        int dash = window.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("expected a window FROM-UNTIL, such as 5s-7s");
        }
        return window.substring(0, dash);
    }

    private static String until(String window) {
        return window.substring(window.indexOf('-') + 1);
    }

    /** A duration with a unit ({@code us}, {@code ms}, {@code s}, {@code m}), rounded to whole milliseconds. */
    private static long millis(String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time: write a number with a unit, such as "
                    + "500ms or 2s");
        }
        double amount = Double.parseDouble(m.group(1));
        double scale = switch (m.group(2)) {
            case "us" -> 0.001;
            case "ms" -> 1;
            case "s" -> 1000;
            default -> 60_000;
        };
        return Math.round(amount * scale);
    }
}
