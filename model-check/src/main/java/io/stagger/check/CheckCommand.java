package io.stagger.check;

import io.stagger.check.trace.TraceValidator;
import io.stagger.check.trace.TraceVerdict;
import io.stagger.core.Variant;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/stagger check}: runs TLC on spec/StaggeredElection.tla for one configuration or the whole matrix. */
@Command(name = "stagger check", mixinStandardHelpOptions = true, version = "stagger check 0.1.0 (TLC 2.18)",
        sortOptions = false, usageHelpWidth = 110,
        description = {
            "Model-check the staggered-election spec (spec/StaggeredElection.tla) with TLC.",
            "One configuration (variants x faults x servers), or --matrix for every variant set x fault model x n.",
            "Writes a markdown report per run (and one for the matrix) with each counterexample as numbered steps.",
            "Exit code: 0 every property holds (always 0 for --matrix), 1 a property is violated,",
            "2 bad options, 3 TLC failed or timed out."},
        footer = {"", "Examples:",
            "  bin/stagger check",
            "  bin/stagger check --variants announce,epochs --servers 3 --faults crash,partition",
            "  bin/stagger check --variants none --faults partition",
            "  bin/stagger check --matrix --servers 3 --report model-check/RESULTS.md",
            "  bin/stagger check --servers 5 --faults crash,loss --simulate --depth 200 --traces 5000",
            "  bin/stagger check --trace store/election/<time>/traces   (trace validation, model-check/TRACES.md)"})
public final class CheckCommand implements Callable<Integer> {
    @Option(names = "--variants", paramLabel = "LIST", defaultValue = "announce,epochs,patient,prompt,roster",
            description = "Variants of PROTOCOL.md §5: announce, epochs, redirect, patient, spaced, prompt, roster, "
                    + "comma-separated; "
                    + "none is the claims' variant. Default: ${DEFAULT-VALUE}.")
    String variants;

    @Option(names = "--faults", paramLabel = "LIST", defaultValue = "crash,partition",
            description = "Faults to inject: crash, restart (needs crash), loss, late (delayed beyond D), "
                    + "partition (heals later), or none. Default: ${DEFAULT-VALUE}.")
    String faults;

    @Option(names = "--servers", paramLabel = "N", defaultValue = "3",
            description = "Number of servers, at least 2; with --matrix a list such as 3,4. "
                    + "Default: ${DEFAULT-VALUE} (with --matrix: 3,4 unless given).")
    String servers;

    @Option(names = "--matrix", description = "Check every variant set x fault model x n (see --servers).")
    boolean matrix;

    @Option(names = "--budget", paramLabel = "K", defaultValue = "1",
            description = "How many faults of each kind a behaviour may contain. Default: ${DEFAULT-VALUE}.")
    int budget;

    @Option(names = "--P", paramLabel = "TICKS", defaultValue = "2",
            description = "Detection period P (and announce period). Default: ${DEFAULT-VALUE}.")
    int detectionPeriod;

    @Option(names = "--T", paramLabel = "TICKS", defaultValue = "1",
            description = "Inquiry time-out T. Default: ${DEFAULT-VALUE}.")
    int inquiryTimeout;

    @Option(names = "--B", paramLabel = "TICKS", defaultValue = "1",
            description = "Base election delay B. Default: ${DEFAULT-VALUE}.")
    int baseElectionDelay;

    @Option(names = "--D", paramLabel = "TICKS", defaultValue = "1",
            description = "Delay bound D that E(i) is computed with. Default: ${DEFAULT-VALUE}.")
    int delayBound;

    @Option(names = "--max-delay", paramLabel = "TICKS", defaultValue = "0",
            description = "The network's real delay bound, 0..D; 0 = a message arrives before the next tick. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxDelay;

    @Option(names = "--skew", paramLabel = "TICKS", defaultValue = "0",
            description = "Servers start up to this many ticks apart (phases of their detection timers), "
                    + "0..P-1. Default: ${DEFAULT-VALUE}.")
    int skew;

    @Option(names = "--stagger",
            description = "Also check the stagger claim: never two MASTERs at once (AtMostOneMaster).")
    boolean stagger;

    @Option(names = "--start-window", paramLabel = "TICKS", defaultValue = "0",
            description = "Staggered start: each process starts at its own moment within this many ticks "
                    + "(0: all at once). Default: ${DEFAULT-VALUE}.")
    int startWindow;

    @Option(names = "--start-allowance", paramLabel = "TICKS", defaultValue = "-1",
            description = "Variant patient: a starting BACKUP begins detection after this many ticks unless it "
                    + "hears from its master first; at least P. Default: start window + P.")
    int startAllowance;

    @Option(names = "--no-fault-elections",
            description = "Also check NoElectionWithoutFault: no election later than the protocol's failover "
                    + "bound + P after a crash, loss, late message, partition or heal (starts and restarts "
                    + "are not faults).")
    boolean noFaultElections;

    @Option(names = "--failover-bound", paramLabel = "TICKS", defaultValue = "-1",
            description = "Failover bound to confirm with crash-only faults; 0 turns it off. "
                    + "Default: P + T + max E + 3 max d (PROTOCOL.md §6 with one revocation round).")
    int failoverBound;

    @Option(names = "--max-epoch", paramLabel = "E", defaultValue = "6",
            description = "Bound on epochs that keeps the model finite (variant epochs). Default: ${DEFAULT-VALUE}.")
    int maxEpoch;

    @Option(names = "--simulate",
            description = "Random simulation instead of exhaustive checking, for n beyond exhaustive reach.")
    boolean simulate;

    @Option(names = "--depth", paramLabel = "STEPS", defaultValue = "100",
            description = "With --simulate: length of each behaviour. Default: ${DEFAULT-VALUE}.")
    int depth;

    @Option(names = "--traces", paramLabel = "K", defaultValue = "10000",
            description = "With --simulate: number of behaviours. Default: ${DEFAULT-VALUE}.")
    long traces;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "With --simulate: the random seed (0: TLC picks one and prints it).")
    long seed;

