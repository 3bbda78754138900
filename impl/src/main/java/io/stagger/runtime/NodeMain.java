package io.stagger.runtime;

import io.stagger.cli.PlainOptions;
import io.stagger.core.Config;
import io.stagger.core.DelayBounds;
import io.stagger.core.Durations;
import io.stagger.core.RankRule;
import io.stagger.core.Variant;
import io.stagger.trace.TraceRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/stagger-node}: one server of the group as a Maelstrom node. */
@Command(name = "stagger-node", mixinStandardHelpOptions = true, version = "stagger-node 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "One server of a fault-tolerant group whose master is elected with staggered timers and revocation.",
            "Speaks Maelstrom's protocol: JSON messages, one per line, on stdin and stdout; logs on stderr.",
            "Run it under a Maelstrom-style harness as --bin, e.g.: bin/stagger test -w election --bin bin/stagger-node",
            "Durations need a unit: 250us, 100ms, 1.5s, 1m.",
            ""
        })
public final class NodeMain implements Callable<Integer>, PlainOptions.Target {
    // The defaults, shared by the annotations (picocli, --help) and the fields (the parse without picocli).
    static final String DEFAULT_VARIANTS = "announce,epochs,patient,prompt,roster";
    static final String DEFAULT_P = "100ms";
    static final String DEFAULT_T = "50ms";
    static final String DEFAULT_B = "100ms";
    static final String DEFAULT_D = "20ms";
    static final String DEFAULT_RANK_RULE = "position";
    static final String DEFAULT_BOOT = "auto";
    static final String DEFAULT_SERVICE_RULE = "majority";
    static final String DEFAULT_SNAPSHOT_PERIOD = "1000ms";
    static final String DEFAULT_LATE_TIMER_SLACK = "5ms";

    @Option(names = "--variants", paramLabel = "LIST", defaultValue = DEFAULT_VARIANTS,
            description = "Comma-separated fixes of PROTOCOL.md §5: announce, epochs, redirect, patient (no election"
                    + " without a fault), prompt (a detector tells the stronger candidates; candidates 2D apart),"
                    + " roster (the master names the members it heard from; members off it cost no step),"
                    + " spaced (candidates P + 2D apart); 'none' for the claims' variant."
                    + " Default: ${DEFAULT-VALUE}.")
    String variants = DEFAULT_VARIANTS;

    @Option(names = "--start-allowance", paramLabel = "DURATION",
            description = "With patient: a starting BACKUP that has not heard from its master begins detection"
                    + " after this long (longer than the spread of the group's process starts; at least P)."
                    + " Default: 3s, or P if longer.")
    String startAllowance;

    @Option(names = "--P", paramLabel = "DURATION", defaultValue = DEFAULT_P,
            description = "Detection period P: a BACKUP inquires of its master every P (and a MASTER re-declares"
                    + " every P with announce). Default: ${DEFAULT-VALUE}.")
    String detectionPeriod = DEFAULT_P;

    @Option(names = "--T", paramLabel = "DURATION", defaultValue = DEFAULT_T,
            description = "Inquiry time-out T: no reply within T and the master is taken as failed. Must be at least"
                    + " the inquiry round trip. Default: ${DEFAULT-VALUE}.")
    String inquiryTimeout = DEFAULT_T;

    @Option(names = "--B", paramLabel = "DURATION", defaultValue = DEFAULT_B,
            description = "Base election delay B: the strongest candidate waits B. Default: ${DEFAULT-VALUE}.")
    String electionBase = DEFAULT_B;

    @Option(names = "--D", paramLabel = "DURATION", defaultValue = DEFAULT_D,
            description = "Bound D on the one-way message delay between any two servers. Default: ${DEFAULT-VALUE}.")
    String delayBound = DEFAULT_D;

    @Option(names = "--delay-matrix", paramLabel = "FROM>TO=DURATION,...",
            description = "Per-pair bounds d(k, j), e.g. n1>n2=10ms,n2>n1=30ms; pairs not listed take --D.")
    String delayMatrix;

    @Option(names = "--rank-rule", paramLabel = "RULE", defaultValue = DEFAULT_RANK_RULE,
            description = "position: rank = position in init's node_ids (default); capability: a higher --capability"
                    + " gives a stronger rank, ties by id (claims 20-21).")
    String rankRule = DEFAULT_RANK_RULE;

    @Option(names = "--capability", paramLabel = "ID=NUMBER,...",
            description = "Capabilities (computational power or bandwidth) for --rank-rule capability, e.g."
                    + " n1=4,n2=8,n3=8.")
    String capability;

