package io.stagger.check.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether {@code spec/StaggeredElection.tla} admits a run's trace: writes MCTrace ({@link TraceModule}),
 * runs TLC on it in a child JVM with one worker, and reads the deepest trace position that TLC reached from the
 * states that {@code ReportState} prints. The trace is accepted when some behaviour matches every event.
 */
public final class TraceValidator {
    private static final Pattern STATE = Pattern.compile("^<<\\s*\"trace-state\",\\s*(\\d+),\\s*(\\d+),\\s*(.*?)\\s*>>$",
            Pattern.DOTALL);
    private static final Pattern DISTINCT = Pattern.compile("([\\d,]+) distinct states found");

    private final Path specDir;
    private final long timeoutSeconds;

    /** A validator that takes the spec from {@code specDir} (null: found as {@code check} finds it). */
    public TraceValidator(Path specDir, long timeoutSeconds) {
        this.specDir = specDir;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Validates the trace files under {@code traces}, working in {@code workDir}. */
    public TraceVerdict validate(Path traces, Path workDir) {
        return validate(TraceLog.read(traces), workDir);
    }

    /** Validates {@code events}, working in {@code workDir}. */
    public TraceVerdict validate(List<TraceEvent> events, Path workDir) {
        TraceModule.write(events, workDir, specDir);
        long start = System.nanoTime();
        try {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseParallelGC", "-cp", location(tlc2.TLC.class), "tlc2.TLC",
                    "-workers", "1", "-deadlock", "-nowarning", "-cleanup",
                    "-metadir", workDir.resolve("states").toString(),
                    "-config", TraceModule.MODULE + ".cfg", TraceModule.MODULE);
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .start();
            Reached reached = new Reached();
            Thread reader = new Thread(() -> read(process, reached, workDir), "tlc-trace-output");
            reader.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            reader.join();
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            if (!finished) {
                return new TraceVerdict(false, events.size(), 0, null, 0, null, reached.distinct, wallMillis,
                        "TLC did not finish within " + timeoutSeconds + " s (deepest event matched: "
                                + (reached.index - 1) + ")");
            }
            if (process.exitValue() != 0 || reached.index == 0) {
                return new TraceVerdict(false, events.size(), 0, null, 0, null, reached.distinct, wallMillis,
                        "TLC failed (exit " + process.exitValue() + "): " + String.join(" | ", reached.errors)
                                + " (log: " + workDir.resolve("tlc.log").getFileName() + " in the work directory)");
            }
            boolean accepted = reached.index == events.size() + 1;
            int rejected = accepted ? 0 : reached.index;
            return new TraceVerdict(accepted, events.size(), rejected, accepted ? null : events.get(rejected - 1),
                    events.get(0).time(), accepted ? null : reached.state, reached.distinct, wallMillis, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC ran", e);
        }
    }

    /** The deepest point of the trace that TLC reached, and what it said. */
    private static final class Reached {
        int index;
        long time = -1;
        String state;
        long distinct = -1;
        final List<String> errors = new ArrayList<>();
    }

    private static void read(Process process, Reached reached, Path workDir) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(workDir.resolve("tlc.log")))) {
            StringBuilder pending = null;
            String line;
            while ((line = output.readLine()) != null) {
                log.println(line);
                if (pending == null && line.replace(" ", "").startsWith("<<\"trace-state\"")) {
                    pending = new StringBuilder();
                }
                if (pending != null) {
                    pending.append(pending.length() == 0 ? "" : " ").append(line.strip());
                    if (balanced(pending.toString())) {
                        take(pending.toString(), reached);
                        pending = null;
                    }
                    continue;
                }
                Matcher distinct = DISTINCT.matcher(line);
                if (distinct.find()) {
                    reached.distinct = Long.parseLong(distinct.group(1).replace(",", ""));
                }
                if (line.startsWith("Error") || line.contains("Exception") || line.startsWith("***")) {
                    if (reached.errors.size() < 5) {
                        reached.errors.add(line.strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void take(String text, Reached reached) {
        Matcher state = STATE.matcher(text);
        if (!state.matches()) {
            return;
        }
        int index = Integer.parseInt(state.group(1));
        long time = Long.parseLong(state.group(2));
        if (index > reached.index || (index == reached.index && time > reached.time)) {
            reached.index = index;
            reached.time = time;
            reached.state = "t=" + time + "us " + state.group(3);
        }
    }

    /** Whether TLC's value text has closed every {@code <<} and {@code [} it opened ({@code |->} is no bracket). */
    private static boolean balanced(String text) {
        int depth = 0;
        boolean inString = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"') {
                inString = !inString;
            } else if (inString) {
                continue;
            } else if (text.startsWith("|->", k)) {
                k += 2;
            } else if (text.startsWith("<<", k)) {
                depth++;
                k++;
            } else if (text.startsWith(">>", k)) {
                depth--;
                k++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
        return depth == 0;
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }

}
