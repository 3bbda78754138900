package io.stagger.sim;

import io.stagger.core.Config;
import io.stagger.core.DelayBounds;
import io.stagger.core.Durations;
import io.stagger.core.RankRule;
import io.stagger.core.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one-line text form of a {@link Scenario}, printed with every failing property so that the run can be replayed:
 * {@code seed=42 ids=n1,n2,n3 variants=announce,epochs P=100ms T=50ms B=100ms d=20ms ranks=position
 * faults=start@40ms:n2;crash@150ms:n1;restart@300ms:n1;partition@1s:n1+n2|n3;heal@2s;loss@1s-2s:0.5;slow@1s-2s:30ms}.
 * A delay matrix reads {@code d=n1>n2:10ms,n2>n1:5ms,*:20ms} ({@code *} is the fallback), capability ranks
 * {@code ranks=n1:3,n2:5}.
 */
public final class ScenarioText {
    private ScenarioText() {}

    /** The text form of {@code scenario}. */
    public static String format(Scenario scenario) {
        Config config = scenario.config();
        return "seed=" + scenario.seed()
                + " ids=" + String.join(",", scenario.ids())
                + " variants=" + Variant.formatList(config.variants())
                + " P=" + Durations.format(config.detectionPeriod())
                + " T=" + Durations.format(config.inquiryTimeout())
                + " B=" + Durations.format(config.electionBase())
                + " d=" + formatBounds(config.delayBounds())
                + " ranks=" + formatRanks(config.rankRule())
                + (config.startAllowance().equals(Config.DEFAULT_START_ALLOWANCE) ? ""
                        : " A=" + Durations.format(config.startAllowance()))
                + " faults=" + formatFaults(scenario.faults());
    }

