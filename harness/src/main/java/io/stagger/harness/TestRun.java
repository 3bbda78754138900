package io.stagger.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.client.Client;
import io.stagger.harness.client.Clients;
import io.stagger.harness.client.Workers;
import io.stagger.harness.nemesis.Fault;
import io.stagger.harness.nemesis.Nemesis;
import io.stagger.harness.nemesis.ProcessTargets;
import io.stagger.harness.nemesis.ScheduleText;
import io.stagger.harness.nemesis.ScheduledFault;
import io.stagger.harness.net.Journal;
import io.stagger.harness.net.Latency;
import io.stagger.harness.net.Network;
import io.stagger.harness.proc.Cluster;
import io.stagger.harness.proc.NodeHandle;
import io.stagger.harness.report.Results;
import io.stagger.harness.report.RunFigures;
import io.stagger.harness.service.Services;
import io.stagger.harness.workload.Request;
import io.stagger.harness.workload.Workload;
import io.stagger.history.History;
import io.stagger.history.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * One test run, in Maelstrom's phases: start the nodes and init them; set up the workload; run clients and
 * nemesis for the time limit; heal every fault; if the workload has final requests, wait the recovery period and
 * make them; stop every node; check the history and write the results.
 */
public final class TestRun {
    private static final long POLL_MILLIS = 100;
    /** The run directory's nemesis schedule, written before the nodes start. */
    public static final String SCHEDULE_FILE = "nemesis-schedule.txt";
    /** The run directory's faults as applied, written after the final heal. */
    public static final String TIMELINE_FILE = "nemesis-timeline.txt";

    private final RunConfig config;
    private final Workload workload;
    private final List<ScheduledFault> schedule;
    private final Path directory;
    private final PrintStream out;
    private final RunClock clock = new RunClock();
    private final Problems problems = new Problems();
    private final History history = new History(clock::now);

    /** A run of {@code workload} with the nemesis {@code schedule} (drawn or replayed). */
    public TestRun(RunConfig config, Workload workload, List<ScheduledFault> schedule, Path directory, PrintStream out) {
        this.config = config;
        this.workload = workload;
        this.schedule = List.copyOf(schedule);
        this.directory = directory;
        this.out = out;
    }

