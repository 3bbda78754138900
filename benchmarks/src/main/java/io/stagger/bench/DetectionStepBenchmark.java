package io.stagger.bench;

import io.stagger.core.Event;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rules 1 and 3 each measured alone, where {@link DetectionPathBenchmark} measures them as a pair: JMH's batch
 * mode times {@value #BACKUPS} steps in a row, one on each of {@value #BACKUPS} BACKUPs that the iteration's setup,
 * outside the time, has put in the state the step needs (tick due; inquiry outstanding), and the score is per
 * step. No timestamps per step, so nothing of the timer's own cost is in the score; the servers (a few hundred KB)
 * stay in the core's caches. {@code batchBaseline} picks the next server and does nothing with it: its time is the
 * harness's share of each score, and its B/op (JMH's own bookkeeping per iteration, spread over a batch) the floor
 * of this class's B/op; the pair in {@link DetectionPathBenchmark} shows both steps allocate nothing.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 1_000, batchSize = DetectionStepBenchmark.BACKUPS)
@Measurement(iterations = 1_000, batchSize = DetectionStepBenchmark.BACKUPS)
public class DetectionStepBenchmark {
    /** Steps per timed batch, and BACKUPs prepared for them. */
    static final int BACKUPS = 1_000;

    /** {@value #BACKUPS} BACKUPs of rank 1, all at the same point of their detection period. */
    @State(Scope.Thread)
    public abstract static class Backups {
        @Param({"3", "9", "33", "129"})
        public int n;

        final Server[] backups = new Server[BACKUPS];
        Event inquiryOk;
        long nowMicros;
        int next;
        BlackholeEffects effects;

        @Setup(Level.Trial)
        public void setUpTrial(Blackhole blackhole) {
            effects = new BlackholeEffects(blackhole);
            Group group = Groups.ofSize(n);
            String masterId = Groups.id(1);
            for (int i = 0; i < BACKUPS; i++) {
                backups[i] = Groups.started(Groups.id(n), group);
                Groups.requireRole(backups[i], Role.BACKUP);
            }
            inquiryOk = new Event.Receive(masterId, new InquiryOk(masterId, backups[0].epoch()));
        }

        /** The next BACKUP of the batch. */
        Server next() {
            Server backup = backups[next];
            next = next + 1 == BACKUPS ? 0 : next + 1;
            return backup;
        }
    }

    /** The BACKUPs as they are, for the control. */
    public static class Untouched extends Backups {}

    /** Every BACKUP's tick is due and no inquiry is outstanding: rule 1 will send one. */
    public static class TickDue extends Backups {
        @Setup(Level.Iteration)
        public void makeTicksDue() {
            for (Server backup : backups) {
                if (backup.inquiryOutstanding()) {
                    backup.step(inquiryOk, nowMicros, effects);
                }
            }
            nowMicros += Groups.DETECTION_PERIOD_MICROS;
            next = 0;
        }

        @TearDown(Level.Iteration)
        public void checkTicked() {
            for (int i = 0; next == 0 && i < BACKUPS; i++) {
                if (!backups[i].inquiryOutstanding()) {
                    throw new IllegalStateException("benchmark state drifted: the tick was ignored at " + backups[i]);
                }
            }
        }
    }

    /** Every BACKUP has an inquiry outstanding: rule 3 will cancel its time-out. */
    public static class InquiryOutstanding extends Backups {
        @Setup(Level.Iteration)
        public void sendInquiries() {
            nowMicros += Groups.DETECTION_PERIOD_MICROS;
            for (Server backup : backups) {
                backup.step(Event.TimerFired.of(Timer.DETECTION), nowMicros, effects);
                if (!backup.inquiryOutstanding()) {
                    throw new IllegalStateException("benchmark state drifted: no inquiry outstanding at " + backup);
                }
            }
            next = 0;
        }

        @TearDown(Level.Iteration)
        public void checkAnswered() {
            for (int i = 0; next == 0 && i < BACKUPS; i++) {
                if (backups[i].inquiryOutstanding()) {
                    throw new IllegalStateException("benchmark state drifted: the reply was ignored at " + backups[i]);
                }
            }
        }
    }

    /** The control: the next BACKUP of the batch, into the Blackhole, and no step. */
    @Benchmark
    @OperationsPerInvocation(BACKUPS)
    public Server batchBaseline(Untouched state) {
        return state.next();
    }

    /** Rule 1 alone at a BACKUP: send an inquiry, arm T, re-arm the tick. One step per op. */
    @Benchmark
    @OperationsPerInvocation(BACKUPS)
    public void detectionTick(TickDue state) {
        state.next().step(Event.TimerFired.of(Timer.DETECTION), state.nowMicros, state.effects);
    }

    /** Rule 3 alone at a BACKUP: the master answered, cancel T. One step per op. */
    @Benchmark
    @OperationsPerInvocation(BACKUPS)
    public void receiveInquiryOk(InquiryOutstanding state) {
        state.next().step(state.inquiryOk, state.nowMicros, state.effects);
    }
}
