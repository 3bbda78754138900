package io.stagger.bench;

import io.stagger.core.Group;
import io.stagger.core.Message.Declare;
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
 * Rule 4, InquiryTimeout: the weakest BACKUP's inquiry goes unanswered, it looks up E(self) without the failed
 * master and waits. A state-restoring triple: tick (inquiry out), time-out after T (WAITING), and the old master's
 * declare (rule 6 as WAITING) makes it the BACKUP it was.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class InquiryTimeoutBenchmark {
    @Param({"3", "9", "33", "129"})
    int n;

    private Server backup;
    private String masterId;
    private Declare masterDeclares;
    private long nowMicros;
    private BlackholeEffects effects;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        Group group = Groups.ofSize(n);
        masterId = Groups.id(1);
        backup = Groups.started(Groups.id(n), group);
        masterDeclares = new Declare(masterId, backup.epoch());
        effects = new BlackholeEffects(blackhole);
        Groups.requireRole(backup, Role.BACKUP);
    }

    @TearDown(Level.Iteration)
    public void checkRestored() {
        Groups.requireRole(backup, Role.BACKUP);
        Groups.requireDeadline(backup, Timer.DETECTION, nowMicros + Groups.DETECTION_PERIOD_MICROS);
    }

    /** Rules 1, 4, then 6 (as WAITING): one triple per op. */
    @Benchmark
    public void detectionTickThenInquiryTimeoutThenDeclare() {
        nowMicros += Groups.DETECTION_PERIOD_MICROS;
        backup.detectionTick(nowMicros, effects);
        nowMicros += Groups.INQUIRY_TIMEOUT_MICROS;
        backup.inquiryTimeout(nowMicros, effects);
        backup.receiveDeclare(masterId, masterDeclares, nowMicros, effects);
    }
}
