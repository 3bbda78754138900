package io.stagger.bench;

import io.stagger.core.Config;
import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.Timer;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Rule 5, ElectionTimeout: a WAITING server takes the mastership and declares it to the n - 1 others. Rule 9
 * (Restart) puts it back in WAITING, so restart-then-election-timeout is a state-restoring pair; Restart and Start
 * (rule 8) are each state-restoring on their own and are measured alone, so the pair minus Restart is the cost of
 * the election time-out.
 */
public class ElectionTimeoutBenchmark extends CoreStepBenchmark {
    private Server candidate;

    @Override
    void setUp(Group group) {
        candidate = new Server(Groups.id(2), group, Config.defaults());
        candidate.step(Event.Restart.INSTANCE, nowMicros, effects);
        Groups.requireRole(candidate, Role.WAITING);
    }

    /** Rule 9 then rule 5 at the rank-2 server: WAITING, then MASTER with n - 1 declares sent. One pair per op. */
    @Benchmark
    public void restartThenElectionTimeout() {
        candidate.step(Event.Restart.INSTANCE, nowMicros, effects);
        nowMicros = candidate.deadlineMicros(Timer.ELECTION);
        candidate.step(Event.TimerFired.of(Timer.ELECTION), nowMicros, effects);
    }

    /** Rule 9 alone: forget everything, WAITING with E(self) over all other members. One step per op. */
    @Benchmark
    public void restart() {
        candidate.step(Event.Restart.INSTANCE, nowMicros, effects);
    }

    /** Rule 8 alone at the rank-2 server: BACKUP of the rank-1 server. One step per op. */
    @Benchmark
    public void start() {
        candidate.step(Event.Start.INSTANCE, nowMicros, effects);
    }
}
