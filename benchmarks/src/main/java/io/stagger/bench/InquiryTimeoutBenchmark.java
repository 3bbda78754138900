package io.stagger.bench;

import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Message.Declare;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.Timer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Rule 4, InquiryTimeout: the weakest BACKUP's inquiry goes unanswered, it looks up E(self) without the failed
 * master and waits. A state-restoring triple: tick (inquiry out), time-out after T (WAITING), and the old master's
 * declare (rule 6 as WAITING) makes it the BACKUP it was.
 */
public class InquiryTimeoutBenchmark extends CoreStepBenchmark {
    private Server backup;
    private String masterId;
    private Event masterDeclares;

    @Override
    void setUp(Group group) {
        masterId = Groups.id(1);
        backup = Groups.started(Groups.id(n), group);
        masterDeclares = new Event.Receive(masterId, new Declare(masterId, backup.epoch()));
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
        backup.step(Event.TimerFired.of(Timer.DETECTION), nowMicros, effects);
        nowMicros += Groups.INQUIRY_TIMEOUT_MICROS;
        backup.step(Event.TimerFired.of(Timer.INQUIRY), nowMicros, effects);
        backup.step(masterDeclares, nowMicros, effects);
    }
}