    @Option(names = "--workers", paramLabel = "W", defaultValue = "2",
            description = "TLC worker threads. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop a TLC run after this long (0: no limit); the verdict is then timeout.")
    long timeoutSeconds;

    @Option(names = "--spec-dir", paramLabel = "DIR",
            description = "Directory of StaggeredElection.tla. Default: the repository's spec/, else the copy "
                    + "bundled in the jar.")
    Path specDir;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where each run's MC.tla, MC.cfg, tlc.log and report.md go. "
                    + "Default: <repo>/model-check/target/stagger-check, else a temporary directory.")
    Path workDir;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the report (the matrix report with --matrix) to FILE.")
    Path report;

    @Option(names = "--java-opts", paramLabel = "OPTS",
            description = "JVM options for the child JVM that runs TLC, e.g. \"-Xmx4g\".")
    String javaOptions;

    @Option(names = "--no-view",
            description = "With epochs: count states whose epochs differ by a constant as different states, and "
                    + "bound the epochs themselves by --max-epoch (no VIEW; model-check/README.md). Slower.")
    boolean noView;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--distributed-server",
            description = "Serve this configuration to TLC workers on other machines (TLC's distributed mode; "
                    + "start them with --distributed-worker): invariants and action properties, no Convergence. "
                    + "Opens --port and one more RMI port; see model-check/README.md.")
    boolean distributedServer;

    @Option(names = "--distributed-worker", paramLabel = "HOST",
            description = "Join the TLC server on HOST with --workers threads; waits for it to come up and exits "
                    + "when it is done.")
    String distributedWorker;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "10997",
            description = "Distributed mode: the server's RMI registry port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--rmi-host", paramLabel = "HOST",
            description = "Distributed mode, on the server: its address as the workers reach it "
                    + "(java.rmi.server.hostname). "
                    + "On a worker: its own address as the server reaches it. Default: this machine's host name.")
    String rmiHost;

    @Option(names = "--generate-only",
            description = "Only write the model (spec, MC.tla, MC.cfg) into its work directory and print that "
                    + "directory; for running TLC by hand.")
    boolean generateOnly;

    @Option(names = "--trace", paramLabel = "DIR",
            description = "Trace validation: does the spec admit the run recorded in DIR (the *.jsonl files of "
                    + "node --trace or the simulator)? Exit code 0 accepted, 1 rejected (the first event the spec "
                    + "does not allow is named), 3 TLC failed. See model-check/TRACES.md.")
    Path traceDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final List<RunResult> results = new ArrayList<>();

    /** A command that prints to the given streams. */
    public CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command line; exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(new CheckCommand(out, err), args, out, err);
    }

    /** Runs the command line on {@code command}, whose {@link #results()} then hold the runs. */
    public static int execute(CheckCommand command, String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                err.println("stagger check: " + e.getMessage());
                err.println("Try 'stagger check --help'.");
                return 2;
            }
            throw e;
        });
        return commandLine.execute(args);
    }

    /** The results of the last execution (for tests). */
    public List<RunResult> results() {
        return results;
    }

    @Override
    public Integer call() throws IOException {
        if (traceDir != null) {
            Path workDir = workRoot().resolve("trace");
            TraceVerdict verdict = new TraceValidator(specDir, timeoutSeconds == 0 ? Long.MAX_VALUE : timeoutSeconds)
                    .validate(traceDir, workDir);
            out.print(verdict.report());
            // For bin/stagger serve, which shows the trace of TraceData.tla with this verdict.
            Files.writeString(workDir.resolve("report.txt"), verdict.report(), StandardCharsets.UTF_8);
            return verdict.error() != null ? 3 : verdict.accepted() ? 0 : 1;
        }
        if ((distributedServer || distributedWorker != null) && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("--port must be 1..65535, got " + port);
        }
        if (distributedServer && (matrix || simulate || distributedWorker != null)) {
            throw new IllegalArgumentException(
                    "--distributed-server checks one configuration exhaustively: not with --matrix, --simulate "
                            + "or --distributed-worker");
        }
        if (distributedWorker != null) {
            return work(distributedWorker);
        }
        RunOptions options = new RunOptions(workers, simulate, depth, traces, seed, timeoutSeconds, specDir,
                workRoot(), javaOptions, quiet, !noView);
        TlcRunner runner = new TlcRunner(options, err);
        if (matrix) {
            return runMatrix(runner, options);
        }
        ModelConfig config = configuration(Integer.parseInt(servers.trim()));
        if (generateOnly) {
            out.println(runner.generate(config).toAbsolutePath());
            return 0;
        }
        RunResult result;
        if (distributedServer) {
            String host = rmiHost != null ? rmiHost : java.net.InetAddress.getLocalHost().getHostName();
            if (!quiet) {
                err.printf("serving %s on %s:%d; start workers with: bin/stagger check --distributed-worker %s"
                        + "%s%n", config.name(), host, port, host, port == 10997 ? "" : " --port " + port);
            }
            result = runner.serve(config, host, port);
            write(result.workDir().resolve("report.md"), Reports.run(result));
            results.add(result);
        } else {
            result = run(runner, config);
        }
        out.print(Reports.run(result));
        if (report != null) {
            write(report, Reports.run(result));
        }
        return switch (result.outcome().verdict()) {
            case PASS -> 0;
            case VIOLATED -> 1;
            case TIMEOUT, ERROR -> 3;
        };
    }

    private int work(String host) throws IOException {
        RunOptions options = new RunOptions(workers, false, depth, traces, seed, timeoutSeconds, specDir,
                workRoot(), javaOptions, quiet, !noView);
        try {
            int code = new TlcRunner(options, err).work(host, port, rmiHost);
            return code == 0 ? 0 : 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }
    }

    private int runMatrix(TlcRunner runner, RunOptions options) throws IOException {
        List<Integer> counts = serverCounts();
        List<ModelConfig> configs = Matrix.configurations(counts);
        for (int i = 0; i < configs.size(); i++) {
            if (!quiet) {
                err.printf("[%d/%d] %s%n", i + 1, configs.size(), configs.get(i).name());
            }
            ModelConfig base = configs.get(i);
            run(runner, new ModelConfig(base.servers(), base.variants(), base.faults(), budget, timing(), skew,
                    maxEpoch, bound(base), stagger, startWindow, allowance(), noFaultElections));
        }
        String command = "bin/stagger check --matrix --servers " + servers.replace(" ", "")
                + (simulate ? " --simulate --depth " + depth + " --traces " + traces : "");
        String markdown = Reports.matrix(results, command);
        Path target = report != null ? report : options.workRoot().resolve("matrix.md");
        write(target, markdown);
        out.print(markdown);
        err.println("matrix report: " + target);
        return 0;
    }

    private RunResult run(TlcRunner runner, ModelConfig config) throws IOException {
        RunResult result = runner.run(config);
        write(result.workDir().resolve("report.md"), Reports.run(result));
        if (!quiet) {
            err.printf("  %s: %s, %s distinct states, %.1f s (%s)%n", config.name(), result.verdictText(),
                    result.outcome().distinctStates() < 0 ? "?" : String.format("%,d", result.outcome().distinctStates()),
                    result.wallMillis() / 1000.0, result.workDir().resolve("report.md"));
        }
        results.add(result);
        return result;
    }

    private ModelConfig configuration(int serverCount) {
        ModelConfig base = ModelConfig.of(serverCount, Variant.parseList(variants), Fault.parseList(faults));
        return new ModelConfig(serverCount, base.variants(), base.faults(), budget, timing(), skew, maxEpoch,
                bound(base), stagger, startWindow, allowance(), noFaultElections);
    }

    private int allowance() {
        return startAllowance >= 0 ? startAllowance : startWindow + detectionPeriod;
    }

    private int bound(ModelConfig base) {
        if (failoverBound >= 0) {
            return base.crashOnly() ? failoverBound : 0;
        }
        return base.crashOnly()
                ? timing().protocolFailoverBound(base.servers(), base.variants()) : 0;
    }

    private Timing timing() {
        return new Timing(detectionPeriod, inquiryTimeout, baseElectionDelay, delayBound, maxDelay);
    }

    private List<Integer> serverCounts() {
        String list = servers.equals("3") && !serversGivenExplicitly() ? "3,4" : servers;
        List<Integer> counts = new ArrayList<>();
        for (String part : list.split(",")) {
            int count = Integer.parseInt(part.trim());
            if (count < 2) {
                throw new IllegalArgumentException("--servers must be at least 2, got " + count);
            }
            counts.add(count);
        }
        return counts;
    }

    private boolean serversGivenExplicitly() {
        return spec != null && spec.commandLine().getParseResult().hasMatchedOption("--servers");
    }

    private Path workRoot() throws IOException {
        if (workDir != null) {
            return workDir;
        }
        String property = System.getProperty("stagger.work.dir");
        if (property != null) {
            return Path.of(property);
        }
        String root = System.getProperty("stagger.root");
        Path repository = root != null ? Path.of(root) : SpecSource.repositoryAroundJar();
        if (repository != null && Files.isDirectory(repository.resolve("model-check"))) {
            return repository.resolve("model-check").resolve("target").resolve("stagger-check");
        }
        return Files.createTempDirectory("stagger-check");
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text);
    }
}
