package io.stagger.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures the node as a real process, through its launcher (not a JMH benchmark: a process start is the unit).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.stagger.bench.NodeProcess startup    [LAUNCHER [RUNS]]
 * java -cp benchmarks/target/benchmarks.jar io.stagger.bench.NodeProcess throughput [LAUNCHER [MESSAGES]]
 * java -cp benchmarks/target/benchmarks.jar io.stagger.bench.NodeProcess race RUNS LABEL COMMAND [LABEL COMMAND ...]
 * </pre>
 *
 * {@code startup}: spawn the launcher (default {@code bin/stagger-node}), write {@code init} at once, and time from
 * the spawn to the {@code init_ok} line; RUNS times (default 10), then the median and the maximum.
 * {@code throughput}: after {@code init_ok}, pipe MESSAGES inquiries (default 200,000) from a BACKUP to the MASTER
 * and time until the last {@code inquiry_ok} comes back: protocol messages per second through stdin and stdout.
 * {@code race}: start each COMMAND (words split at spaces; leading {@code NAME=VALUE} words set its environment) and
 * time it from the spawn to its {@code init_ok}, RUNS rounds, every round starting each command once, in an order
 * rotated from round to round, so that all share the machine's load alike; then per command the median, minimum and
 * maximum, the CPU time the process had used by {@code init_ok}, and its peak resident memory by then (Linux). The
 * commands get the same {@code init}, and nothing else, as Maelstrom's demos expect; {@code benchmarks/start-race.sh}
 * runs it for the node beside Maelstrom's demos.
 */
public final class NodeProcess {
    private static final String INIT = "{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
            + "\"node_id\":\"n1\",\"node_ids\":[\"n1\",\"n2\",\"n3\"]}}\n";
    /** No boot markers in the temporary directory: every run is rule 8, and n1 is the MASTER that answers. */
    private static final List<String> NODE_ARGS = List.of("--boot", "start");
    private static final long TIMEOUT_SECONDS = 60;

