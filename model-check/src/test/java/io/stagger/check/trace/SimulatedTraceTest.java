package io.stagger.check.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Config;
import io.stagger.sim.Fault;
import io.stagger.sim.Scenario;
import io.stagger.sim.Simulation;
import io.stagger.trace.TraceRecorder;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulator's traces of correct runs validate against the spec (issue 10). */
class SimulatedTraceTest {
    static final long MS = 1_000;

    @Test
    void aRunWithACrashARestartAndAPartitionValidates() throws IOException {
        List<Fault> faults = List.of(new Fault.Crash(300 * MS, "n1"), new Fault.Restart(900 * MS, "n1"),
                new Fault.Partition(1_300 * MS, List.of(Set.of("n3"))), new Fault.Heal(1_700 * MS));
        assertAccepted("crash-partition", faults, 2_200 * MS);
    }

    /** The master n1 sleeps through an election and wakes up MASTER beside n2: the revocation that follows is traced. */
    @Test
    void aRunWithAPausedMasterValidates() throws IOException {
        List<Fault> faults = List.of(new Fault.Pause(300 * MS, 900 * MS, "n1"));
        Path traces = assertAccepted("pause", faults, 1_500 * MS);
        assertThat(Files.readString(traces)).as("the run had a revocation to validate").contains("\"ReceiveRevoke\"");
    }

    /**
     * Variant roster (default): the backup n2 crashes and stays down, the master's announcements drop it, then the
     * master crashes: n3 waits B only, with a roster without n2, and n4 waits one step; the spec's roster agrees.
     */
    @Test
    void aRunWithABackupDownAndThenAMasterCrashValidates() throws IOException {
        List<Fault> faults = List.of(new Fault.Crash(300 * MS, "n2"), new Fault.Crash(800 * MS, "n1"));
        Path traces = assertAccepted("roster", List.of("n1", "n2", "n3", "n4"), faults, 1_300 * MS);
        assertThat(Files.readString(traces)).as("a declaration without n2 was received")
                .contains("\"type\":\"declare\",\"msgMaster\":1,\"msgRevoked\":0,\"msgEpoch\":0,\"msgLive\":\"1,3,4\"");
    }

    /** Runs n1, n2, n3 with the defaults and {@code faults}, validates the trace, asserts it accepted; the trace. */
    private static Path assertAccepted(String name, List<Fault> faults, long untilMicros) throws IOException {
        return assertAccepted(name, List.of("n1", "n2", "n3"), faults, untilMicros);
    }

    private static Path assertAccepted(String name, List<String> ids, List<Fault> faults, long untilMicros)
            throws IOException {
        Path traces = record(name, new Scenario(ids, Config.defaults(), 7, faults), untilMicros);
        TraceVerdict verdict = new TraceValidator(null, 120).validate(traces, workDir(name));
        System.out.print(verdict.report());
        assertThat(verdict.error()).isNull();
        assertThat(verdict.accepted()).as(verdict.report()).isTrue();
        return traces;
    }

    /** Runs {@code scenario} until {@code untilMicros} and writes its trace; returns the trace file. */
    static Path record(String name, Scenario scenario, long untilMicros) throws IOException {
        Path file = workDir(name).resolve("traces").resolve("sim.jsonl");
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file); TraceRecorder recorder = new TraceRecorder(out, 0)) {
            Simulation simulation = new Simulation(scenario).observe(recorder);
            simulation.runUntil(untilMicros);
        }
        return file;
    }

    static Path workDir(String name) {
        return Path.of(System.getProperty("stagger.work.dir", "target/test-runs"), "trace-" + name);
    }
}
