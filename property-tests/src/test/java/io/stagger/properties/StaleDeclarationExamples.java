package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Config;
import io.stagger.sim.Scenario;
import io.stagger.sim.ScenarioText;
import net.jqwik.api.Example;

/**
 * A result the search found (PROTOCOL.md §5 names the symptom): in the claims' variant a stale {@code declare}
 * that arrives after the master's {@code revoke} re-attaches a backup to a server that is no longer master; that
 * backup's inquiries go unanswered, it elects itself, is revoked, and its own late declaration re-attaches the first
 * server. With d(n2, n3) > d(n2, n1) + d(n1, n3) this repeats for ever, after a single restart and no other fault.
 * {@code epochs} ends it: the revoke carries a higher epoch than the stale declaration, which is then ignored.
 */
class StaleDeclarationExamples {
    private static final String RESTART_WITH_SLOW_PAIR = "seed=0 ids=n1,n2,n3 variants=none P=4ms T=3ms B=0ms"
            + " d=n2>n3:1ms,n3>n2:1ms,*:0ms ranks=position faults=restart@0ms:n2";

    @Example
    void claimsVariantNeverConvergesWhenStaleDeclarationsKeepArrivingLate() {
        Scenario scenario = ScenarioText.parse(RESTART_WITH_SLOW_PAIR);
        long end = Run.settledEnd(scenario);
        Run run = Run.until(scenario, end / 2);
        long electionsInTheFirstHalf = run.sim().counters().electionsWon();
        run.sim().runUntil(end);
        assertThat(run.sim().counters().electionsWon()).as(run::report).isGreaterThan(electionsInTheFirstHalf + 10);
        assertThat(run.convergedFor(end / 2)).as(run::report).isFalse();
        assertThat(run.safe()).as(run::report).isTrue();
    }

    @Example
    void epochsIgnoreTheStaleDeclarationAndConverge() {
        Scenario claims = ScenarioText.parse(RESTART_WITH_SLOW_PAIR);
        Scenario scenario = new Scenario(claims.ids(), claims.config().withVariants(Config.DEFAULT_VARIANTS),
                claims.seed(), claims.faults());
        Run run = Run.until(scenario, Run.settledEnd(scenario));
        assertThat(run.convergedFor(Run.settledEnd(scenario) / 2)).as(run::report).isTrue();
        assertThat(run.sim().master()).isEqualTo("n1");
    }
}
