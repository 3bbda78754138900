package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Variant;
import io.stagger.sim.Fault;
import io.stagger.sim.Scenario;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * PROTOCOL.md §6, failover bound: with crash-only faults and delays within d, every live server recognises one new
 * master within P + T + max E + max d of the master's crash, plus max d more for the revocation round where
 * declarations crossed; and it keeps recognising it. Asserted for the variant sets with {@code epochs}: without it
 * a declaration that arrives after the winner's revoke re-attaches a backup to the loser, which costs that backup
 * a whole detection and election more (found by this property; see the README).
 */
class FailoverProperties {

    @Property
    void everyLiveServerRecognisesTheNewMasterWithinTheBound(@ForAll("withEpochsMasterCrash") Scenario scenario) {
        Fault masterCrash = scenario.faults().get(scenario.faults().size() - 1);
        long crashAt = masterCrash.atMicros();
        Setup setup = Setup.of(scenario);
        Run run = Run.until(scenario, Run.settledEnd(scenario));
        long maxDelay = setup.maxDelayMicros();
        long bound = setup.periodMicros() + setup.inquiryTimeoutMicros()
                + setup.maxElectionDelayMicros(scenario.group().strongest()) + maxDelay
                + (run.sim().counters().revokesSent() > 0 ? maxDelay : 0);
        assertThat(run.safe()).as(run::report).isTrue();
        assertThat(run.sim().converged()).as(run::report).isTrue();
        // With patient, a backup that never heard its master begins detection at the start allowance.
        long detectedFrom = Math.max(crashAt, setup.detectingByMicros());
        assertThat(run.sim().convergedSinceMicros() - detectedFrom)
                .as(() -> "failover took longer than the bound " + bound + "us" + run.report())
                .isLessThanOrEqualTo(bound);
    }

    /** Some backups crash (never all), then the master, the strongest, crashes: nothing else fails. */
    @Provide
    Arbitrary<Scenario> withEpochsMasterCrash() {
        return Setups.setups(Setups.anyVariantsWith(Variant.EPOCHS)).flatMap(setup -> {
            List<String> byRank = setup.group().idsByRank();
            List<String> backups = byRank.subList(1, byRank.size());
            Arbitrary<List<String>> crashedBackups = Arbitraries.of(backups).list().uniqueElements()
                    .ofMaxSize(backups.size() - 1);
            Arbitrary<Long> crashAt = Arbitraries.longs().between(setup.periodMicros(), 3_000_000);
            Arbitrary<List<Long>> earlier = Arbitraries.longs().between(0, 1_000).list().ofSize(backups.size());
            return Combinators.combine(Arbitraries.longs(), crashedBackups, crashAt, earlier)
                    .as((seed, crashed, at, fractions) -> {
                        List<Fault> faults = new ArrayList<>();
                        for (int i = 0; i < crashed.size(); i++) {
                            faults.add(new Fault.Crash(at * fractions.get(i) / 1_001, crashed.get(i)));
                        }
                        faults.add(new Fault.Crash(at, byRank.get(0)));
                        return new Scenario(setup.ids(), setup.config(), seed, faults);
                    });
        });
    }
}
