package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.sim.Scenario;
import io.stagger.sim.ScenarioText;
import net.jqwik.api.Example;

/**
 * A result about E(i) with a delay matrix (PROTOCOL.md §2): E is not monotone in rank, because a weaker candidate
 * sums its maxima over fewer receivers. While every candidate lives, the strongest declares first and is heard in
 * time; when a stronger candidate is down, a weaker one may declare first and win, with no crossing and no revoke.
 * Here n2 is down when the master n1 crashes: E(n3) = B + max(d(n2,n3), d(n2,n4)) = 40ms but
 * E(n4) = B + d(n2,n4) + d(n3,n4) = 21ms, so n4 (rank 4) becomes master although n3 (rank 3) lives.
 */
class ElectionDelayExamples {
    private static final String STRONGER_CANDIDATE_DOWN = "seed=1 ids=n1,n2,n3,n4 variants=announce,epochs"
            + " P=100ms T=70ms B=10ms d=n2>n3:30ms,n2>n4:1ms,n3>n4:10ms,*:1ms ranks=position"
            + " faults=crash@0ms:n2;crash@175ms:n1";

    @Example
    void aWeakerCandidateWinsWhenAStrongerOneIsDown() {
        Scenario scenario = ScenarioText.parse(STRONGER_CANDIDATE_DOWN);
        Run run = Run.until(scenario, Run.settledEnd(scenario));
        assertThat(run.sim().master()).as(run::report).isEqualTo("n4");
        assertThat(run.sim().counters().electionsWon()).as(run::report).isEqualTo(1);
        assertThat(run.sim().counters().revokesSent()).as(run::report).isZero();
        assertThat(run.safe()).as(run::report).isTrue();
    }
}
