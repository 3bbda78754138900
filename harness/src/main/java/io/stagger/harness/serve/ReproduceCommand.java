package io.stagger.harness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The command line that repeats a run: every option of results.json's {@code test}, explicitly, and its seed. */
final class ReproduceCommand {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");
    private static final String[][] OPTIONS = {
            {"nodeCount", "--node-count"}, {"timeLimitSeconds", "--time-limit"}, {"rate", "--rate"},
            {"concurrency", "--concurrency"}, {"latencyMillis", "--latency"}, {"latencyShape", "--latency-dist"},
            {"nemesisIntervalSeconds", "--nemesis-interval"}, {"nemesisSchedule", "--nemesis-schedule"},
            {"availability", "--availability"},
            {"topology", "--topology"}, {"keyCount", "--key-count"}, {"recoverySeconds", "--recovery-time"},
            {"requestTimeoutMillis", "--timeout"}, {"initTimeoutMillis", "--init-timeout"},
            {"maxDualMasterMillis", "--max-dual-master"}, {"seed", "--seed"}};

    private ReproduceCommand() {}

    /** The command, or null when the run has no results.json yet. */
    static String of(JsonNode results) {
        JsonNode test = results == null ? null : results.get("test");
        if (test == null || !test.path("command").isArray() || test.path("command").isEmpty()) {
            return null;
        }
        List<String> words = new ArrayList<>(List.of("bin/stagger", "test", "-w", test.path("workload").asText()));
        List<String> command = new ArrayList<>();
        test.path("command").forEach(word -> command.add(word.asText()));
        boolean traced = results.has("trace-validation");
        int trace = command.indexOf("--trace");
        if (traced && trace >= 0 && trace == command.size() - 2) {
            command.subList(trace, command.size()).clear();
        }
        words.add("--bin");
        words.add(command.get(0));
        for (String[] option : OPTIONS) {
            JsonNode value = test.get(option[0]);
            if (value != null && !value.isNull()) {
                words.add(option[1]);
                // The latency shape is an enum in results.json; the rest as given (a schedule's path keeps its case).
                words.add(option[0].equals("latencyShape") ? value.asText().toLowerCase(Locale.ROOT) : value.asText());
            }
        }
        List<String> faults = new ArrayList<>();
        test.path("nemesis").forEach(f -> faults.add(f.asText().toLowerCase(Locale.ROOT)));
        if (!faults.isEmpty()) {
            words.add("--nemesis");
            words.add(String.join(",", faults));
        }
        if (traced) {
            words.add("--validate-trace");
        }
        if (command.size() > 1) {
            words.add("--");
            words.addAll(command.subList(1, command.size()));
        }
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            line.append(line.length() == 0 ? "" : " ").append(quote(word));
        }
        return line.toString();
    }

    private static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
