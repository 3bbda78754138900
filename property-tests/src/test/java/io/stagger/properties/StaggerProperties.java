package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Action;
import io.stagger.core.Role;
import io.stagger.core.Variant;
import io.stagger.sim.Fault;
import io.stagger.sim.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * PROTOCOL.md §6, stagger: with T at least the inquiry round trip, no election happens while the master lives; and
 * when the master crashes and nothing else fails, with every backup detecting the crash at the same instant (skew
 * 0, below any margin), exactly one server declares, and it is the strongest live one. With {@code spaced} the same
 * holds when the backups detect at their own times, as real ones do: every process starts at a random moment, so
 * every detection timer has its own phase ({@code -Dstagger.without=spaced} shows it failing); and with {@code prompt}
 * (without {@code spaced}), whose first detector tells the stronger candidates ({@code -Dstagger.without=prompt}).
 */
class StaggerProperties {

    @Property
    void noElectionWhileTheMasterLives(@ForAll("anyVariantsWithoutFaults") Scenario scenario) {
        Run run = Run.until(scenario, Run.settledEnd(scenario));
        assertThat(run.sim().counters().inquiryTimeouts()).as(run::report).isZero();
        assertThat(run.sim().counters().electionsWon()).as(run::report).isZero();
        assertThat(run.sim().master()).as(run::report).isEqualTo(scenario.group().strongest());
        assertThat(run.convergedFor(Run.settledEnd(scenario))).as(run::report).isTrue();
    }

    @Property
    void oneDeclarationWhenTheMasterCrashesAndBackupsDetectTogether(
            @ForAll("anyVariantsMasterCrashBetweenInquiryRounds") Scenario scenario) {
        long crashAt = scenario.faults().get(0).atMicros();
        List<Long> detections = new ArrayList<>();
        List<String> declarers = new ArrayList<>();
        List<String> early = new ArrayList<>();
        Run run = Run.until(scenario, Run.settledEnd(scenario), sim -> sim.observe((server, action, cause, now) -> {
            if (action == Action.INQUIRY_TIMEOUT || action == Action.ELECTION_TIMEOUT) {
                if (now < crashAt) {
                    early.add(now + "us " + server.self() + " " + action.specName());
                } else if (action == Action.INQUIRY_TIMEOUT) {
                    detections.add(now);
                } else {
                    declarers.add(server.self());
                }
            }
        }));
        String expected = scenario.group().idsByRank().get(1);
        assertThat(early).as(run::report).isEmpty();
        assertThat(detections).as(() -> "every backup detects at the same instant" + run.report()).isNotEmpty()
                .allMatch(at -> at.equals(detections.get(0)));
        assertThat(declarers).as(run::report).containsExactly(expected);
        assertThat(run.sim().master()).as(run::report).isEqualTo(expected);
        assertThat(run.safe()).as(run::report).isTrue();
    }

    @Property
    void oneDeclarationPerCrashWithRandomDetectionPhases(
            @ForAll("spacedGroupsWithRandomPhasesAndAMasterCrash") Scenario scenario) {
        checkOneDeclarationPerCrash(scenario);
    }

    @Property
    void oneDeclarationPerCrashWithRandomDetectionPhasesPrompted(
            @ForAll("promptedGroupsWithRandomPhasesAndAMasterCrash") Scenario scenario) {
        checkOneDeclarationPerCrash(scenario);
    }

    /**
     * With {@code roster}: a member the master has not heard from for two announce periods costs the candidates no
     * stagger step. The rank-2 backup crashes and stays down; once the master's announcements have dropped it, the
     * master crashes too: the rank-3 server declares, alone, after waiting B and nothing more
     * ({@code -Dstagger.without=roster} fails it: it waits a step for the rank-2 server that is down).
     */
    @Property
    void aMemberKnownDownCostsNoStep(@ForAll("rosterGroupsWithABackupDownAndThenAMasterCrash") Scenario scenario) {
        long crashAt = scenario.faults().get(scenario.faults().size() - 1).atMicros();
        Map<String, Long> waitingSince = new HashMap<>();
        List<String> declarers = new ArrayList<>();
        List<Long> waited = new ArrayList<>();
        Run run = Run.until(scenario, Run.settledEnd(scenario), sim -> sim.observe((server, action, cause, now) -> {
            if (now < crashAt) {
                return;
            }
            if (server.role() == Role.WAITING && (action == Action.INQUIRY_TIMEOUT
                    || action == Action.RECEIVE_SUSPECT)) {
                waitingSince.putIfAbsent(server.self(), now);
            } else if (action == Action.ELECTION_TIMEOUT && server.role() == Role.MASTER) {
                declarers.add(server.self());
                waited.add(now - waitingSince.getOrDefault(server.self(), now));
            }
        }));
        String expected = scenario.group().idsByRank().get(2);
        assertThat(declarers).as(run::report).containsExactly(expected);
        assertThat(waited).as(() -> "the declarer waits B only" + run.report())
                .containsExactly(scenario.config().electionBase().toNanos() / 1_000);
        assertThat(run.sim().counters().revokesSent()).as(run::report).isZero();
        assertThat(run.safe()).as(run::report).isTrue();
    }

