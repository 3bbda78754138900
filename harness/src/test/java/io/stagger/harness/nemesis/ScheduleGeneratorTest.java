package io.stagger.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The schedule drawn from a seed: the same for the same seed, overlapping, limited, and healed by the end. */
class ScheduleGeneratorTest {
    private static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");
    private static final List<Fault> KILL_PARTITION_PAUSE = List.of(Fault.KILL, Fault.PARTITION, Fault.PAUSE);
    private static final List<Fault> ALL = List.of(Fault.values());

    @Test
    void theSameSeedDrawsTheSameScheduleAndAnotherSeedAnother() {
        List<ScheduledFault> first = ScheduleGenerator.generate(ALL, 2, 60, FIVE, true, 42);
        assertThat(ScheduleGenerator.generate(ALL, 2, 60, FIVE, true, 42)).isEqualTo(first);
        assertThat(ScheduleGenerator.generate(ALL, 2, 60, FIVE, true, 43)).isNotEqualTo(first);
        assertThat(first).hasSizeGreaterThan(20);
    }

    @Test
    void faultsOverlapAndEveryKindAsked() {
        List<ScheduledFault> schedule = ScheduleGenerator.generate(KILL_PARTITION_PAUSE, 1, 30, FIVE, false, 7);
        Windows windows = Windows.of(schedule);
        assertThat(windows.overlapping()).as(ScheduleText.format(schedule, List.of())).hasSizeGreaterThan(5);
        assertThat(windows.overlapping()).anyMatch(pair -> !pair[0].what().equals(pair[1].what()));
        assertThat(windows.all()).extracting(Windows.Window::what).contains("kill", "partition", "pause")
                .doesNotContain("loss", "slow", "clock");
    }

    @Test
    void everyFaultIsHealedWithinTheMainPhaseAndTheLimitsHold() {
        for (long seed = 0; seed < 300; seed++) {
            List<String> nodes = FIVE.subList(0, 1 + (int) (seed % 5));
            boolean masterKnown = seed % 2 == 0;
            double interval = 0.3 + (seed % 7) * 0.4;
            List<ScheduledFault> schedule = ScheduleGenerator.generate(ALL, interval, 20, nodes, masterKnown, seed);
            String text = "seed " + seed + ", " + nodes.size() + " nodes:\n" + ScheduleText.format(schedule, List.of());
            Windows windows = Windows.of(schedule);
            assertThat(windows.unhealed()).as(text).isEmpty();
            for (ScheduledFault fault : schedule) {
                assertThat(fault.atMillis()).as(text).isPositive();
                assertThat(fault.endMillis()).as(text).isLessThanOrEqualTo(20_000);
                assertThat(fault.nodes()).as(text).allMatch(node -> nodes.contains(node)
                        || masterKnown && node.equals(ScheduledFault.MASTER));
            }
            int mostDown = Math.max(1, (nodes.size() - 1) / 2);
            for (Windows.Window window : windows.all()) {
                Set<String> heldAtItsStart = new HashSet<>();
                long sameKind = windows.all().stream().filter(other -> other.what().equals(window.what())
                        && other.node() == null && other.fromMillis() <= window.fromMillis()
                        && other.untilMillis() > window.fromMillis()).count();
                for (Windows.Window other : windows.all()) {
                    if (other.node() != null && other.fromMillis() <= window.fromMillis()
                            && other.untilMillis() > window.fromMillis() && !other.what().equals("partition")) {
                        assertThat(heldAtItsStart.add(other.node())).as("one fault a node at a time: " + text).isTrue();
                    }
                }
                assertThat(heldAtItsStart).as("a minority held at once: " + text).hasSizeLessThanOrEqualTo(mostDown);
                assertThat(sameKind).as("one " + window.what() + " at a time: " + text).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void everyOtherNodeFaultTargetsTheMasterWhenTheWorkloadKnowsOne() {
        List<ScheduledFault> known = ScheduleGenerator.generate(List.of(Fault.KILL, Fault.PAUSE), 1, 30, FIVE, true, 3);
        List<ScheduledFault> unknown = ScheduleGenerator.generate(List.of(Fault.KILL, Fault.PAUSE), 1, 30, FIVE, false,
                3);
        assertThat(known).anyMatch(fault -> fault.nodes().contains(ScheduledFault.MASTER))
                .anyMatch(fault -> !fault.nodes().isEmpty() && !fault.nodes().contains(ScheduledFault.MASTER));
        assertThat(unknown).noneMatch(fault -> fault.nodes().contains(ScheduledFault.MASTER));
        assertThat(IntStream.range(0, 50).mapToObj(seed -> ScheduleGenerator.generate(List.of(Fault.PARTITION), 1, 30,
                FIVE, false, seed)).flatMap(List::stream).filter(f -> f instanceof ScheduledFault.Partition)
                .map(f -> ((ScheduledFault.Partition) f).sides().size()).distinct())
                .as("one node alone or halves (two sides), or three parts").containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void noKindsOrNoTimeDrawNothing() {
        assertThat(ScheduleGenerator.generate(List.of(), 1, 30, FIVE, true, 1)).isEmpty();
        assertThat(ScheduleGenerator.generate(ALL, 10, 3, FIVE, true, 1)).isEmpty();
        assertThat(ScheduleGenerator.generate(List.of(Fault.PARTITION), 1, 30, List.of("n1"), false, 1)).isEmpty();
    }
}
