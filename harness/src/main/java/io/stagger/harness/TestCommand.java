package io.stagger.harness;

import io.stagger.harness.nemesis.Fault;
import io.stagger.harness.nemesis.ScheduleGenerator;
import io.stagger.harness.nemesis.ScheduleText;
import io.stagger.harness.nemesis.ScheduledFault;
import io.stagger.harness.net.Latency;
import io.stagger.harness.workload.Defaults;
import io.stagger.harness.workload.Topology;
import io.stagger.harness.workload.TxnWorkload;
import io.stagger.harness.workload.Workload;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `bin/stagger test`: Maelstrom's test command, in Java; exit code 0 valid, 1 invalid, 2 error. */
@Command(name = "stagger test", mixinStandardHelpOptions = true, sortOptions = false, version = "stagger test 0.1.0",
        description = {
                "Runs a workload against node processes that speak Maelstrom's protocol (JSON lines on stdin/stdout), "
                        + "through a simulated network with latency, loss, partitions and other faults; checks the history "
                        + "and writes the results into a directory under the store.",
                "Exit code: 0 valid, 1 invalid, 2 error (a bad node or a harness failure).",
                "Node arguments: --node-args \"...\", or everything after --, e.g. --bin bin/stagger-node -- --P 100."},
        footer = {"", "Example: bin/stagger test -w election --bin bin/stagger-node --node-count 5 --time-limit 30 "
                + "--nemesis kill,partition"})
public final class TestCommand implements Callable<Integer> {
    @Option(names = {"-w", "--workload"}, paramLabel = "NAME",
            description = "What workload to run: echo, unique-ids, broadcast, g-set, g-counter, pn-counter, kafka, lin-kv, "
                    + "txn-list-append, txn-rw-register, election or conference (default: ${DEFAULT-VALUE}).",
            defaultValue = "lin-kv")
    String workload;

    @Option(names = "--bin", paramLabel = "FILE", required = true,
            description = "Path to the binary which runs a node (relative paths resolve against the current directory).")
    String bin;

    @Option(names = "--node-args", paramLabel = "ARGS",
            description = "Arguments for every node, split on spaces (also: everything after --).")
    String nodeArgs;

    @Parameters(paramLabel = "NODE_ARG", arity = "0..*", description = "Arguments for every node, after --.")
    List<String> trailingNodeArgs = new ArrayList<>();

    @Option(names = "--node-count", paramLabel = "NUM", defaultValue = "5",
            description = "How many nodes to run (default: ${DEFAULT-VALUE}).")
    int nodeCount;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long the main phase runs, in seconds (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--rate", paramLabel = "RATE",
            description = "Approximate number of requests per second, over all clients (default: 5; election, "
                    + "conference: 50).")
    Double rate;

    @Option(names = "--concurrency", paramLabel = "NUM",
            description = "How many client processes (threads) issue requests; client i talks to node i mod n "
                    + "(default: the node count).")
    Integer concurrency;

    @Option(names = "--latency", paramLabel = "MILLIS",
            description = "Mean network latency under normal operation, in ms (default: 0; election, conference: 2.5, "
                    + "i.e. 0-5 ms uniform).")
    Double latency;

    @Option(names = "--latency-dist", paramLabel = "TYPE",
            description = "Kind of latency distribution: constant (always the mean), uniform (0 to twice the mean) or "
                    + "exponential (with the mean) (default: constant; election, conference: uniform).")
    String latencyDist;

    @Option(names = "--nemesis", paramLabel = "FAULTS", split = ",",
            description = "A comma-separated list of faults to inject: partition (one node isolated, random halves or "
                    + "three parts), kill (a node's process tree is killed and later restarted with fresh state), pause "
                    + "(SIGSTOP: the node receives and sends nothing until SIGCONT), loss (30%% of messages between nodes "
                    + "dropped), slow (50 ms more on every message between nodes), clock (a node's clock runs 30%% slow: "
                    + "stopped 30 ms of every 100 ms). They make a schedule drawn from the seed, whose faults may overlap, "
                    + "written into the run's nemesis-schedule.txt. Default: none.")
    List<String> nemesis = new ArrayList<>();

    @Option(names = "--nemesis-interval", paramLabel = "SECONDS",
            description = "How many seconds between the starts of faults, on average; each lasts as long, on average "
                    + "(default: 10; election, conference: 5).")
    Double nemesisInterval;

    @Option(names = "--nemesis-schedule", paramLabel = "FILE",
            description = "Replay this nemesis schedule (a run's nemesis-schedule.txt, or one written by hand: a fault "
                    + "a line, such as crash@5s:n2, restart@8s:n2, pause@6s-7500ms:master, partition@3s:n1+n2|n3, heal@9s, "
                    + "loss@2s-4s:0.3, slow@2s-4s:50ms, clock@1s-3s:n4) instead of drawing one; --nemesis and "
                    + "--nemesis-interval are then unused.")
    String nemesisSchedule;

