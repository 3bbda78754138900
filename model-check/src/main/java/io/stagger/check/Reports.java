package io.stagger.check;

import io.stagger.core.Variant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Markdown reports: one per run, and the matrix table. */
public final class Reports {
    private Reports() {
    }

    /** The report of one run, with the counterexample rewritten as steps. */
    public static String run(RunResult result) {
        ModelConfig config = result.config();
        TlcOutcome outcome = result.outcome();
        Timing timing = config.timing();
        StringBuilder text = new StringBuilder();
        text.append("# ").append(config.name()).append(": ").append(result.verdictText()).append("\n\n");
        text.append("| | |\n| --- | --- |\n");
        row(text, "variants", Variant.formatList(config.variants()));
        row(text, "faults", Fault.label(config.faults()) + " (budget " + config.faultBudget() + " each)");
        row(text, "servers", Integer.toString(config.servers()));
        row(text, "timing (ticks)", String.format(Locale.ROOT, "P=%d T=%d B=%d D=%d, network delay ≤ %d, start skew %d",
                timing.detectionPeriod(), timing.inquiryTimeout(), timing.baseElectionDelay(), timing.delayBound(),
                timing.maxDelay(), config.startSkew())
                + (config.startWindow() > 0 ? ", processes start within " + config.startWindow() + " ticks" : "")
                + (config.variants().contains(Variant.PATIENT) ? ", start allowance " + config.startAllowance() : ""));
        row(text, "invariants", String.join(", ", config.invariants())
                + (config.failoverBound() > 0 && config.crashOnly() ? " (failover bound " + config.failoverBound()
                + " ticks)" : ""));
        row(text, "properties", result.mode() != RunResult.Mode.EXHAUSTIVE
                ? String.join(", ", config.properties()).replace(", Convergence", "")
                        + " (" + result.mode().livenessNote() + ")"
                : String.join(", ", config.properties())
                        + (config.checkNoFaultElection() ? " (fault window " + config.faultWindow() + " ticks)" : ""));
        row(text, "mode", result.mode().label());
        row(text, "distinct states", count(outcome.distinctStates()));
        row(text, "states generated", count(outcome.statesGenerated()));
        row(text, "diameter", count(outcome.depth()));
        row(text, "wall time", seconds(result.wallMillis()));
        row(text, "verdict", result.verdictText());
        if (outcome.message() != null) {
            row(text, "TLC says", outcome.message());
        }
        text.append('\n');
        if (!outcome.trace().isEmpty()) {
            text.append("## Counterexample: ").append(outcome.violated()).append(" is violated\n\n");
            text.append(result.counterexample()).append('\n');
        }
        text.append("TLC's full output: `tlc.log` next to this report; the model: `MC.tla`, `MC.cfg`.\n");
        return text.toString();
    }

    /** The matrix table, then each counterexample under its configuration's name. */
    public static String matrix(List<RunResult> results, String command) {
        StringBuilder text = new StringBuilder("# Model-checking matrix\n\n");
        text.append("Produced by `").append(command).append("`.\n\n");
        overview(text, results);
        text.append("## Every run\n\n");
        text.append("| n | variants | faults | distinct states | diameter | wall time | verdict |\n");
        text.append("| --- | --- | --- | ---: | ---: | ---: | --- |\n");
        long totalMillis = 0;
        for (RunResult result : results) {
            ModelConfig config = result.config();
            totalMillis += result.wallMillis();
            text.append("| ").append(config.servers())
                    .append(" | ").append(Variant.formatList(config.variants()))
                    .append(" | ").append(Fault.label(config.faults()))
                    .append(" | ").append(count(result.outcome().distinctStates()))
                    .append(" | ").append(count(result.outcome().depth()))
                    .append(" | ").append(seconds(result.wallMillis()))
                    .append(" | ").append(result.verdictText()).append(" |\n");
        }
        text.append("\nTotal TLC time: ").append(seconds(totalMillis)).append(".\n");
        for (RunResult result : results) {
            if (!result.outcome().trace().isEmpty()) {
                text.append("\n## Counterexample ").append(result.config().name()).append(": ")
                        .append(result.outcome().violated()).append(" is violated\n\n");
                text.append(result.counterexample());
            }
        }
        return text.toString();
    }

    /** Variant sets down, fault models across: which variant sets keep every property under which faults. */
    private static void overview(StringBuilder text, List<RunResult> results) {
        Map<Integer, Map<String, Map<String, String>>> byServers = new LinkedHashMap<>();
        Set<String> faultModels = new LinkedHashSet<>();
        for (RunResult result : results) {
            ModelConfig config = result.config();
            faultModels.add(Fault.label(config.faults()));
            byServers.computeIfAbsent(config.servers(), n -> new LinkedHashMap<>())
                    .computeIfAbsent(Variant.formatList(config.variants()), v -> new LinkedHashMap<>())
                    .put(Fault.label(config.faults()), result.verdictText());
        }
        byServers.forEach((servers, rows) -> {
            text.append("## n = ").append(servers).append(": variant set × fault model\n\n| variants |");
            faultModels.forEach(faults -> text.append(' ').append(faults).append(" |"));
            text.append("\n| --- |");
            faultModels.forEach(faults -> text.append(" --- |"));
            text.append('\n');
            rows.forEach((variants, verdicts) -> {
                text.append("| ").append(variants).append(" |");
                faultModels.forEach(faults -> text.append(' ').append(verdicts.getOrDefault(faults, "")).append(" |"));
                text.append('\n');
            });
            text.append('\n');
        });
    }

    private static void row(StringBuilder text, String name, String value) {
        text.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String count(long value) {
        return value < 0 ? "—" : String.format(Locale.ROOT, "%,d", value);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