    public RunOutcome run() throws IOException, InterruptedException {
        Files.createDirectories(directory.resolve("node-logs"));
        Files.writeString(directory.resolve(SCHEDULE_FILE), ScheduleText.format(schedule, scheduleComments()));
        RunFigures figures = new RunFigures();
        Journal journal = new Journal(directory.resolve("messages.jsonl"));
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(directory.resolve("harness.log"),
                StandardCharsets.UTF_8), true)) {
            Network network = new Network(clock, new Latency(config.latencyShape(), config.latencyMillis()), config.seed(),
                    journal, problems, line -> logLine(log, line), config.logNetSend(), config.logNetRecv());
            Clients clients = new Clients(network);
            try (ProgressBar progress = new ProgressBar(System.err, clock, history, network, config.progress());
                    Cluster cluster = new Cluster(config.nodeCount(), config.command(), config.workingDirectory(),
                            directory.resolve("node-logs"), config.logStderr(), network, clients, clock, problems,
                            config.initTimeoutMillis())) {
                Services.registerAll(network, history);
                phases(cluster, clients, network, progress, figures, log);
            } finally {
                network.close();
                figures.net(network.stats(), network.unknownDestinations());
            }
            figures.journal(journal.firstEntries());
            ObjectNode results = Results.build(config, workload, history.ops(), nodeIds(), figures, problems.list(),
                    directory);
            Results.write(directory, config, history.ops(), figures, results);
            return new RunOutcome(Results.exitCode(results), directory, results);
        }
    }

    private List<String> nodeIds() {
        return java.util.stream.IntStream.rangeClosed(1, config.nodeCount()).mapToObj(i -> "n" + i).toList();
    }

    private void phases(Cluster cluster, Clients clients, Network network, ProgressBar progress, RunFigures figures,
            PrintWriter log) throws InterruptedException {
        progress.phase("init", config.initTimeoutMillis() / 1000.0);
        Map<String, Long> initNanos = cluster.startAll(config.startSpreadMillis(),
                new java.util.SplittableRandom(config.seed() ^ 0x5eedL));
        figures.initNanos(initNanos);
        logLine(log, "nodes initialised: " + initNanos);
        if (problems.any()) {
            return;
        }
        setup(clients.create(), cluster.ids());
        if (problems.any()) {
            return;
        }
        Workers workers = new Workers(workload.generator(), workload.client(), clients, cluster.ids(), history, clock,
                problems, config.rate(), config.concurrency(), config.seed(), config.requestTimeoutMillis());
        Nemesis nemesis = new Nemesis(schedule, new ProcessTargets(cluster, network), history, workload.masterQuery(),
                clock);
        long start = clock.now();
        long end = start + (long) (config.timeLimitSeconds() * 1e9);
        progress.phase("main", config.timeLimitSeconds());
        figures.mainPhaseStarts(clock.now(), network.stats());
        Thread nemesisThread = new Thread(() -> nemesis.runUntil(start, end, problems::any), "nemesis");
        nemesisThread.setDaemon(true);
        nemesisThread.start();
        workers.runUntil(end);
        // The nemesis finishes its faults due before the end even when running late (a restart waits for init), so
        // that a replay applies the same ones; a problem stops it at once.
        if (problems.any()) {
            nemesisThread.interrupt();
        }
        nemesisThread.join();
        figures.mainPhaseEnds(clock.now(), network.stats());
        logLine(log, "healing the cluster");
        progress.phase("heal", 0);
        nemesis.healAll();
        figures.restartInitNanos(nemesis.restartInitNanos());
        writeTimeline(nemesis);
        List<String> live = cluster.nodes().stream().filter(NodeHandle::up).map(NodeHandle::id).toList();
        List<Request> finals = workload.generator().finalRequests(live);
        if (finals.isEmpty() || problems.any()) {
            return;
        }
        logLine(log, "waiting " + config.recoverySeconds() + " s for recovery");
        progress.phase("recovery", config.recoverySeconds());
        long recoveredAt = clock.now() + (long) (config.recoverySeconds() * 1e9);
        while (clock.now() < recoveredAt && !problems.any()) {
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (recoveredAt - clock.now()) / 1_000_000)));
        }
        progress.phase("final", 0);
        workers.runAll(finals, true);
    }

    private List<String> scheduleComments() {
        List<String> comments = new ArrayList<>();
        comments.add("The nemesis schedule of this run: times from the start of the main phase; \"master\" is the node "
                + "most nodes recognise when the fault begins.");
        if (config.nemesisSchedule() != null) {
            comments.add("Replayed from " + config.nemesisSchedule() + ".");
        } else {
            comments.add("Drawn from --seed " + config.seed() + " for --nemesis "
                    + String.join(",", config.nemesis().stream().map(Fault::label).toList()) + " --nemesis-interval "
                    + config.nemesisIntervalSeconds() + " --time-limit " + config.timeLimitSeconds() + " --node-count "
                    + config.nodeCount() + ".");
        }
        comments.add("Replay it with --nemesis-schedule <this file>; what was applied is in " + TIMELINE_FILE + ".");
        return comments;
    }

    /** The faults as applied, in the schedule's vocabulary, with what was skipped and why. */
    private void writeTimeline(Nemesis nemesis) {
        List<String> comments = new ArrayList<>();
        comments.add("The faults as applied: times as they took effect, from the start of the main phase; every node "
                + "named. Replayable with --nemesis-schedule.");
        nemesis.skipped().forEach(line -> comments.add("skipped " + line));
        try {
            Files.writeString(directory.resolve(TIMELINE_FILE), ScheduleText.format(nemesis.applied(), comments));
        } catch (IOException e) {
            problems.report("cannot write " + TIMELINE_FILE + ": " + e.getMessage());
        }
    }

    /** Sends each node the workload's setup requests (broadcast's topology); a node that does not answer is an error. */
    private void setup(Client client, List<String> nodeIds) throws InterruptedException {
        for (Request request : workload.generator().setup(nodeIds)) {
            try {
                JsonNode reply = client.call(request.node(), request.body(), config.requestTimeoutMillis());
                if (!reply.path("type").asText().equals(request.body().path("type").asText() + "_ok")) {
                    problems.report(request.node() + " answered " + request.f() + " with " + Json.write(reply));
                }
            } catch (TimeoutException e) {
                problems.report(request.node() + " did not answer " + request.f() + " within "
                        + config.requestTimeoutMillis() + " ms");
            }
        }
    }

    private void logLine(PrintWriter log, String line) {
        String stamped = String.format(java.util.Locale.ROOT, "%9.3f %s", clock.now() / 1e9, line);
        synchronized (log) {
            log.println(stamped);
        }
        if (config.logNetSend() || config.logNetRecv()) {
            out.println(stamped);
        }
    }
}