    /** Reads the text form back; throws {@link IllegalArgumentException} on anything else. */
    public static Scenario parse(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String token : text.strip().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + token + "'");
            }
            fields.put(token.substring(0, eq), token.substring(eq + 1));
        }
        for (String key : List.of("seed", "ids", "variants", "P", "T", "B", "d", "ranks", "faults")) {
            if (!fields.containsKey(key)) {
                throw new IllegalArgumentException("missing " + key + "= in '" + text + "'");
            }
        }
        Config config = new Config(Variant.parseList(fields.get("variants")), Durations.parse(fields.get("P")),
                Durations.parse(fields.get("T")), Durations.parse(fields.get("B")), parseBounds(fields.get("d")),
                parseRanks(fields.get("ranks")));
        if (fields.containsKey("A")) {
            config = config.withStartAllowance(Durations.parse(fields.get("A")));
        }
        return new Scenario(List.of(fields.get("ids").split(",")), config, Long.parseLong(fields.get("seed")),
                parseFaults(fields.get("faults")));
    }

    /** The servers a fault names (none for network faults). */
    static List<String> serversNamedIn(Fault fault) {
        if (fault instanceof Fault.LateStart start) {
            return List.of(start.server());
        } else if (fault instanceof Fault.Crash crash) {
            return List.of(crash.server());
        } else if (fault instanceof Fault.Restart restart) {
            return List.of(restart.server());
        } else if (fault instanceof Fault.Pause pause) {
            return List.of(pause.server());
        } else if (fault instanceof Fault.Partition partition) {
            return partition.sides().stream().flatMap(Set::stream).toList();
        }
        return List.of();
    }

    /** One fault as text, as in the {@code faults=} field. */
    public static String formatFault(Fault fault) {
        if (fault instanceof Fault.LateStart start) {
            return "start@" + time(start.atMicros()) + ":" + start.server();
        } else if (fault instanceof Fault.Crash crash) {
            return "crash@" + time(crash.atMicros()) + ":" + crash.server();
        } else if (fault instanceof Fault.Restart restart) {
            return "restart@" + time(restart.atMicros()) + ":" + restart.server();
        } else if (fault instanceof Fault.Pause pause) {
            return "pause@" + time(pause.atMicros()) + "-" + time(pause.untilMicros()) + ":" + pause.server();
        } else if (fault instanceof Fault.Partition partition) {
            List<String> sides = new ArrayList<>();
            for (Set<String> side : partition.sides()) {
                sides.add(String.join("+", side.stream().sorted().toList()));
            }
            return "partition@" + time(partition.atMicros()) + ":" + String.join("|", sides);
        } else if (fault instanceof Fault.Heal heal) {
            return "heal@" + time(heal.atMicros());
        } else if (fault instanceof Fault.Loss loss) {
            return "loss@" + time(loss.atMicros()) + "-" + time(loss.untilMicros()) + ":" + loss.probability();
        } else if (fault instanceof Fault.SlowLinks slow) {
            return "slow@" + time(slow.atMicros()) + "-" + time(slow.untilMicros()) + ":" + time(slow.extraMicros());
        }
        throw new IllegalArgumentException("unknown fault " + fault);
    }

    private static String formatFaults(List<Fault> faults) {
        if (faults.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (Fault fault : faults) {
            parts.add(formatFault(fault));
        }
        return String.join(";", parts);
    }

    private static List<Fault> parseFaults(String text) {
        List<Fault> faults = new ArrayList<>();
        if (text.equals("none")) {
            return faults;
        }
        for (String part : text.split(";")) {
            int at = part.indexOf('@');
            int colon = part.indexOf(':', at);
            String kind = part.substring(0, at);
            String when = colon < 0 ? part.substring(at + 1) : part.substring(at + 1, colon);
            String what = colon < 0 ? "" : part.substring(colon + 1);
            faults.add(switch (kind) {
                case "start" -> new Fault.LateStart(micros(when), what);
                case "crash" -> new Fault.Crash(micros(when), what);
                case "restart" -> new Fault.Restart(micros(when), what);
                case "pause" -> new Fault.Pause(micros(from(when)), micros(until(when)), what);
                case "partition" -> new Fault.Partition(micros(when), parseSides(what));
                case "heal" -> new Fault.Heal(micros(when));
                case "loss" -> new Fault.Loss(micros(from(when)), micros(until(when)), Double.parseDouble(what));
                case "slow" -> new Fault.SlowLinks(micros(from(when)), micros(until(when)), micros(what));
                default -> throw new IllegalArgumentException("unknown fault '" + part + "'");
            });
        }
        return faults;
    }

    private static List<Set<String>> parseSides(String text) {
        List<Set<String>> sides = new ArrayList<>();
        for (String side : text.split("\\|")) {
            sides.add(Set.of(side.split("\\+")));
        }
        return sides;
    }

    private static String formatBounds(DelayBounds bounds) {
        if (bounds instanceof DelayBounds.Uniform uniform) {
            return Durations.format(uniform.bound());
        }
        DelayBounds.Matrix matrix = (DelayBounds.Matrix) bounds;
        List<String> cells = new ArrayList<>();
        for (var row : new TreeMap<>(matrix.bounds()).entrySet()) {
            for (var cell : new TreeMap<>(row.getValue()).entrySet()) {
                cells.add(row.getKey() + ">" + cell.getKey() + ":" + Durations.format(cell.getValue()));
            }
        }
        cells.add("*:" + Durations.format(matrix.fallback()));
        return String.join(",", cells);
    }

    private static DelayBounds parseBounds(String text) {
        if (!text.contains(":")) {
            return new DelayBounds.Uniform(Durations.parse(text));
        }
        Map<String, Map<String, Duration>> rows = new LinkedHashMap<>();
        Duration fallback = Duration.ZERO;
        for (String cell : text.split(",")) {
            String[] pairAndBound = cell.split(":");
            if (pairAndBound[0].equals("*")) {
                fallback = Durations.parse(pairAndBound[1]);
            } else {
                String[] pair = pairAndBound[0].split(">");
                rows.computeIfAbsent(pair[0], k -> new LinkedHashMap<>())
                        .put(pair[1], Durations.parse(pairAndBound[1]));
            }
        }
        return new DelayBounds.Matrix(rows, fallback);
    }

    private static String formatRanks(RankRule rule) {
        if (rule instanceof RankRule.ByCapability byCapability) {
            List<String> cells = new ArrayList<>();
            new TreeMap<>(byCapability.capability()).forEach((id, c) -> cells.add(id + ":" + c));
            return String.join(",", cells);
        }
        return "position";
    }

    private static RankRule parseRanks(String text) {
        if (text.equals("position")) {
            return new RankRule.ByPosition();
        }
        Map<String, Long> capability = new HashMap<>();
        Arrays.stream(text.split(",")).map(cell -> cell.split(":"))
                .forEach(cell -> capability.put(cell[0], Long.parseLong(cell[1])));
        return new RankRule.ByCapability(capability);
    }

    private static String from(String window) {
        return window.substring(0, window.indexOf('-'));
    }

    private static String until(String window) {
        return window.substring(window.indexOf('-') + 1);
    }

    private static String time(long micros) {
        return Durations.format(Duration.ofNanos(micros * 1_000));
    }

    private static long micros(String text) {
        return Durations.micros(Durations.parse(text));
    }
}