    /**
     * At least three servers with {@code announce}, {@code prompt} and {@code roster}, random detection phases; the
     * rank-2 backup crashes once every backup detects, and the master crashes three periods and two delay bounds
     * later or more, when its announcements no longer name the rank-2 server.
     */
    @Provide
    Arbitrary<Scenario> rosterGroupsWithABackupDownAndThenAMasterCrash() {
        return Setups.setups(Setups.anyVariantsWith(Variant.ANNOUNCE, Variant.PROMPT, Variant.ROSTER), 1)
                .filter(setup -> setup.ids().size() >= 3).flatMap(setup -> {
                    long period = setup.periodMicros();
                    long allowance = setup.config().startAllowance().toNanos() / 1_000;
                    long maxDelay = setup.config().delayBounds().maxMicros();
                    Arbitrary<List<Long>> phases = Arbitraries.longs().between(0, period - 1).list()
                            .ofSize(setup.ids().size());
                    Arbitrary<Long> firstCrashAt = Arbitraries.longs().between(0, 10 * period)
                            .map(t -> period + allowance + t);
                    Arbitrary<Long> gap = Arbitraries.longs().between(0, 10 * period)
                            .map(t -> 3 * period + 2 * maxDelay + 1 + t);
                    return Combinators.combine(Arbitraries.longs(), phases, firstCrashAt, gap)
                            .as((seed, starts, at, then) -> {
                                List<Fault> faults = new ArrayList<>(StartAndRestartProperties.lateStarts(setup, starts));
                                faults.add(new Fault.Crash(at, setup.group().idsByRank().get(1)));
                                faults.add(new Fault.Crash(at + then, setup.group().strongest()));
                                return new Scenario(setup.ids(), setup.config(), seed, faults);
                            });
                });
    }

    private static void checkOneDeclarationPerCrash(Scenario scenario) {
        long crashAt = scenario.faults().get(scenario.faults().size() - 1).atMicros();
        List<String> declarers = new ArrayList<>();
        List<String> early = new ArrayList<>();
        Run run = Run.until(scenario, Run.settledEnd(scenario), sim -> sim.observe((server, action, cause, now) -> {
            if (action == Action.INQUIRY_TIMEOUT || action == Action.ELECTION_TIMEOUT) {
                if (now < crashAt) {
                    early.add(now + "us " + server.self() + " " + action.specName());
                } else if (action == Action.ELECTION_TIMEOUT) {
                    declarers.add(server.self());
                }
            }
        }));
        String expected = scenario.group().idsByRank().get(1);
        assertThat(early).as(run::report).isEmpty();
        assertThat(declarers).as(run::report).containsExactly(expected);
        assertThat(run.sim().counters().revokesSent()).as(run::report).isZero();
        assertThat(run.sim().master()).as(run::report).isEqualTo(expected);
        assertThat(run.safe()).as(run::report).isTrue();
    }

    /**
     * Every process starts at a random moment within one period (its detection phase), and the master crashes at
     * a random moment once every backup detects (after the start allowance, for patient sets without announce).
     */
    @Provide
    Arbitrary<Scenario> spacedGroupsWithRandomPhasesAndAMasterCrash() {
        return groupsWithRandomPhasesAndAMasterCrash(Setups.anyVariantsWith(Variant.SPACED));
    }

    /** As above, with {@code prompt} and without {@code spaced}, so that it is prompt that keeps one declaration. */
    @Provide
    Arbitrary<Scenario> promptedGroupsWithRandomPhasesAndAMasterCrash() {
        return groupsWithRandomPhasesAndAMasterCrash(Setups.anyVariantsWith(Variant.PROMPT).map(v -> {
            v.remove(Variant.SPACED);
            return v;
        }));
    }

    private static Arbitrary<Scenario> groupsWithRandomPhasesAndAMasterCrash(Arbitrary<Set<Variant>> variantSets) {
        return Setups.setups(variantSets, 1).flatMap(setup -> {
            long period = setup.periodMicros();
            long allowance = setup.config().startAllowance().toNanos() / 1_000;
            Arbitrary<List<Long>> phases = Arbitraries.longs().between(0, period - 1).list()
                    .ofSize(setup.ids().size());
            Arbitrary<Long> crashAt = Arbitraries.longs().between(0, 10 * period)
                    .map(t -> period + allowance + t);
            return Combinators.combine(Arbitraries.longs(), phases, crashAt).as((seed, starts, at) -> {
                List<Fault> faults = new ArrayList<>(StartAndRestartProperties.lateStarts(setup, starts));
                faults.add(new Fault.Crash(at, setup.group().strongest()));
                return new Scenario(setup.ids(), setup.config(), seed, faults);
            });
        });
    }

    @Provide
    Arbitrary<Scenario> anyVariantsWithoutFaults() {
        return Setups.setups(Setups.anyVariants()).flatMap(setup -> Arbitraries.longs()
                .map(seed -> new Scenario(setup.ids(), setup.config(), seed, List.of())));
    }

    /**
     * The master crashes in a window where every backup's last inquiry was answered (T after a detection tick, as
     * T ≥ the round trip) and the next has not been sent (before the next tick at the next multiple of P): so every
     * backup's next inquiry times out at the same instant. Delay bounds are at least 1ms: with d = 0 every E(i) is
     * B, there is no stagger at all, and the first timer to fire wins.
     */
    @Provide
    Arbitrary<Scenario> anyVariantsMasterCrashBetweenInquiryRounds() {
        // Not patient: it begins each backup's detection when the first announce arrives, so phases differ by delays.
        Arbitrary<Set<Variant>> notPatient = Setups.anyVariants().filter(v -> !v.contains(Variant.PATIENT));
        return Setups.setups(notPatient, 1).flatMap(setup -> {
            long period = setup.periodMicros();
            long quiet = period - setup.inquiryTimeoutMicros();
            Arbitrary<Long> tick = Arbitraries.longs().between(1, 5);
            Arbitrary<Long> offset = Arbitraries.longs().between(0, quiet - 1);
            return Combinators.combine(Arbitraries.longs(), tick, offset).as((seed, k, off) -> {
                long crashAt = k * period + setup.inquiryTimeoutMicros() + off;
                String master = setup.group().strongest();
                return new Scenario(setup.ids(), setup.config(), seed, List.of(new Fault.Crash(crashAt, master)));
            });
        });
    }
}
