package io.stagger.properties;

import io.stagger.core.Config;
import io.stagger.sim.Scenario;
import io.stagger.sim.ServiceHistory;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;

/**
 * The figures of the service's properties, and a deeper search than their tries: {@code -Dstagger.service.survey=N}
 * runs N random scenarios (the properties' arbitraries, seeded, so reproducible) of the default variants, of any
 * variants, and of the default variants with the claims-alone rule, and prints per set the runs the checker passed,
 * operations and failovers per run, and wall time per run. Skipped without it.
 */
class ServiceSurveyTest {
    private static final long SURVEY_SEED = 20_261_124L;

    @Example
    void tabulateTheServiceRuns() {
        int runs = Integer.getInteger("stagger.service.survey", 0);
        Assume.that(runs > 0);
        StringBuilder table = new StringBuilder("| variants | rule | correct runs within the limits | ops per run (acknowledged) "
                + "| failovers per run (max) | acknowledged writes in the last rounds, min | wall ms per run |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        row(table, "announce,epochs", ServiceSchedules.scenarios(Setups.exactly(Config.DEFAULT_VARIANTS)), true, runs);
        row(table, "any", ServiceSchedules.scenarios(Setups.anyVariants()), true, runs);
        row(table, "announce,epochs", ServiceSchedules.scenarios(Setups.exactly(Config.DEFAULT_VARIANTS)), false,
                runs);
        Arbitrary<Setup> setups = Setups.setups(Setups.exactly(Config.DEFAULT_VARIANTS))
                .filter(setup -> setup.ids().size() >= ServiceSchedules.MIN_SERVERS
                        && setup.ids().size() <= ServiceSchedules.MAX_SERVERS);
        row(table, "announce,epochs, overlapping faults", FaultSchedules.scenarios(setups, FaultSchedules.Kinds.ALL),
                true, runs);
        System.out.println("service runs, " + runs + " random scenarios per row:\n" + table);
    }

    private static void row(StringBuilder table, String name, Arbitrary<Scenario> scenarios, boolean majorityRule,
                            int runs) {
        RandomGenerator<Scenario> generator = scenarios.generator(1_000);
        Random random = new Random(SURVEY_SEED);
        int correct = 0;
        int beyondLimits = 0;
        int beyondLimitsCorrect = 0;
        long ops = 0;
        long acknowledged = 0;
        long failovers = 0;
        long maxFailovers = 0;
        long minRecent = Long.MAX_VALUE;
        long nanos = 0;
        for (int i = 0; i < runs; i++) {
            Scenario scenario = generator.next(random).value();
            long start = System.nanoTime();
            ServiceRun run = ServiceRun.until(scenario, ServiceRun.workloadFor(scenario, majorityRule),
                    ServiceRun.settledEnd(scenario));
            nanos += System.nanoTime() - start;
            ServiceHistory history = run.sim().history();
            if (run.sim().withinLimits()) {
                correct += run.correct() ? 1 : 0;
            } else {
                beyondLimits++;
                beyondLimitsCorrect += run.correct() ? 1 : 0;
                if (!run.correct() && majorityRule) {
                    System.out.println("beyond the limits and not correct:" + run.report());
                }
            }
            ops += history.operations().size();
            acknowledged += history.acknowledged();
            long f = Math.max(0, history.leadingBallots() - 1);
            failovers += f;
            maxFailovers = Math.max(maxFailovers, f);
            minRecent = Math.min(minRecent, run.recentWritesAcknowledged());
        }
        table.append("| ").append(name).append(" | ").append(majorityRule ? "majority" : "claims-alone").append(" | ")
                .append(correct).append('/').append(runs - beyondLimits)
                .append(beyondLimits == 0 ? "" : " (beyond the limits: " + beyondLimitsCorrect + "/" + beyondLimits + ")")
                .append(" | ").append(ops / runs).append(" (")
                .append(acknowledged / runs).append(") | ").append(String.format("%.1f", failovers / (double) runs))
                .append(" (").append(maxFailovers).append(") | ").append(minRecent).append(" | ")
                .append(nanos / runs / 1_000_000).append(" |\n");
    }

}
