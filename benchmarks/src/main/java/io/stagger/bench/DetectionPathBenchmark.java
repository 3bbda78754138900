package io.stagger.bench;

import io.stagger.core.Group;
import io.stagger.core.Message.InquiryOk;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.Timer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The steady-state detection path, PROTOCOL.md §4 rules 1-3: what every BACKUP and the MASTER do every P while
 * nothing fails. Rules 1 and 3 run as a state-restoring pair (the tick sends an inquiry, the reply cancels its
 * time-out), so the clock only moves forward and the BACKUP is the same after every invocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DetectionPathBenchmark {
    @Param({"3", "9", "33", "129"})
    int n;

    private Server master;
    private Server backup;
    private String masterId;
    private String backupId;
    private InquiryOk reply;
    private long nowMicros;
    private BlackholeEffects effects;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        Group group = Groups.ofSize(n);
        masterId = Groups.id(1);
        backupId = Groups.id(n);
        master = Groups.started(masterId, group);
        backup = Groups.started(backupId, group);
        reply = new InquiryOk(masterId, master.epoch());
        effects = new BlackholeEffects(blackhole);
        Groups.requireRole(master, Role.MASTER);
        Groups.requireRole(backup, Role.BACKUP);
    }

    @TearDown(Level.Iteration)
    public void checkRestored() {
        Groups.requireRole(master, Role.MASTER);
        Groups.requireRole(backup, Role.BACKUP);
        if (backup.inquiryOutstanding()) {
            throw new IllegalStateException("benchmark state drifted: an inquiry is outstanding at " + backup);
        }
        Groups.requireDeadline(backup, Timer.DETECTION, nowMicros + Groups.DETECTION_PERIOD_MICROS);
    }

    /** Rules 1 then 3 at a BACKUP: the tick sends an inquiry and arms T, the reply cancels T. One pair per op. */
    @Benchmark
    public void detectionTickThenInquiryOk() {
        nowMicros += Groups.DETECTION_PERIOD_MICROS;
        backup.detectionTick(nowMicros, effects);
        backup.receiveInquiryOk(masterId, reply, nowMicros, effects);
    }

    /** Rule 2 at the MASTER: answer inquiry_ok(master = self). No state changes, so one step per op. */
    @Benchmark
    public void receiveInquiryAsMaster() {
        master.receiveInquiry(backupId, nowMicros, effects);
    }

    /** Rule 2 at a BACKUP (no {@code redirect}): not its master's business, no answer. One step per op. */
    @Benchmark
    public void receiveInquiryAsBackup() {
        backup.receiveInquiry(masterId, nowMicros, effects);
    }
}
