package io.stagger.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.check.Availability;
import io.stagger.check.CheckContext;
import io.stagger.check.CheckResult;
import io.stagger.check.Checker;
import io.stagger.check.ModelMismatchException;
import io.stagger.check.Percentiles;
import io.stagger.check.Stats;
import io.stagger.harness.RunConfig;
import io.stagger.harness.RunOutcome;
import io.stagger.harness.workload.Completion;
import io.stagger.harness.workload.Workload;
import io.stagger.history.History;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles results.json from the checkers and the run's figures, writes the run's files, and gives the verdict. */
public final class Results {
    public static final String VALID_LINE = "Everything looks good! ヽ(‘ー`)ノ";
    public static final String INVALID_LINE = "Analysis invalid! (ﾉಥ益ಥ）ﾉ ┻━┻";
    public static final String ERROR_LINE = "Errors occurred: the run could not be judged. ಠ~ಠ";

    private Results() {}

    /** The results of a run; {@code directory} is where the workload's checker may draw figures (or null). */
    public static ObjectNode build(RunConfig config, Workload workload, List<Op> ops, List<String> nodeIds,
            RunFigures figures, List<String> problems, Path directory) {
        ObjectNode results = Json.object();
        judge(results, workload.checker(), ops, nodeIds, config.maxDualMasterMillis(), config.availability(), problems,
                directory);
        results.set("net", net(figures));
        if (figures.net != null) {
            ((ObjectNode) results.get("net")).set("msgs-per-op", msgsPerOp(figures, ops));
        }
        results.set("nodes", nodes(figures));
        results.set("test", test(config));
        return results;
    }

    /**
     * Checks the history and puts into results what comes from it alone: each checker's verdict (workload,
     * availability, stats), the run's verdict and reason (an error when problems were reported; unknown when a
     * checker ran out of its budget and none found the history invalid), the problems, malformed replies and latency.
     * The workload's checker may draw figures into directory (null: none).
     */
    public static void judge(ObjectNode results, Checker checker, List<Op> ops, List<String> nodeIds,
            double maxDualMasterMillis, String availability, List<String> problems, Path directory) {
        List<History.Pair> pairs = History.pairs(ops);
        List<History.Pair> mainPairs = pairs.stream().filter(p -> !p.invoke().isFinal()).toList();
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        try {
            checks.put("workload", checker.check(new CheckContext(ops, nodeIds, maxDualMasterMillis, directory)));
        } catch (ModelMismatchException e) {
            checks.put("workload", CheckResult.invalid("the history does not fit the checker's model: " + e.getMessage(),
                    Json.object()));
        } catch (RuntimeException e) {
            checks.put("workload", CheckResult.invalid("the checker failed: " + e, Json.object()));
        }
        checks.put("availability", Availability.check(mainPairs, availability));
        checks.put("stats", Stats.check(pairs));
        results.put("valid?", true);
        String reason = null;
        String unknown = null;
        for (Map.Entry<String, CheckResult> check : checks.entrySet()) {
            results.set(check.getKey(), check.getValue().toJson());
            if (check.getValue().unknown()) {
                unknown = unknown != null ? unknown : check.getKey() + ": " + check.getValue().reason();
            } else if (!check.getValue().valid() && reason == null) {
                reason = check.getKey() + ": " + check.getValue().reason();
            }
        }
        if (!problems.isEmpty()) {
            results.put("valid?", "error");
            results.put("reason", problems.get(0));
        } else if (reason != null) {
            results.put("valid?", false);
            results.put("reason", reason);
        } else if (unknown != null) {
            results.put("valid?", "unknown");
            results.put("reason", unknown);
        }
        problems.forEach(results.putArray("problems")::add);
        results.set("malformed-replies", malformed(ops));
        results.set("latency", Stats.latency(pairs));
    }

    private static ObjectNode net(RunFigures figures) {
        double seconds = (figures.mainEndNanos - figures.mainStartNanos) / 1e9;
        ObjectNode net = figures.net == null ? Json.object() : figures.net.toJson(figures.mainEndNanos / 1e9);
        ObjectNode main = net.putObject("main-phase");
        main.put("seconds", Percentiles.round(seconds));
        if (seconds > 0) {
            main.put("msgs-per-second", Math.round((figures.mainEndMessages - figures.mainStartMessages) / seconds));
            main.put("server-msgs-per-second",
                    Math.round((figures.mainEndServerMessages - figures.mainStartServerMessages) / seconds));
        }
        figures.unknownDestinations.stream().sorted().forEach(net.putArray("unknown-destinations")::add);
        return net;
    }