    @Option(names = "--boot", paramLabel = "MODE", defaultValue = DEFAULT_BOOT,
            description = "start: init forms the initial group (rule 8); restart: init means back from a crash with"
                    + " state lost (rule 9); auto: start on the first init of this node id under this harness"
                    + " process, restart after. Default: ${DEFAULT-VALUE}.")
    String boot = DEFAULT_BOOT;

    @Option(names = "--boot-marker-dir", paramLabel = "DIR",
            description = "Where --boot auto records first boots. Default: a folder in the system's temp directory.")
    String bootMarkerDir;

    @Option(names = "--service-rule", paramLabel = "RULE", defaultValue = DEFAULT_SERVICE_RULE,
            description = "How the key-value service acknowledges: majority (a write is answered once a majority of"
                    + " the group holds it; a new master serves from the most advanced state of a majority; see"
                    + " docs/SERVICE.md) or none (the claims alone: answer after applying locally; loses"
                    + " acknowledged writes across failovers, for comparison only). Default: ${DEFAULT-VALUE}.")
    String serviceRule = DEFAULT_SERVICE_RULE;

    @Option(names = "--snapshot-period", paramLabel = "DURATION", defaultValue = DEFAULT_SNAPSHOT_PERIOD,
            description = "How often the serving master sends its whole replicated state (key-value store and"
                    + " conference) to every backup, besides replicating each batch; 0 switches the snapshots off."
                    + " See docs/CONFERENCE.md. Default: ${DEFAULT-VALUE}.")
    String snapshotPeriod = DEFAULT_SNAPSHOT_PERIOD;

    @Option(names = "--incarnation", paramLabel = "NUMBER",
            description = "Tells this boot of the node from every other in the service's ballots; must differ after"
                    + " every restart. Default: the wall-clock time of the boot in ms. Fix it only for reproducible"
                    + " sessions.")
    Long incarnation;

