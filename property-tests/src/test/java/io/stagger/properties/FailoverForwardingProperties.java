package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Config;
import io.stagger.service.FrontDoor;
import io.stagger.service.KvResult;
import io.stagger.sim.ClientOperation;
import io.stagger.sim.Fault;
import io.stagger.sim.LeaderAnswer;
import io.stagger.sim.Scenario;
import io.stagger.sim.ServiceHistory;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The front door's failover rule (docs/CONFERENCE.md, "disconnect the failed server"), run by the simulator through
 * the class the node runs ({@link FrontDoor}): the master crashes while clients keep sending to every server, and
 * every request sent to a backup is answered exactly once — with an outcome that a serving master's replica gave, or
 * with error 0 (it may have happened) or 11 (it did not); a request forwarded to the crashed master is answered with
 * error 0 when its server recognises another master, not left to the client's time-out.
 */
class FailoverForwardingProperties {

    @Property(tries = 60)
    void aRequestSentToABackupDuringAFailoverIsAnsweredOnce(@ForAll("masterCrashes") Scenario scenario) {
        ServiceRun run = ServiceRun.settled(scenario);
        assertThat(run.correct()).as(run::report).isTrue(); // an operation answered twice stops the run
        Fault.Crash crash = (Fault.Crash) scenario.faults().get(0);
        ServiceHistory history = run.sim().history();
        Map<Long, LeaderAnswer> served = history.answers().stream()
                .collect(Collectors.toMap(LeaderAnswer::opId, Function.identity(), (a, b) -> a));
        long answeredBy = ServiceRun.settledEnd(scenario) - 2 * Setup.of(scenario).roundMicros();
        int forwardedToTheCrashed = 0;
        for (ClientOperation op : history.operations()) {
            if (op.origin().equals(crash.server()) || op.invokeMicros() < crash.atMicros()
                    || op.invokeMicros() > answeredBy) {
                continue;
            }
            assertThat(op.result()).as(() -> op + " is answered" + run.report()).isNotNull();
            List<String> forwardedTo = run.sim().forwardedTo(op.id());
            if (!forwardedTo.isEmpty() && forwardedTo.get(forwardedTo.size() - 1).equals(crash.server())) {
                forwardedToTheCrashed++;
                assertThat(op.result()).as(() -> op + ", forwarded to the crashed master, is answered with error 0"
                        + run.report()).isInstanceOf(KvResult.Indefinite.class);
            } else if (op.acknowledged()) {
                LeaderAnswer answer = served.get(op.id());
                assertThat(answer).as(() -> op + " has an outcome that a serving master gave" + run.report())
                        .isNotNull();
                assertThat(answer.result()).as(() -> op + run.report()).isEqualTo(op.result());
                assertThat(answer.leader()).as(() -> op + run.report()).isNotEqualTo(crash.server());
            }
        }
        Statistics.label("requests forwarded to the crashed master").collect(Math.min(forwardedToTheCrashed, 10));
        assertThat(forwardedToTheCrashed).as(() -> "the failover left requests at the crashed master" + run.report())
                .isPositive();
    }

    /**
     * Groups of 3 to 7 with the default variants, no fault but the crash of the first master (the strongest server)
     * once every backup detects, at any phase of the detection period.
     */
    @Provide
    Arbitrary<Scenario> masterCrashes() {
        return Setups.setups(Setups.exactly(Config.DEFAULT_VARIANTS))
                .filter(setup -> setup.ids().size() >= ServiceSchedules.MIN_SERVERS
                        && setup.ids().size() <= ServiceSchedules.MAX_SERVERS)
                .flatMap(setup -> Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 4),
                        Arbitraries.longs().between(0, setup.periodMicros())).as((seed, rounds, phase) -> {
                            long crashAt = setup.detectingByMicros() + rounds * setup.roundMicros() + phase;
                            return new Scenario(setup.ids(), setup.config(), seed,
                                    List.of(new Fault.Crash(crashAt, setup.group().strongest())));
                        }));
    }
}
