package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Config;
import io.stagger.core.Variant;
import io.stagger.properties.FaultSchedules.Kinds;
import io.stagger.sim.Fault;
import io.stagger.sim.Scenario;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * PROTOCOL.md §6, convergence: after the last fault, eventually and for good, exactly one MASTER among the live
 * servers and every live server recognises it; asserted for the variant sets and faults where it holds, and the
 * claims' variant's failure after a healed partition asserted as the expected result.
 */
class ConvergenceProperties {
    /** "For good" is approximated by the second half of the run after the last fault. */
    private static final int STABLE_ROUNDS = Run.SETTLE_ROUNDS / 2;

    @Property
    void defaultVariantsConvergeAfterAnyFaults(@ForAll("defaultVariantsUnderAllFaults") Scenario scenario) {
        assertConverges(scenario);
    }

    @Property
    void defaultVariantsWithRedirectConvergeAfterAnyFaults(@ForAll("withRedirectUnderAllFaults") Scenario scenario) {
        assertConverges(scenario);
    }

    /**
     * Only with one delay bound D for all pairs: with a matrix the claims' variant can livelock on stale
     * declarations even under crash-only faults ({@link StaleDeclarationExamples}).
     */
    @Property
    void claimsVariantConvergesAfterCrashesAndRestartsWithOneDelayBound(
            @ForAll("claimsVariantUnderCrashes") Scenario scenario) {
        assertConverges(scenario);
    }

    /** The expected failure: without {@code announce}, the two masters of a healed partition never meet. */
    @Property
    void claimsVariantKeepsTwoMastersAfterAHealedPartition(@ForAll("claimsVariantAcrossAPartition") Scenario scenario) {
        Run run = Run.until(scenario, Run.settledEnd(scenario));
        assertThat(run.sim().masters()).as(run::report).hasSize(2);
        assertThat(run.sim().converged()).as(run::report).isFalse();
        assertThat(run.safe()).as(run::report).isTrue();
    }

    private static void assertConverges(Scenario scenario) {
        Run run = Run.until(scenario, Run.settledEnd(scenario));
        Statistics.label("servers").collect(scenario.ids().size());
        Statistics.label("declarations crossed (revokes sent)").collect(run.sim().counters().revokesSent() > 0);
        Statistics.label("elections").collect(Math.min(run.sim().counters().electionsWon(), 5));
        assertThat(run.safe()).as(run::report).isTrue();
        assertThat(run.convergedFor(STABLE_ROUNDS * Setup.of(scenario).roundMicros())).as(run::report).isTrue();
    }

    @Provide
    Arbitrary<Scenario> defaultVariantsUnderAllFaults() {
        return FaultSchedules.scenarios(Setups.setups(Setups.exactly(Config.DEFAULT_VARIANTS)), Kinds.ALL);
    }

    @Provide
    Arbitrary<Scenario> withRedirectUnderAllFaults() {
        Set<Variant> variants = EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS, Variant.REDIRECT);
        return FaultSchedules.scenarios(Setups.setups(Setups.exactly(variants)), Kinds.ALL);
    }

    @Provide
    Arbitrary<Scenario> claimsVariantUnderCrashes() {
        return FaultSchedules.scenarios(Setups.uniformSetups(Setups.exactly(EnumSet.noneOf(Variant.class))),
                Kinds.CRASH_ONLY);
    }

    /**
     * The claims' variant, no other fault than one partition that cuts the master off from some servers, long
     * enough for them to elect their own master (several rounds), and then heals. One delay bound for all pairs, so
     * that no stale-declaration livelock ({@link StaleDeclarationExamples}) carries a declaration across the healed
     * cut.
     */
    @Provide
    Arbitrary<Scenario> claimsVariantAcrossAPartition() {
        return Setups.uniformSetups(Setups.exactly(EnumSet.noneOf(Variant.class))).flatMap(setup -> {
            long round = setup.roundMicros();
            int n = setup.ids().size();
            Arbitrary<Integer> cutOff = Arbitraries.integers().between(1, n - 1);
            Arbitrary<Long> at = Arbitraries.longs().between(0, 10).map(rounds -> rounds * round);
            Arbitrary<Long> length = Arbitraries.longs().between(3, 10).map(rounds -> rounds * round);
            return Combinators.combine(Arbitraries.longs(), cutOff, at, length).as((seed, k, start, len) -> {
                List<String> byRank = setup.group().idsByRank();
                Set<String> withMaster = Set.copyOf(byRank.subList(0, n - k));
                Set<String> without = Set.copyOf(byRank.subList(n - k, n));
                List<Fault> faults = List.of(new Fault.Partition(start, List.of(withMaster, without)),
                        new Fault.Heal(start + len));
                return new Scenario(setup.ids(), setup.config(), seed, faults);
            });
        });
    }
}