    @Option(names = "--late-timer-slack", paramLabel = "DURATION", defaultValue = DEFAULT_LATE_TIMER_SLACK,
            description = "A timer that fires later than this (the node was not scheduled: CPU starvation, a GC"
                    + " pause) first lets the input that queued up meanwhile be handled, so that a reply waiting in"
                    + " stdin is not timed out. Default: ${DEFAULT-VALUE}.")
    String lateTimerSlack = DEFAULT_LATE_TIMER_SLACK;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Append every protocol step as a JSON line to FILE (a directory: to DIR/<node id>.jsonl), "
                    + "for `stagger check --trace`.")
    Path traceFile;

    private FrontDoors frontDoors = FrontDoors.PRODUCT;

    @Option(names = {"-v", "--verbose"}, description = "Log every protocol step on stderr, not only role changes.")
    boolean verbose;

    /**
     * Entry point of the node process. The command lines a harness uses ({@code --name value}, {@code --name=value},
     * {@code -v}) are parsed by {@link #parseWithoutPicocli}: building picocli's model of the options would be most of
     * a start's CPU time. Anything else, and any option value that does not validate, goes to picocli, which gives
     * {@code --help}, {@code --version} and every error text exactly as before.
     */
    public static void main(String[] args) {
        System.exit(execute(args, FrontDoors.PRODUCT));
    }

    /** Runs a node from {@code args} whose service's front door {@code frontDoors} builds; returns the exit code. */
    static int execute(String[] args, FrontDoors frontDoors) {
        NodeMain direct = new NodeMain();
        direct.frontDoors = frontDoors;
        if (direct.parseWithoutPicocli(args) && direct.validates()) {
            try {
                return direct.call();
            } catch (RuntimeException e) {
                System.err.println(failure(e));
                return FAILED;
            }
        }
        NodeMain picocli = new NodeMain();
        picocli.frontDoors = frontDoors;
        CommandLine commandLine = new CommandLine(picocli);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(failure(e));
            return FAILED;
        });
        return commandLine.execute(args);
    }

    private static final int FAILED = 2;

    private static String failure(Exception e) {
        return "stagger-node: " + e.getMessage();
    }

    private boolean validates() {
        try {
            options();
            return true;
        } catch (RuntimeException e) {
            return false; // picocli runs the same validation and reports it
        }
    }

    /**
     * Sets the options from {@code args} if every argument is one of this command's options in a plain form
     * ({@link PlainOptions}); false, with nothing to be trusted, for anything picocli must see. {@code NodeMainTest}
     * holds it to picocli's parse of the same arguments.
     */
    boolean parseWithoutPicocli(String[] args) {
        return PlainOptions.parse(args, this);
    }

    @Override
    public boolean setFlag(String name) {
        if (verbose || !(name.equals("-v") || name.equals("--verbose"))) {
            return false;
        }
        verbose = true;
        return true;
    }

    @Override
    public boolean setParameter(String value) {
        return false;
    }

    @Override
    public boolean setOption(String name, String value) {
        switch (name) {
            case "--variants" -> variants = value;
            case "--start-allowance" -> startAllowance = value;
            case "--P" -> detectionPeriod = value;
            case "--T" -> inquiryTimeout = value;
            case "--B" -> electionBase = value;
            case "--D" -> delayBound = value;
            case "--delay-matrix" -> delayMatrix = value;
            case "--rank-rule" -> rankRule = value;
            case "--capability" -> capability = value;
            case "--boot" -> boot = value;
            case "--boot-marker-dir" -> bootMarkerDir = value;
            case "--service-rule" -> serviceRule = value;
            case "--snapshot-period" -> snapshotPeriod = value;
            case "--incarnation" -> {
                if (!PlainOptions.isPlainNatural(value)) {
                    return false; // picocli's conversion decides anything else (and says what is wrong)
                }
                incarnation = Long.parseLong(value);
            }
            case "--late-timer-slack" -> lateTimerSlack = value;
            case "--trace" -> {
                try {
                    traceFile = Path.of(value);
                } catch (java.nio.file.InvalidPathException e) {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public Integer call() {
        NodeOptions options = options();
        MaelstromNode node = new MaelstromNode(options, System.out, System.err, frontDoors);
        if (traceFile == null) {
            return node.run(System.in);
        }
        try (TraceRecorder trace = Files.isDirectory(traceFile)
                ? TraceRecorder.inDirectory(traceFile, node.startWallMicros())
                : new TraceRecorder(Files.newBufferedWriter(traceFile, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND), node.startWallMicros())) {
            node.observeWith(trace);
            return node.run(System.in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace " + traceFile, e);
        }
    }

    /** The options as a validated {@link NodeOptions}; throws {@link IllegalArgumentException} with a clear text. */
    NodeOptions options() {
        Set<Variant> variantSet = Variant.parseList(variants);
        Duration d = Durations.parse(delayBound);
        DelayBounds bounds = delayMatrix == null ? new DelayBounds.Uniform(d)
                : new DelayBounds.Matrix(parseMatrix(delayMatrix), d);
        RankRule rule = switch (rankRule) {
            case "position" -> new RankRule.ByPosition();
            case "capability" -> {
                if (capability == null) {
                    throw new IllegalArgumentException("--rank-rule capability needs --capability ID=NUMBER,...");
                }
                yield new RankRule.ByCapability(parseCapabilities(capability));
            }
            default -> throw new IllegalArgumentException(
                    "--rank-rule must be position or capability, not '" + rankRule + "'");
        };
        Config config = new Config(variantSet, Durations.parse(detectionPeriod), Durations.parse(inquiryTimeout),
                Durations.parse(electionBase), bounds, rule);
        if (startAllowance != null) {
            config = config.withStartAllowance(Durations.parse(startAllowance));
        }
        BootMode mode = switch (boot) {
            case "auto" -> BootMode.AUTO;
            case "start" -> BootMode.START;
            case "restart" -> BootMode.RESTART;
            default -> throw new IllegalArgumentException("--boot must be auto, start or restart, not '" + boot + "'");
        };
        boolean majorityRule = switch (serviceRule) {
            case "majority" -> true;
            case "none" -> false;
            default -> throw new IllegalArgumentException(
                    "--service-rule must be majority or none, not '" + serviceRule + "'");
        };
        return new NodeOptions(config, mode, bootMarkerDir, verbose, majorityRule,
                incarnation == null ? System.currentTimeMillis() : incarnation,
                Durations.micros(Durations.parse(lateTimerSlack)),
                snapshotPeriod.strip().equals("0") ? 0 : Durations.micros(Durations.parse(snapshotPeriod)));
    }

    private static Map<String, Map<String, Duration>> parseMatrix(String text) {
        Map<String, Map<String, Duration>> matrix = new HashMap<>();
        for (String cell : text.split(",")) {
            String[] pairAndBound = cell.strip().split("=", 2);
            String[] pair = pairAndBound[0].split(">", 2);
            if (pairAndBound.length != 2 || pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                throw new IllegalArgumentException(
                        "--delay-matrix entries look like n1>n2=10ms, not '" + cell.strip() + "'");
            }
            matrix.computeIfAbsent(pair[0].strip(), k -> new HashMap<>())
                    .put(pair[1].strip(), Durations.parse(pairAndBound[1]));
        }
        return matrix;
    }

    private static Map<String, Long> parseCapabilities(String text) {
        Map<String, Long> capabilities = new HashMap<>();
        for (String entry : text.split(",")) {
            String[] idAndValue = entry.strip().split("=", 2);
            try {
                capabilities.put(idAndValue[0].strip(), Long.parseLong(idAndValue[1].strip()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "--capability entries look like n1=8 (a whole number), not '" + entry.strip() + "'");
            }
        }
        return capabilities;
    }
}