    /** Completions whose reply broke the workload's schema: how many, and the first few with their node. */
    private static ObjectNode malformed(List<Op> ops) {
        ObjectNode json = Json.object();
        long count = 0;
        var examples = json.putArray("first");
        for (Op op : ops) {
            if (op.error() != null && op.error().startsWith(Completion.MALFORMED)) {
                if (count++ < 10) {
                    examples.add(op.node() + " " + op.f() + ": " + op.error().substring(Completion.MALFORMED.length()));
                }
            }
        }
        json.put("count", count);
        return json;
    }

    /**
     * Maelstrom's msgs-per-op: messages sent over the whole run per client operation (every invocation, final ones
     * too), of all messages and of the server messages (those that involve no client: between nodes, and between
     * nodes and services, as Maelstrom's net checker counts them).
     */
    private static ObjectNode msgsPerOp(RunFigures figures, List<Op> ops) {
        long invocations = ops.stream().filter(op -> op.process() != Op.NEMESIS && op.is(Op.Type.INVOKE)).count();
        ObjectNode json = Json.object().put("op-count", invocations)
                .put("server-msg-count", figures.net.withoutClients().sent());
        if (invocations > 0) {
            json.put("all", Math.round(figures.net.all().sent() * 10_000.0 / invocations) / 10_000.0);
            json.put("servers", Math.round(figures.net.withoutClients().sent() * 10_000.0 / invocations) / 10_000.0);
        }
        return json;
    }

    private static ObjectNode nodes(RunFigures figures) {
        ObjectNode nodes = Json.object();
        ObjectNode init = nodes.putObject("init-ms");
        figures.initNanos.forEach((node, nanos) -> init.put(node, nanos < 0 ? -1 : Percentiles.round(nanos / 1e6)));
        ObjectNode restart = nodes.putObject("restart-init-ms");
        figures.restartInitNanos.forEach((node, nanos) -> restart.put(node, nanos < 0 ? -1
                : Percentiles.round(nanos / 1e6)));
        return nodes;
    }

    private static ObjectNode test(RunConfig config) {
        ObjectNode test = Json.MAPPER.valueToTree(config);
        test.remove("workingDirectory");
        test.remove("store");
        return test;
    }

    public static int exitCode(ObjectNode results) {
        JsonNode valid = results.get("valid?");
        if (valid.isBoolean()) {
            return valid.asBoolean() ? RunOutcome.VALID : RunOutcome.INVALID;
        }
        return RunOutcome.ERROR;
    }

    public static String verdictLine(int exitCode) {
        switch (exitCode) {
            case RunOutcome.VALID:
                return VALID_LINE;
            case RunOutcome.INVALID:
                return INVALID_LINE;
            default:
                return ERROR_LINE;
        }
    }

    /** Writes a page per key that is not linearizable (named in results) and results.json. */
    public static void writeAnalysis(Path directory, List<Op> ops, ObjectNode results) throws IOException {
        LinearizabilityPage.writeAll(directory, ops, results);
        Files.writeString(directory.resolve("results.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n", StandardCharsets.UTF_8);
    }

    /** Writes history.jsonl: an operation per line. */
    public static void writeHistory(Path directory, List<Op> ops) throws IOException {
        try (BufferedWriter history = Files.newBufferedWriter(directory.resolve("history.jsonl"),
                StandardCharsets.UTF_8)) {
            for (Op op : ops) {
                history.write(Json.write(op.toJson()));
                history.write('\n');
            }
        }
    }

    /**
     * Writes results.json (with linearizability/key-K.html for each key that is not linearizable), history.jsonl,
     * latency.svg, rate.svg, messages.svg and timeline.html into the run's directory, and the workload's own plot: stable-latency.svg (broadcast, g-set), counter.svg (pn-counter),
     * offsets.svg (kafka).
     */
    public static void write(Path directory, RunConfig config, List<Op> ops, RunFigures figures, ObjectNode results)
            throws IOException {
        writeAnalysis(directory, ops, results);
        writeHistory(directory, ops);
        double endSeconds = ops.isEmpty() ? config.timeLimitSeconds() : ops.get(ops.size() - 1).time() / 1e9;
        LatencyPlot.write(ops, endSeconds, directory.resolve("latency.svg"));
        RatePlot.write(ops, endSeconds, directory.resolve("rate.svg"));
        switch (config.workload()) {
            case "broadcast":
                StableLatencyPlot.write(ops, "broadcast", endSeconds, directory.resolve("stable-latency.svg"));
                break;
            case "g-set":
                StableLatencyPlot.write(ops, "add", endSeconds, directory.resolve("stable-latency.svg"));
                break;
            case "pn-counter":
                CounterPlot.write(ops, endSeconds, directory.resolve("counter.svg"));
                break;
            case "kafka":
                OffsetsPlot.write(ops, endSeconds, directory.resolve("offsets.svg"));
                break;
            default:
                break;
        }
        MessageDiagram.write(figures.journal, directory.resolve("messages.svg"));
        Timeline.write(ops, config.workload() + " " + directory.getFileName(), directory.resolve("timeline.html"));
    }
}
