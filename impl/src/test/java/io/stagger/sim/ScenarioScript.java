package io.stagger.sim;

import io.stagger.core.Config;
import io.stagger.core.DelayBounds;
import io.stagger.core.Durations;
import io.stagger.core.Server;
import io.stagger.core.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A scripted scenario in the manner of etcd raft's {@code testdata/*.txt}: a text script of commands run through the
 * simulator, whose output (each command, every change of a server's role, master or epoch, each fault, each
 * expectation) is compared with a golden file. Commands, one per line ({@code #} starts a comment):
 *
 * <pre>
 * group n1 n2 n3                     the members, ranked by position (before the first run)
 * variants announce,epochs           the variant set (default: the product's)
 * timing P=100ms T=50ms B=100ms d=20ms
 * seed 7                             the seed of message delays (default 1)
 * late-start n3 40ms                 n3's process starts at 40ms, not 0 (before the first run)
 * run 500ms                          advance the virtual clock
 * crash n1 | restart n1 | pause n1 300ms | partition n1 | n2 n3 | heal
 * expect master n2 | expect master none | expect masters n1 n2 | expect role n3 WAITING (or down)
 * expect epoch n2 1 | expect elections 1 | expect revokes 0 | expect converged
 * </pre>
 *
 * An expectation that does not hold ends the script with {@link AssertionError}.
 */
final class ScenarioScript {
    private final List<String> output = new ArrayList<>();
    private final Map<String, String> lastState = new HashMap<>();
    private List<String> ids = List.of("n1", "n2", "n3");
    private Config config = Config.defaults();
    private long seed = 1;
    private final List<Fault> lateStarts = new ArrayList<>();
    private Simulation sim;
    private long nowMicros;

    private ScenarioScript() {}

    /** Runs {@code script}; returns its output, one line per command, state change, fault or expectation. */
    static String run(String script) {
        ScenarioScript runner = new ScenarioScript();
        int number = 0;
        for (String raw : script.split("\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                runner.output.add(line);
                continue;
            }
            runner.output.add("> " + line);
            try {
                runner.command(line.split("\\s+"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + " '" + line + "': " + e.getMessage(), e);
            }
        }
        return String.join("\n", runner.output) + "\n";
    }

    private void command(String[] words) {
        String[] args = Arrays.copyOfRange(words, 1, words.length);
        switch (words[0]) {
            case "group" -> beforeRun(() -> ids = List.of(args));
            case "variants" -> beforeRun(() -> config = config.withVariants(Variant.parseList(args[0])));
            case "timing" -> beforeRun(() -> config = timing(args));
            case "seed" -> beforeRun(() -> seed = Long.parseLong(args[0]));
            case "late-start" -> beforeRun(() -> lateStarts.add(new Fault.LateStart(micros(args[1]), args[0])));
            case "run" -> {
                simulation().runUntil(nowMicros + micros(args[0]));
                nowMicros += micros(args[0]);
            }
            case "crash" -> inject(new Fault.Crash(nowMicros, args[0]));
            case "restart" -> inject(new Fault.Restart(nowMicros, args[0]));
            case "pause" -> inject(new Fault.Pause(nowMicros, nowMicros + micros(args[1]), args[0]));
            case "partition" -> inject(new Fault.Partition(nowMicros, sides(args)));
            case "heal" -> inject(new Fault.Heal(nowMicros));
            case "expect" -> expect(args);
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        }
    }

    private void beforeRun(Runnable setting) {
        if (sim != null) {
            throw new IllegalArgumentException("only before the first run");
        }
        setting.run();
    }

    private Simulation simulation() {
        if (sim == null) {
            sim = new Simulation(new Scenario(ids, config, seed, lateStarts));
            sim.observe((server, action, cause, now) -> changed(server, action.specName(), now));
        }
        return sim;
    }

    private void inject(Fault fault) {
        simulation().schedule(fault);
        simulation().runUntil(nowMicros);
        output.add(String.format(Locale.ROOT, "%12s  **** %s", Timeline.time(nowMicros),
                ScenarioText.formatFault(fault)));
    }

    /** A line for each step that changed the server's role, master or epoch. */
    private void changed(Server server, String action, long now) {
        String state = server.role() + " master=" + (server.master() == null ? "NONE" : server.master())
                + " epoch=" + server.epoch();
        String before = lastState.put(server.self(), state);
        if (!state.equals(before)) {
            output.add(String.format(Locale.ROOT, "%12s  %-4s %-16s -> %s", Timeline.time(now), server.self(),
                    action, state));
        }
    }

    private void expect(String[] args) {
        Simulation s = simulation();
        String what = String.join(" ", args);
        String actual = switch (args[0]) {
            case "master" -> String.valueOf(s.master() == null ? "none" : s.master());
            case "masters" -> String.join(" ", s.masters());
            case "role" -> s.isLive(args[1]) ? s.server(args[1]).role().name() : "down";
            case "epoch" -> Long.toString(s.server(args[1]).epoch());
            case "elections" -> Long.toString(s.counters().electionsWon());
            case "revokes" -> Long.toString(s.counters().revokesSent());
            case "converged" -> s.converged() ? "" : "not converged: masters " + s.masters();
            default -> throw new IllegalArgumentException("unknown expectation " + args[0]);
        };
        String expected = switch (args[0]) {
            case "role", "epoch" -> String.join(" ", Arrays.copyOfRange(args, 2, args.length));
            case "converged" -> "";
            default -> String.join(" ", Arrays.copyOfRange(args, 1, args.length));
        };
        if (!actual.equals(expected)) {
            throw new AssertionError("expect " + what + " failed at " + Timeline.time(nowMicros) + ": got '"
                    + actual + "'\n" + String.join("\n", output));
        }
    }

    private Config timing(String[] args) {
        Map<String, Duration> values = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            values.put(kv[0], Durations.parse(kv[1]));
        }
        return new Config(config.variants(), values.getOrDefault("P", config.detectionPeriod()),
                values.getOrDefault("T", config.inquiryTimeout()), values.getOrDefault("B", config.electionBase()),
                values.containsKey("d") ? new DelayBounds.Uniform(values.get("d")) : config.delayBounds(),
                config.rankRule());
    }

    private static List<Set<String>> sides(String[] args) {
        List<Set<String>> sides = new ArrayList<>();
        Set<String> side = new HashSet<>();
        for (String arg : args) {
            if (arg.equals("|")) {
                sides.add(side);
                side = new HashSet<>();
            } else {
                side.add(arg);
            }
        }
        sides.add(side);
        return sides;
    }

    private static long micros(String duration) {
        return Durations.micros(Durations.parse(duration));
    }
}
