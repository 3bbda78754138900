package io.stagger.bench;

import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Message.Inquiry;
import io.stagger.core.Message.InquiryOk;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.Timer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The steady-state detection path, PROTOCOL.md §4 rules 1-3: what every BACKUP and the MASTER do every P while
 * nothing fails. Rules 1 and 3 run as a state-restoring pair (the tick sends an inquiry, the reply cancels its
 * time-out), so the clock only moves forward and the BACKUP is the same after every invocation.
 */
public class DetectionPathBenchmark extends CoreStepBenchmark {
    private Server master;
    private Server backup;
    private String masterId;
    private String backupId;
    private Event inquiryOkFromMaster;
    private Event inquiryFromBackup;
    private Event inquiryFromMaster;

    @Override
    void setUp(Group group) {
        masterId = Groups.id(1);
        backupId = Groups.id(n);
        master = Groups.started(masterId, group);
        backup = Groups.started(backupId, group);
        inquiryOkFromMaster = new Event.Receive(masterId, new InquiryOk(masterId, master.epoch()));
        inquiryFromBackup = new Event.Receive(backupId, Inquiry.INSTANCE);
        inquiryFromMaster = new Event.Receive(masterId, Inquiry.INSTANCE);
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
        backup.step(Event.TimerFired.of(Timer.DETECTION), nowMicros, effects);
        backup.step(inquiryOkFromMaster, nowMicros, effects);
    }

    /** Rule 2 at the MASTER: answer inquiry_ok(master = self). No state changes, so one step per op. */
    @Benchmark
    public void receiveInquiryAsMaster() {
        master.step(inquiryFromBackup, nowMicros, effects);
    }

    /** Rule 2 at a BACKUP (no {@code redirect}): not its master's business, no answer. One step per op. */
    @Benchmark
    public void receiveInquiryAsBackup() {
        backup.step(inquiryFromMaster, nowMicros, effects);
    }
}
