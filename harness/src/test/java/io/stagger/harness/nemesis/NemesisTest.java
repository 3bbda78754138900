package io.stagger.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.harness.RunClock;
import io.stagger.history.History;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The nemesis applying a schedule to recorded targets: overlaps, skips, the master resolved, the rest healed. */
class NemesisTest {
    private static final List<String> THREE = List.of("n1", "n2", "n3");

    /** Records what the nemesis does to the nodes and the network. */
    private static final class Recorded implements FaultTargets {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<String> ids() {
            return THREE;
        }

        @Override
        public synchronized void kill(String node) {
            calls.add("kill " + node);
        }

        @Override
        public synchronized long restart(String node) {
            calls.add("restart " + node);
            return 1_000_000;
        }

        @Override
        public synchronized void pause(String node) {
            calls.add("pause " + node);
        }

        @Override
        public synchronized void resume(String node) {
            calls.add("resume " + node);
        }

        @Override
        public void stall(String node, boolean stopped) {}

        @Override
        public synchronized void partition(Map<String, Set<String>> blocked) {
            Map<String, Set<String>> sorted = new TreeMap<>();
            blocked.forEach((node, sources) -> sorted.put(node, new TreeSet<>(sources)));
            calls.add("partition " + sorted);
        }

        @Override
        public synchronized void loss(double probability) {
            calls.add("loss " + probability);
        }

        @Override
        public synchronized void slow(long extraNanos) {
            calls.add("slow " + extraNanos / 1_000_000);
        }

        synchronized List<String> calls() {
            return List.copyOf(calls);
        }
    }

    /** A master query that names one node, and hears of kills. */
    private static final class Master implements MasterQuery {
        final String node;
        final List<String> killed = new ArrayList<>();

        Master(String node) {
            this.node = node;
        }

        @Override
        public String likelyMaster() {
            return node;
        }

        @Override
        public void nodeKilled(String killedNode) {
            killed.add(killedNode);
        }
    }

    private static Nemesis run(String schedule, Recorded targets, MasterQuery master, History history,
            RunClock clock, long mainPhaseMillis) {
        Nemesis nemesis = new Nemesis(ScheduleText.parse(schedule, "test", THREE, true), targets, history, master, clock);
        long start = clock.now();
        nemesis.runUntil(start, start + mainPhaseMillis * 1_000_000, () -> false);
        nemesis.healAll();
        return nemesis;
    }

    private static List<String> untimed(List<ScheduledFault> faults) {
        return faults.stream().map(fault -> ScheduleText.formatFault(fault).replaceAll("@[^:]*", "")).toList();
    }

    @Test
    void overlappingFaultsAreAppliedInOrderAndWhatCannotBeIsSkipped() {
        RunClock clock = new RunClock();
        History history = new History(clock::now);
        Recorded targets = new Recorded();
        Nemesis nemesis = run("""
        crash@20ms:n2
        pause@30ms-80ms:n2
        pause@40ms-120ms:n3
        loss@50ms-150ms:0.3
        loss@60ms-90ms:0.5
        slow@65ms-70ms:40ms
        restart@100ms:n2
        partition@110ms:master|n1+n2+n3
        heal@130ms
        restart@140ms:n1
        clock@150ms-5s:n1
        partition@160ms:n1+n2
        crash@5s:n3
        """, targets, new Master("n1"), history, clock, 400);

        assertThat(untimed(nemesis.applied())).containsExactly("crash:n2", "pause:n3", "loss:0.3", "loss:0.5",
                "slow:40ms", "restart:n2", "partition:n1|n2+n3", "heal", "crash:n1", "restart:n1", "clock:n1",
                "partition:n1+n2", "heal");
        assertThat(nemesis.skipped()).containsExactly("pause@30ms-80ms:n2: n2 is killed",
                "crash@5s:n3: after the main phase");
        assertThat(targets.calls()).containsExactly("kill n2", "pause n3", "loss 0.3", "loss 0.5", "slow 40", "slow 0",
                "loss 0.3", "restart n2", "partition {n1=[n2, n3], n2=[n1], n3=[n1]}", "resume n3", "partition {}",
                "kill n1", "restart n1", "loss 0.0", "partition {n1=[n3], n2=[n3], n3=[n1, n2]}", "partition {}");
        List<ScheduledFault> applied = nemesis.applied();
        for (int i = 1; i < applied.size() - 1; i++) {
            assertThat(applied.get(i).atMillis()).as("in the order they began").isGreaterThanOrEqualTo(
                    applied.get(i - 1).atMillis());
        }
        assertThat(applied.get(10)).isInstanceOfSatisfying(ScheduledFault.Clock.class,
                clockFault -> assertThat(clockFault.untilMillis()).as("ended by the final heal").isBetween(160L, 5000L));
        assertThat(history.ops()).allMatch(op -> op.process() == Op.NEMESIS).extracting(Op::f).containsExactly(
                "kill", "pause", "start-loss", "start-loss", "start-slow", "stop-slow", "stop-loss", "restart",
                "start-partition", "resume", "stop-partition", "kill", "restart", "stop-loss", "start-clock",
                "start-partition", "stop-clock", "stop-partition");
    }

    @Test
    void theMasterIsTheNodeMostRecogniseUnlessAnotherFaultHoldsIt() {
        RunClock clock = new RunClock();
        Recorded targets = new Recorded();
        Master master = new Master("n2");
        Nemesis nemesis = run("""
        crash@10ms:master
        pause@20ms-60ms:master
        restart@50ms:master
        restart@70ms:master
        """, targets, master, new History(clock::now), clock, 300);

        // n2, the master, is killed; the pause that follows cannot hold it, and takes the healthy node its time picks
        // (20 ms: the first of n1, n3); the restart of the master restarts n2; the second has no crash to undo.
        assertThat(untimed(nemesis.applied())).containsExactly("crash:n2", "pause:n1", "restart:n2");
        assertThat(master.killed).containsExactly("n2");
        assertThat(nemesis.skipped()).containsExactly("restart@70ms:master: its crash of the master was skipped");
    }
}