    @Option(names = "--availability", paramLabel = "EXPECTED",
            description = "The fraction of client requests which must succeed: a number from 0 to 1, or total. "
                    + "If omitted, always valid.")
    String availability;

    @Option(names = "--topology", paramLabel = "SPEC", defaultValue = "grid",
            description = "The network topology offered to broadcast nodes: grid, line, total, tree (tree2), tree3, "
                    + "tree4 (default: ${DEFAULT-VALUE}).")
    String topology;

    @Option(names = "--key-count", paramLabel = "INT", defaultValue = "5",
            description = "For lin-kv and kafka, how many keys are in play at once; for the txn workloads, how many at a "
                    + "time (default: ${DEFAULT-VALUE}).")
    int keyCount;

    @Option(names = "--max-txn-length", paramLabel = "INT", defaultValue = "4",
            description = "For the txn workloads, the most micro-operations per transaction (default: ${DEFAULT-VALUE}).")
    int maxTxnLength;

    @Option(names = "--max-writes-per-key", paramLabel = "INT", defaultValue = "16",
            description = "For kafka, how many sends go to one key before it is retired for a fresh one; for the txn "
                    + "workloads, how many writes a key gets before a fresh key replaces it (default: ${DEFAULT-VALUE}).")
    int maxWritesPerKey;

    @Option(names = "--consistency-models", paramLabel = "MODELS", split = ",", defaultValue = "strict-serializable",
            description = "For the txn workloads, the models that must hold: read-uncommitted, read-committed, "
                    + "snapshot-isolation, serializable, strict-serializable (default: ${DEFAULT-VALUE}).")
    List<String> consistencyModels;

    @Option(names = "--log-stderr", description = "Show the nodes' stderr on the console (it is always in "
            + "node-logs/).")
    boolean logStderr;

    @Option(names = "--log-net-send", description = "Log messages as they are sent.")
    boolean logNetSend;

    @Option(names = "--log-net-recv", description = "Log messages as they are received.")
    boolean logNetRecv;

    @Option(names = "--seed", paramLabel = "LONG",
            description = "Seed of the random choices: requests, latencies, loss and faults (default: random).")
    Long seed;

    @Option(names = "--recovery-time", paramLabel = "SECONDS",
            description = "After the final heal, how long to wait before the final reads (default: 10, as Maelstrom; "
                    + "election, conference: 5).")
    Double recoveryTime;

    @Option(names = "--timeout", paramLabel = "MILLIS",
            description = "How long a client waits for a reply (default: 5000, as Maelstrom; election, conference: 1000).")
    Long timeoutMillis;

    @Option(names = "--init-timeout", paramLabel = "MILLIS", defaultValue = "10000",
            description = "How long a node has to answer init before the run ends in an error (default: ${DEFAULT-VALUE}).")
    long initTimeoutMillis;

    @Option(names = "--start-spread", paramLabel = "MILLIS", defaultValue = "0",
            description = "Start each node's process after a random delay of up to this many ms (seeded), as uneven "
                    + "starts on a loaded host or separate machines do (default: ${DEFAULT-VALUE}: all at once).")
    long startSpreadMillis;

    @Option(names = "--max-dual-master", paramLabel = "MILLIS", defaultValue = "-1",
            description = "Election: the run is invalid if two nodes reported role MASTER at once for longer than this "
                    + "in total; negative: only report it (default: ${DEFAULT-VALUE}).")
    double maxDualMasterMillis;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
            description = "Where runs are stored: DIR/<workload>/<timestamp>/ (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
    boolean noProgress;

    @Option(names = "--validate-trace", description = "Nodes write traces (--trace <run>/traces); at the end, "
            + "check them against the TLA+ spec (stagger check --trace) and put the verdict into results.json.")
    boolean validateTrace;

    private Path traceRunDirectory;

    private final PrintStream out;

