package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Action;
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
 * No election without a fault (variant {@code patient}): a group whose processes start up to 1.5 s apart, with no
 * fault at all, never elects; a server that crashes and comes back while the master is reachable causes no election
 * after it is back. {@code -Dstagger.without=patient} shows both failing.
 */
class StartAndRestartProperties {
    /** How far apart the processes start: the spread that the harness and a loaded host were seen to cause. */
    static final long START_SPREAD_MICROS = 1_500_000;

    @Property
    void noElectionWhenTheGroupStartsUnevenly(@ForAll("patientGroupsStartingApart") Scenario scenario) {
        Run run = Run.until(scenario, Run.settledEnd(scenario));
        assertThat(run.sim().counters().inquiryTimeouts()).as(run::report).isZero();
        assertThat(run.sim().counters().electionsWon()).as(run::report).isZero();
        assertThat(run.sim().master()).as(run::report).isEqualTo(scenario.group().strongest());
        assertThat(run.safe()).as(run::report).isTrue();
    }

    @Property
    void aRestartCausesNoElectionWhileTheMasterIsReachable(
            @ForAll("patientGroupsWithACrashAndALaterRestart") Scenario scenario) {
        long restartAt = scenario.faults().get(scenario.faults().size() - 1).atMicros();
        List<String> electionsAfterRestart = new ArrayList<>();
        Run run = Run.until(scenario, Run.settledEnd(scenario), sim -> sim.observe((server, action, cause, now) -> {
            if (action == Action.ELECTION_TIMEOUT && now >= restartAt) {
                electionsAfterRestart.add(now + "us " + server.self());
            }
        }));
        assertThat(electionsAfterRestart).as(run::report).isEmpty();
        assertThat(run.convergedFor(Run.SETTLE_ROUNDS / 2 * Setup.of(scenario).roundMicros()))
                .as(run::report).isTrue();
        assertThat(run.safe()).as(run::report).isTrue();
    }

    /** Every server starts at its own moment within 1.5 s (Fault.LateStart); nothing else happens. */
    @Provide
    Arbitrary<Scenario> patientGroupsStartingApart() {
        return Setups.setups(Setups.anyVariantsWith(Variant.PATIENT)).flatMap(setup -> Combinators.combine(
                Arbitraries.longs(), startTimes(setup.ids().size()))
                .as((seed, starts) -> new Scenario(setup.ids(), setup.config(), seed, lateStarts(setup, starts))));
    }

    /**
     * The processes start apart, one server (the master or not) crashes, and it restarts once the group has had
     * time to fail over and settle. The restart relies on the master's announcements, so announce is on.
     */
    @Provide
    Arbitrary<Scenario> patientGroupsWithACrashAndALaterRestart() {
        return Setups.setups(Setups.anyVariantsWith(Variant.PATIENT, Variant.ANNOUNCE)).flatMap(setup -> {
            long round = setup.roundMicros();
            long allowance = setup.config().startAllowance().toNanos() / 1_000;
            Arbitrary<Long> crashAt = Arbitraries.longs().between(0, 10 * round).map(t -> START_SPREAD_MICROS
                    + allowance + t);
            Arbitrary<Long> downFor = Arbitraries.longs().between(0, 10 * round).map(t -> 10 * round + t);
            return Combinators.combine(Arbitraries.longs(), startTimes(setup.ids().size()), Arbitraries.of(setup.ids()),
                    crashAt, downFor).as((seed, starts, victim, at, down) -> {
                        List<Fault> faults = new ArrayList<>(lateStarts(setup, starts));
                        faults.add(new Fault.Crash(at, victim));
                        faults.add(new Fault.Restart(at + down, victim));
                        return new Scenario(setup.ids(), setup.config(), seed, faults);
                    });
        });
    }

    static Arbitrary<List<Long>> startTimes(int n) {
        return Arbitraries.longs().between(0, START_SPREAD_MICROS).list().ofSize(n);
    }

    static List<Fault> lateStarts(Setup setup, List<Long> startsMicros) {
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < startsMicros.size(); i++) {
            faults.add(new Fault.LateStart(startsMicros.get(i), setup.ids().get(i)));
        }
        return faults;
    }
}