    private NodeProcess() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String what = args.length > 0 ? args[0] : "startup";
        String launcher = args.length > 1 ? args[1] : "bin/stagger-node";
        switch (what) {
            case "startup" -> startup(launcher, args.length > 2 ? Integer.parseInt(args[2]) : 10);
            case "throughput" -> throughput(launcher, args.length > 2 ? Integer.parseInt(args[2]) : 200_000);
            case "race" -> {
                if (args.length < 4 || args.length % 2 != 0) {
                    System.err.println("usage: NodeProcess race RUNS LABEL COMMAND [LABEL COMMAND ...]");
                    System.exit(2);
                }
                List<Contender> contenders = new ArrayList<>();
                for (int i = 2; i < args.length; i += 2) {
                    contenders.add(Contender.parse(args[i], args[i + 1]));
                }
                race(Integer.parseInt(args[1]), contenders);
            }
            default -> {
                System.err.println("usage: NodeProcess startup|throughput|race [LAUNCHER [RUNS|MESSAGES]]");
                System.exit(2);
            }
        }
    }

    private static void startup(String launcher, int runs) throws IOException, InterruptedException {
        double[][] measured = startupMillisAndCpuMillis(launcher, runs);
        for (int run = 0; run < runs; run++) {
            System.out.printf(Locale.ROOT, "run %2d: init_ok after %7.1f ms, %6.1f ms of CPU%n", run + 1,
                    measured[0][run], measured[1][run]);
        }
        System.out.printf(Locale.ROOT, "startup to init_ok over %d runs: %s; CPU time of the node by then: %s%n",
                runs, summary(measured[0]), summary(measured[1]));
    }

    /** A command to start: a label, its words and its environment. */
    record Contender(String label, List<String> command, Map<String, String> environment) {
        static Contender parse(String label, String commandLine) {
            Map<String, String> environment = new LinkedHashMap<>();
            List<String> words = new ArrayList<>(List.of(commandLine.trim().split(" +")));
            while (!words.isEmpty() && words.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                String word = words.remove(0);
                environment.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
            }
            if (words.isEmpty()) {
                throw new IllegalArgumentException("no command for " + label);
            }
            return new Contender(label, words, environment);
        }
    }

    /** One start: wall time to {@code init_ok}, CPU time by then (-1 if unknown), peak resident kB by then (-1). */
    record Start(double millis, double cpuMillis, long peakResidentKb) {}

    private static void race(int runs, List<Contender> contenders) throws IOException, InterruptedException {
        List<List<Start>> starts = race(runs, contenders, true);
        System.out.printf(Locale.ROOT, "%nstart to init_ok, %d interleaved rounds:%n", runs);
        System.out.printf(Locale.ROOT, "| %-40s | median ms | min ms | max ms | CPU ms (median) | peak RSS MB (max) |%n",
                "command");
        System.out.printf(Locale.ROOT, "| %-40s | --- | --- | --- | --- | --- |%n", "---");
        for (int c = 0; c < contenders.size(); c++) {
            List<Start> mine = starts.get(c);
            double[] millis = mine.stream().mapToDouble(Start::millis).sorted().toArray();
            double[] cpu = mine.stream().mapToDouble(Start::cpuMillis).sorted().toArray();
            long peak = mine.stream().mapToLong(Start::peakResidentKb).max().orElse(-1);
            System.out.printf(Locale.ROOT, "| %-40s | %.1f | %.1f | %.1f | %.1f | %s |%n", contenders.get(c).label(),
                    median(millis), millis[0], millis[millis.length - 1], median(cpu),
                    peak < 0 ? "-" : String.format(Locale.ROOT, "%.1f", peak / 1024.0));
        }
    }

    /** Per contender, its {@code runs} starts: each round starts every contender once, from a rotating first one. */
    static List<List<Start>> race(int runs, List<Contender> contenders, boolean print)
            throws IOException, InterruptedException {
        List<List<Start>> starts = new ArrayList<>();
        for (int c = 0; c < contenders.size(); c++) {
            starts.add(new ArrayList<>());
        }
        for (int round = 0; round < runs; round++) {
            for (int k = 0; k < contenders.size(); k++) {
                int c = (round + k) % contenders.size();
                Contender contender = contenders.get(c);
                ProcessBuilder builder = new ProcessBuilder(contender.command())
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
                builder.environment().putAll(contender.environment());
                Start start = timeToInitOk(builder);
                starts.get(c).add(start);
                if (print) {
                    System.out.printf(Locale.ROOT, "round %2d  %-40s %7.1f ms, %6.1f ms of CPU%n", round + 1,
                            contender.label(), start.millis(), start.cpuMillis());
                }
            }
        }
        return starts;
    }

    private static Start timeToInitOk(ProcessBuilder builder) throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        Process node = builder.start();
        Start start;
        try (Writer stdin = stdinOf(node); BufferedReader stdout = stdoutOf(node)) {
            stdin.write(INIT);
            stdin.flush();
            awaitLineContaining(stdout, "init_ok", node);
            double millis = (System.nanoTime() - startNanos) / 1e6;
            double cpuMillis = node.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0);
            start = new Start(millis, cpuMillis, peakResidentKb(node.pid()));
        }
        finish(node);
        return start;
    }

    /** The process's peak resident set (VmHWM) in kB, or -1 where /proc does not tell. */
    private static long peakResidentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String summary(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int runs = sorted.length;
        return String.format(Locale.ROOT, "median %.1f ms, min %.1f ms, max %.1f ms", median(sorted), sorted[0],
                sorted[runs - 1]);
    }

    private static void throughput(String launcher, int messages) throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        double perSecond = messagesPerSecond(launcher, messages);
        System.out.printf(Locale.ROOT, "%d inquiries answered through the process (%.1f s in all): %.0f messages/s%n",
                messages, (System.nanoTime() - startNanos) / 1e9, perSecond);
    }

    /** Milliseconds from spawning the node to its {@code init_ok}, for each of {@code runs} starts. */
    static double[] startupMillis(String launcher, int runs) throws IOException, InterruptedException {
        return startupMillisAndCpuMillis(launcher, runs)[0];
    }

    /**
     * For each of {@code runs} starts: the wall time from spawning the node to its {@code init_ok}, and the CPU time
     * the node process had used by then (-1 where the system does not tell). On a loaded machine the first says how
     * long a harness waits, the second how much work a start is.
     */
    static double[][] startupMillisAndCpuMillis(String launcher, int runs) throws IOException, InterruptedException {
        double[] millis = new double[runs];
        double[] cpuMillis = new double[runs];
        for (int run = 0; run < runs; run++) {
            Start start = timeToInitOk(new ProcessBuilder(command(launcher))
                    .redirectError(ProcessBuilder.Redirect.DISCARD));
            millis[run] = start.millis();
            cpuMillis[run] = start.cpuMillis();
        }
        return new double[][] {millis, cpuMillis};
    }

    /** Inquiries answered per second by one node process, after its {@code init_ok}. */
    static double messagesPerSecond(String launcher, int messages) throws IOException, InterruptedException {
        Process node = spawn(launcher);
        double perSecond;
        try (Writer stdin = stdinOf(node); BufferedReader stdout = stdoutOf(node)) {
            stdin.write(INIT);
            stdin.flush();
            awaitLineContaining(stdout, "init_ok", node);
            long startNanos = System.nanoTime();
            Thread writer = new Thread(() -> {
                try {
                    StringBuilder line = new StringBuilder(96);
                    for (int i = 1; i <= messages; i++) {
                        line.setLength(0);
                        line.append("{\"src\":\"n2\",\"dest\":\"n1\",\"body\":{\"type\":\"inquiry\",\"msg_id\":")
                                .append(i + 1).append("}}\n");
                        stdin.append(line);
                    }
                    stdin.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "node-stdin");
            writer.start();
            int answered = 0;
            while (answered < messages) {
                String line = stdout.readLine();
                if (line == null) {
                    throw new IOException("the node closed stdout after " + answered + " answers");
                }
                if (line.contains("\"inquiry_ok\"")) {
                    answered++;
                }
            }
            perSecond = messages / ((System.nanoTime() - startNanos) / 1e9);
            writer.join();
        }
        finish(node);
        return perSecond;
    }

    private static Process spawn(String launcher) throws IOException {
        return new ProcessBuilder(command(launcher)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> command(String launcher) {
        List<String> command = new ArrayList<>();
        command.add(launcher);
        command.addAll(NODE_ARGS);
        return command;
    }

    private static Writer stdinOf(Process node) {
        return new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    private static BufferedReader stdoutOf(Process node) {
        return new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    private static void awaitLineContaining(BufferedReader stdout, String text, Process node) throws IOException {
        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
            if (line.contains(text)) {
                return;
            }
        }
        throw new IOException("the node closed stdout before '" + text + "' (exit " + node.onExit().join().exitValue()
                + ")");
    }

    /** Closing stdin stops the node; it must be gone within the time-out. */
    private static void finish(Process node) throws InterruptedException {
        if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("the node did not stop within " + TIMEOUT_SECONDS + " s of EOF on stdin");
        }
    }
}