    public TestCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, args));
    }

    /** Runs the command line; returns its exit code. */
    public static int execute(PrintStream out, String... args) {
        return CommandLines.execute("test", new TestCommand(out), args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        RunConfig config;
        Workload work;
        try {
            if (!Workloads.NAMES.contains(workload)) {
                throw new IllegalArgumentException("unknown workload " + workload + "; one of " + Workloads.NAMES);
            }
            if (!Topology.NAMES.contains(topology)) {
                throw new IllegalArgumentException("unknown topology " + topology + "; one of " + Topology.NAMES);
            }
            work = Workloads.create(workload, topology, keyCount, maxWritesPerKey, nodeCount,
                    concurrency != null ? concurrency : nodeCount,
                    new TxnWorkload.Options(maxTxnLength, maxWritesPerKey, consistencyModels));
            traceRunDirectory = validateTrace ? runDirectory() : null;
            config = config(work.defaults());
        } catch (IllegalArgumentException e) {
            System.err.println("stagger test: " + e.getMessage());
            return RunOutcome.ERROR;
        }
        List<ScheduledFault> schedule;
        try {
            schedule = schedule(config, work);
        } catch (IllegalArgumentException e) {
            System.err.println("stagger test: " + e.getMessage());
            return RunOutcome.ERROR;
        }
        Path directory = traceRunDirectory != null ? traceRunDirectory : runDirectory();
        out.println("Running " + workload + " with " + String.join(" ", config.command()) + " on " + nodeCount
                + " nodes for " + timeLimit + " s (seed " + config.seed() + "); results in " + directory);
        RunOutcome outcome = new TestRun(config, work, schedule, directory, out).run();
        if (validateTrace && outcome.results() != null) {
            TraceValidation.validate(directory, outcome.results(), out);
        }
        linkLatest(directory);
        Summary.print(out, outcome);
        return outcome.exitCode();
    }

    private RunConfig config(Defaults defaults) {
        List<String> command = new ArrayList<>();
        command.add(resolveBin(bin));
        if (nodeArgs != null && !nodeArgs.isBlank()) {
            command.addAll(Arrays.asList(nodeArgs.trim().split("\\s+")));
        }
        command.addAll(trailingNodeArgs);
        if (traceRunDirectory != null) {
            try {
                command.addAll(TraceValidation.nodeArgs(traceRunDirectory));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot create the traces directory: " + e.getMessage());
            }
        }
        List<Fault> faults = new ArrayList<>();
        for (String name : nemesis) {
            if (!name.isBlank()) {
                try {
                    faults.add(Fault.parse(name));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown fault " + name + "; one of " + String.join(", ", Fault.NAMES));
                }
            }
        }
        Latency.Shape shape;
        try {
            shape = Latency.Shape.parse(latencyDist != null ? latencyDist : defaults.latencyDist());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--latency-dist must be constant, uniform or exponential");
        }
        return new RunConfig(workload, command, new File(System.getProperty("user.dir")), nodeCount, timeLimit,
                rate != null ? rate : defaults.rate(), concurrency != null ? concurrency : nodeCount,
                latency != null ? latency : defaults.latencyMillis(), shape, faults,
                nemesisInterval != null ? nemesisInterval : defaults.nemesisIntervalSeconds(),
                nemesisSchedule != null ? Paths.get(nemesisSchedule).toAbsolutePath().normalize().toString() : null,
                availability, topology,
                keyCount, maxWritesPerKey, logStderr, logNetSend, logNetRecv, seed != null ? seed : System.nanoTime() & 0xffffffffL,
                recoveryTime != null ? recoveryTime : defaults.recoverySeconds(),
                timeoutMillis != null ? timeoutMillis : defaults.requestTimeoutMillis(), initTimeoutMillis, maxDualMasterMillis,
                Paths.get(store), !noProgress && System.console() != null, startSpreadMillis);
    }

    /** The schedule of --nemesis-schedule, read for this run's nodes, or else one drawn from the seed. */
    private static List<ScheduledFault> schedule(RunConfig config, Workload work) {
        List<String> ids = IntStream.rangeClosed(1, config.nodeCount()).mapToObj(i -> "n" + i).toList();
        boolean masterKnown = work.masterQuery() != null;
        if (config.nemesisSchedule() == null) {
            return ScheduleGenerator.generate(config.nemesis(), config.nemesisIntervalSeconds(), config.timeLimitSeconds(),
                    ids, masterKnown, config.seed() + 1);
        }
        String text;
        try {
            text = Files.readString(Paths.get(config.nemesisSchedule()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the nemesis schedule " + config.nemesisSchedule() + ": " + e);
        }
        return ScheduleText.parse(text, config.nemesisSchedule(), ids, masterKnown);
    }

    /** A relative --bin resolves against the current directory, so that bin/stagger works from anywhere. */
    private static String resolveBin(String bin) {
        Path path = Paths.get(bin);
        if (path.isAbsolute() || !bin.contains(File.separator)) {
            return Files.exists(Paths.get(bin)) ? path.toAbsolutePath().toString() : bin;
        }
        return path.toAbsolutePath().normalize().toString();
    }

    private Path runDirectory() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS"));
        return Paths.get(store).toAbsolutePath().normalize().resolve(workload).resolve(stamp);
    }

    /** DIR/workload/latest is the workload's latest run, DIR/latest the latest run of any (Jepsen's store/latest). */
    private static void linkLatest(Path directory) {
        link(directory.getParent().resolve("latest"), directory.getFileName());
        link(directory.getParent().getParent().resolve("latest"),
                directory.getParent().getFileName().resolve(directory.getFileName()));
    }

    private static void link(Path link, Path target) {
        try {
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            // A file system without symbolic links just has no "latest".
        }
    }
}
