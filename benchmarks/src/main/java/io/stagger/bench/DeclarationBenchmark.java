package io.stagger.bench;

import io.stagger.core.Config;
import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.Timer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The servers that rules 6 and 7 are measured on, one per role of the receiver, since rule 7 judges a revocation
 * as rule 6 judges a declaration: the weakest server as BACKUP of rank 1 (and a second one that Restart makes
 * WAITING), rank 1 as MASTER, and rank 2 as a contender that Restart then ElectionTimeout make MASTER with epoch 1.
 */
public abstract class DeclarationBenchmark extends CoreStepBenchmark {
    String rank1;
    String rank2;
    String weakest;
    Server backup;
    Server waiting;
    Server master;
    Server contender;

    @Override
    void setUp(Group group) {
        rank1 = Groups.id(1);
        rank2 = Groups.id(2);
        weakest = Groups.id(n);
        backup = Groups.started(weakest, group);
        waiting = Groups.started(weakest, group);
        master = Groups.started(rank1, group);
        contender = new Server(rank2, group, Config.defaults());
        Groups.requireRole(backup, Role.BACKUP);
        Groups.requireRole(master, Role.MASTER);
    }

    @TearDown(Level.Iteration)
    public void checkRestored() {
        Groups.requireRole(backup, Role.BACKUP);
        Groups.requireRole(master, Role.MASTER);
        Groups.requireRole(waiting, Role.BACKUP);
        if (contender.master() != null) {
            Groups.requireRole(contender, Role.BACKUP);
        }
    }

    /** Rule 9 at the server that a declaration then makes BACKUP as WAITING. */
    void restartWaiting() {
        waiting.step(Event.Restart.INSTANCE, nowMicros, effects);
    }

    /** Rules 9 then 5 at the contender: MASTER with epoch 1 (epochs variant), n - 1 declares sent. */
    void electContender() {
        contender.step(Event.Restart.INSTANCE, nowMicros, effects);
        nowMicros = Math.max(nowMicros, contender.deadlineMicros(Timer.ELECTION));
        contender.step(Event.TimerFired.of(Timer.ELECTION), nowMicros, effects);
    }
}
