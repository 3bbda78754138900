package io.stagger.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.check.CheckContext;
import io.stagger.check.CheckResult;
import io.stagger.check.Checker;
import io.stagger.check.LinKvChecker;
import io.stagger.check.ModelMismatchException;
import io.stagger.check.PnCounterChecker;
import io.stagger.check.SetChecker;
import io.stagger.check.TxnCheck;
import io.stagger.check.linear.Budget;
import io.stagger.check.linear.RegisterModel;
import io.stagger.cli.PlainOptions;
import io.stagger.harness.report.Results;
import io.stagger.harness.workload.TxnWorkload;
import io.stagger.history.HistoryFormats;
import io.stagger.history.Json;
import io.stagger.history.MalformedHistoryException;
import io.stagger.history.Op;
import io.stagger.txn.ConsistencyModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * `bin/stagger analyze`: Jepsen's analyze. Checks a stored run again with today's checkers and rewrites its
 * results, or checks a history from elsewhere (Jepsen's history.edn or log lines, or a history.jsonl) under a model.
 * Exit code as `test`: 0 valid, 1 invalid, 2 error or unknown.
 */
@Command(name = "stagger analyze", mixinStandardHelpOptions = true, sortOptions = false,
        version = "stagger analyze 0.1.0",
        description = {
                "Checks a stored run again (DIR: a run's directory, a workload's latest, or a store: the latest run of "
                        + "each workload) and rewrites its results.json and linearizability pages; or checks a history from "
                        + "elsewhere (--history FILE --model NAME) and writes the results under --store.",
                "Exit code: 0 valid, 1 invalid, 2 error (a malformed file, a bad option) or unknown."},
        footer = {"", "Examples:", "  bin/stagger analyze store/lin-kv/latest",
                "  bin/stagger analyze --history history.edn --model kv",
                "  bin/stagger analyze --history etcd_000.log --model cas-register --failed-cas compare-failed"})
public final class AnalyzeCommand implements Callable<Integer>, PlainOptions.Target {
    /** The models of --model. */
    public static final List<String> MODELS = List.of("cas-register", "register", "kv", "set", "counter",
            "list-append", "rw-register");
    // The defaults, shared by the annotations (picocli, --help) and the fields (the parse without picocli).
    static final String DEFAULT_FAILED_CAS = "did-not-happen";
    static final String DEFAULT_MAX_CONFIGURATIONS = "2000000";
    static final String DEFAULT_MAX_SECONDS = "60";
    static final String DEFAULT_CONSISTENCY_MODELS = "strict-serializable";
    static final String DEFAULT_STORE = "store";

    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "A stored run to check again: its directory, a workload's latest, or a store.")
    Path directory;

    @Option(names = "--history", paramLabel = "FILE", description = "A history from elsewhere to check.")
    Path historyFile;

    @Option(names = "--model", paramLabel = "NAME",
            description = "With --history: cas-register, register, kv (a register per key: values [key, value]), set, "
                    + "counter, list-append, rw-register (transactions: f txn, values [[f k v] ...]).")
    String model;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "With --history: edn (Jepsen's history.edn), log (Jepsen's log lines), jsonl (the harness's "
                    + "history.jsonl) (default: by the file's name, else its first line).")
    String format;

    @Option(names = "--failed-cas", paramLabel = "MEANING", defaultValue = DEFAULT_FAILED_CAS,
            description = "What a failed cas means to the register models: did-not-happen or compare-failed "
                    + "(default: ${DEFAULT-VALUE}).")
    String failedCas = DEFAULT_FAILED_CAS;

    @Option(names = "--max-configurations", paramLabel = "N", defaultValue = DEFAULT_MAX_CONFIGURATIONS,
            description = "The linearizability search's budget per key, in configurations; beyond it the verdict is "
                    + "unknown (default: ${DEFAULT-VALUE}).")
    long maxConfigurations = Long.parseLong(DEFAULT_MAX_CONFIGURATIONS);

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = DEFAULT_MAX_SECONDS,
            description = "The linearizability search's budget per key, in seconds (default: ${DEFAULT-VALUE}).")
    long maxSeconds = Long.parseLong(DEFAULT_MAX_SECONDS);

    @Option(names = "--consistency-models", paramLabel = "MODELS", split = ",", defaultValue = DEFAULT_CONSISTENCY_MODELS,
            description = "With --model list-append or rw-register: the models the history must satisfy, comma-separated: "
                    + "read-uncommitted, read-committed, snapshot-isolation, serializable, strict-serializable "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> consistencyModels = List.of(DEFAULT_CONSISTENCY_MODELS);

    @Option(names = "--store", paramLabel = "DIR", defaultValue = DEFAULT_STORE,
            description = "With --history: results go to DIR/analyze/<timestamp>/ (default: ${DEFAULT-VALUE}).")
    Path store = Path.of(DEFAULT_STORE);

    private final PrintStream out;
    private final PrintStream err;

    public AnalyzeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, args));
    }

    /** Runs the command line; returns its exit code. */
    public static int execute(PrintStream out, String... args) {
        return execute(out, System.err, args);
    }

    /**
     * Runs the command line with errors on err; returns its exit code. A command line of plain options
     * ({@link PlainOptions}) is read without picocli, whose model of the options would be most of a small history's
     * cold start; anything else (help, version, every error) goes to picocli. {@code AnalyzeOptionsTest} holds the
     * two parses equal.
     */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        AnalyzeCommand plain = new AnalyzeCommand(out, err);
        if (PlainOptions.parse(args, plain)) {
            return CommandLines.call("analyze", plain, err);
        }
        return CommandLines.execute("analyze", new AnalyzeCommand(out, err), err, args);
    }

    @Override
    public boolean setFlag(String name) {
        return false;
    }

    @Override
    public boolean setParameter(String value) {
        if (directory != null) {
            return false;
        }
        directory = Path.of(value);
        return true;
    }

    @Override
    public boolean setOption(String name, String value) {
        switch (name) {
            case "--history" -> historyFile = Path.of(value);
            case "--model" -> model = value;
            case "--format" -> format = value;
            case "--failed-cas" -> failedCas = value;
            case "--store" -> store = Path.of(value);
            case "--consistency-models" -> consistencyModels = List.of(value.split(","));
            case "--max-configurations", "--max-seconds" -> {
                if (!PlainOptions.isPlainNatural(value)) {
                    return false; // picocli's conversion decides anything else (and says what is wrong)
                }
                if (name.equals("--max-seconds")) {
                    maxSeconds = Long.parseLong(value);
                } else {
                    maxConfigurations = Long.parseLong(value);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public Integer call() throws IOException {
        try {
            if ((directory == null) == (historyFile == null)) {
                throw new IllegalArgumentException("give a stored run's DIR or --history FILE --model NAME, not both");
            }
            Budget budget = new Budget(maxConfigurations, Budget.DEFAULT.maxCacheWords(), Duration.ofSeconds(maxSeconds));
            RegisterModel.FailedCas failed = RegisterModel.FailedCas.parse(failedCas);
            if (directory != null) {
                return storedRuns(budget, failed);
            }
            return history(budget, failed);
        } catch (IllegalArgumentException e) {
            err.println("stagger analyze: " + e.getMessage());
            return RunOutcome.ERROR;
        } catch (MalformedHistoryException e) {
            err.println("stagger analyze: " + historyFile + ": " + e.getMessage());
            return RunOutcome.ERROR;
        }
    }

    /** DIR is a run, or holds runs: each workload's latest. */
    private int storedRuns(Budget budget, RegisterModel.FailedCas failed) throws IOException {
        if (Files.exists(directory.resolve("history.jsonl"))) {
            return storedRun(directory, budget, failed);
        }
        List<Path> runs = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (var children = Files.list(directory)) {
                for (Path child : children.sorted().toList()) {
                    if (Files.exists(child.resolve("latest").resolve("history.jsonl"))) {
                        runs.add(child.resolve("latest"));
                    }
                }
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(directory + " is neither a run (no history.jsonl) nor a store of runs");
        }
        int exit = RunOutcome.VALID;
        for (Path run : runs) {
            exit = Math.max(exit, storedRun(run, budget, failed));
        }
        return exit;
    }

    private int storedRun(Path run, Budget budget, RegisterModel.FailedCas failed) throws IOException {
        Path resultsFile = run.resolve("results.json");
        if (!Files.exists(resultsFile)) {
            throw new IllegalArgumentException(run + " has no results.json: the run did not finish");
        }
        JsonNode stored = Json.MAPPER.readTree(resultsFile.toFile());
        JsonNode test = stored.path("test");
        String workload = test.path("workload").asText("");
        if (!Workloads.NAMES.contains(workload)) {
            throw new IllegalArgumentException(resultsFile + " names no known workload (test.workload: \"" + workload
                    + "\")");
        }
        List<Op> ops;
        try {
            ops = HistoryFormats.read(run.resolve("history.jsonl"), HistoryFormats.Format.JSONL);
        } catch (MalformedHistoryException e) {
            throw new IllegalArgumentException(run.resolve("history.jsonl") + ": " + e.getMessage());
        }
        int nodeCount = test.path("nodeCount").asInt(1);
        Checker checker = workload.equals("lin-kv") ? new LinKvChecker(new RegisterModel(true, failed), budget)
                : Workloads.create(workload, test.path("topology").asText("grid"), test.path("keyCount").asInt(5),
                        test.path("maxWritesPerKey").asInt(16), nodeCount, test.path("concurrency").asInt(nodeCount),
                        txnOptions(stored, test)).checker();
        List<String> problems = new ArrayList<>();
        stored.path("problems").forEach(p -> problems.add(p.asText()));
        ObjectNode results = Json.object();
        Results.judge(results, checker, ops, IntStream.rangeClosed(1, nodeCount).mapToObj(i -> "n" + i).toList(),
                test.path("maxDualMasterMillis").asDouble(-1), test.path("availability").asText(null), problems, run);
        stored.fields().forEachRemaining(field -> {
            if (!results.has(field.getKey())) {
                results.set(field.getKey(), field.getValue());
            }
        });
        Results.writeAnalysis(run, ops, results);
        RunOutcome outcome = new RunOutcome(Results.exitCode(results), run, results);
        out.println("Analysed " + workload + " run " + run + " again (stored verdict: " + stored.path("valid?").asText()
                + ")");
        Summary.print(out, outcome);
        return outcome.exitCode();
    }

    private int history(Budget budget, RegisterModel.FailedCas failed) throws IOException, MalformedHistoryException {
        if (model == null) {
            throw new IllegalArgumentException("--history needs --model: one of " + MODELS);
        }
        if (!Files.isRegularFile(historyFile)) {
            throw new IllegalArgumentException("no such file: " + historyFile);
        }
        Checker checker = checker(model, budget, failed, consistencyModels);
        HistoryFormats.Format form = format != null ? HistoryFormats.Format.parse(format)
                : HistoryFormats.guess(historyFile);
        List<Op> ops = HistoryFormats.read(historyFile, form);
        if (model.equals("set") || model.equals("counter")) {
            ops = FinalReads.mark(ops);
        }
        ObjectNode results = Json.object();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS"));
        Path run = store.toAbsolutePath().normalize().resolve("analyze").resolve(stamp);
        Files.createDirectories(run);
        CheckResult checked;
        try {
            checked = checker.check(new CheckContext(ops, List.of(), -1, run));
        } catch (ModelMismatchException e) {
            Files.deleteIfExists(run);
            throw mismatch(e, form);
        }
        Results.judge(results, context -> checked, ops, List.of(), -1, null, List.of(), run);
        // The model's verdict is the history's: Jepsen's stats (some kind of operation never succeeded) is reported only.
        JsonNode verdict = results.path("workload").path("valid?");
        results.set("valid?", verdict);
        if (verdict.isBoolean() && verdict.asBoolean()) {
            results.remove("reason");
        } else {
            results.put("reason", "workload: " + results.path("workload").path("reason").asText());
        }
        ObjectNode test = results.putObject("test");
        test.put("history", historyFile.toAbsolutePath().normalize().toString());
        test.put("model", model);
        test.put("format", form.name().toLowerCase(java.util.Locale.ROOT));
        test.put("failed-cas", failed.label());
        test.put("workload", "analyze");
        Results.writeHistory(run, ops);
        Results.writeAnalysis(run, ops, results);
        RunOutcome outcome = new RunOutcome(Results.exitCode(results), run, results);
        Summary.printAnalysis(out, outcome, ops.size());
        return outcome.exitCode();
    }

    /** A history that does not fit the model is a malformed file too: the error names the operation's line. */
    private MalformedHistoryException mismatch(ModelMismatchException e, HistoryFormats.Format form) throws IOException {
        int line = e.opIndex() < 0 ? 0 : HistoryFormats.lineOf(historyFile, form, e.opIndex());
        String what = "not a history of the model " + model + ": " + e.getMessage();
        return line > 0 ? new MalformedHistoryException(line, what) : new MalformedHistoryException(what);
    }

    /**
     * The transactional workloads' options of a stored run: the consistency models its checker was asked for (in its
     * results), the rest as the workload's defaults (they shape the generator, not the checker).
     */
    private static TxnWorkload.Options txnOptions(JsonNode stored, JsonNode test) {
        List<String> models = new ArrayList<>();
        stored.path("workload").path("consistency-models").forEach(m -> models.add(m.asText()));
        return new TxnWorkload.Options(TxnWorkload.Options.MAELSTROM.maxTxnLength(), test.path("maxWritesPerKey").asInt(
                TxnWorkload.Options.MAELSTROM.maxWritesPerKey()), models.isEmpty()
                ? TxnWorkload.Options.MAELSTROM.consistencyModels() : models);
    }

    private static Checker checker(String model, Budget budget, RegisterModel.FailedCas failed,
            List<String> consistencyModels) {
        switch (model) {
            case "cas-register":
            case "register":
                return new LinKvChecker(new RegisterModel(false, failed), budget);
            case "kv":
                return new LinKvChecker(new RegisterModel(true, failed), budget);
            case "set":
                return SetChecker.gSet();
            case "counter":
                return new PnCounterChecker();
            case "list-append":
            case "rw-register":
                EnumSet<ConsistencyModel> models = EnumSet.noneOf(ConsistencyModel.class);
                consistencyModels.forEach(m -> models.add(ConsistencyModel.parse(m)));
                return new TxnCheck(io.stagger.txn.Workload.parse(model), models);
            default:
                throw new IllegalArgumentException("unknown model " + model + "; one of " + MODELS);
        }
    }
}
