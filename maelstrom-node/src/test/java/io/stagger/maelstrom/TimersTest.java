package io.stagger.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** after, at and every on virtual time: each fires at its deadline, in deadline then arming order, never before init. */
class TimersTest {
    private final List<String> fired = new ArrayList<>();

    private String at(NodeTester tester, String what) {
        return Duration.ofNanos(tester.clock().nanos()).toMillis() + " " + what;
    }

    @Test
    void timersFireAtTheirDeadlinesInOrderAndTiesInArmingOrder() {
        NodeTester[] tester = new NodeTester[1];
        tester[0] = new NodeTester(node -> node.onInit(() -> {
            node.every(Duration.ofMillis(100), () -> fired.add(at(tester[0], "tick")));
            node.after(Duration.ofMillis(200), () -> fired.add(at(tester[0], "b")));
            node.after(Duration.ofMillis(50), () -> fired.add(at(tester[0], "a")));
            node.at(Duration.ofMillis(250).toNanos(), () -> fired.add(at(tester[0], "c")));
        }));
        tester[0].init("n1", "n1");
        tester[0].advance(Duration.ofMillis(350));
        assertThat(fired).containsExactly("50 a", "100 tick", "200 b", "200 tick", "250 c", "300 tick");
    }

    @Test
    void aCancelledTimerDoesNotFireAndAPeriodicOneCanCancelItself() {
        NodeTester tester = new NodeTester(node -> node.onInit(() -> {
            Scheduled never = node.after(Duration.ofMillis(10), () -> fired.add("never"));
            never.cancel();
            assertThat(never.armed()).isFalse();
            Scheduled[] self = new Scheduled[1];
            self[0] = node.every(Duration.ofMillis(10), () -> {
                fired.add("tick");
                if (fired.size() == 3) {
                    self[0].cancel();
                }
            });
        }));
        tester.init("n1", "n1");
        tester.advance(Duration.ofSeconds(1));
        assertThat(fired).containsExactly("tick", "tick", "tick");
    }

    @Test
    void timersArmedBeforeInitWaitForIt() {
        NodeTester tester = new NodeTester(node -> node.every(Duration.ofMillis(100), () -> fired.add("tick")));
        tester.advance(Duration.ofSeconds(1));
        assertThat(fired).isEmpty();
        tester.init("n1", "n1");
        tester.advance(Duration.ZERO);
        assertThat(fired).containsExactly("tick");
        tester.advance(Duration.ofMillis(100));
        assertThat(fired).containsExactly("tick", "tick");
    }

    @Test
    void aFailingTimerIsLoggedAndAPeriodicOneKeepsFiring() {
        NodeTester tester = new NodeTester(node -> node.every(Duration.ofMillis(100), () -> {
            fired.add("tick");
            throw new IllegalStateException("timer bug");
        }));
        tester.init("n1", "n1");
        tester.advance(Duration.ofMillis(300));
        assertThat(fired).hasSize(3);
        assertThat(tester.stderr()).contains("a timer's action failed: java.lang.IllegalStateException: timer bug");
    }

    @Test
    void aTimerArmedByATimerDueNowWaitsForTheNextPass() {
        NodeTester tester = new NodeTester(node -> node.onInit(() -> node.after(Duration.ZERO, () -> {
            fired.add("first");
            node.after(Duration.ZERO, () -> fired.add("second"));
        })));
        tester.init("n1", "n1");
        tester.node().fireDueTimers();
        assertThat(fired).containsExactly("first");
        tester.node().fireDueTimers();
        assertThat(fired).containsExactly("first", "second");
    }
}
