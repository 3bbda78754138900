package io.stagger.properties;

import io.stagger.core.Variant;
import io.stagger.properties.FaultSchedules.Kinds;
import io.stagger.sim.Scenario;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;

/**
 * The published result of PROTOCOL.md §6 "which variants converge under which faults": for every variant set and
 * every kind of fault, the share of random scenarios (from the same arbitraries as the properties, seeded, so the
 * table is reproducible) that converge after the last fault. Run with {@code -Dstagger.survey=N} (runs per cell);
 * skipped without it. A jqwik example, as generators only run on jqwik's threads.
 */
class ConvergenceSurveyTest {
    private static final long SURVEY_SEED = 20_260_101L;

    @Example
    void tabulateConvergenceByVariantsAndFaults() {
        int runs = Integer.getInteger("stagger.survey", 0);
        Assume.that(runs > 0);
        StringBuilder table = new StringBuilder("| variants |");
        for (Kinds kinds : Kinds.values()) {
            table.append(' ').append(kinds.name().toLowerCase(Locale.ROOT)).append(" |");
        }
        table.append("\n| --- |").append(" --- |".repeat(Kinds.values().length)).append('\n');
        for (Set<Variant> variants : allVariantSets()) {
            table.append("| ").append(Variant.formatList(variants)).append(" |");
            for (Kinds kinds : Kinds.values()) {
                table.append(' ').append(cell(variants, kinds, runs)).append(" |");
            }
            table.append('\n');
        }
        System.out.println("converged runs / runs, " + runs + " random scenarios per cell:\n" + table);
    }

    private static String cell(Set<Variant> variants, Kinds kinds, int runs) {
        Arbitrary<Scenario> scenarios = FaultSchedules.scenarios(Setups.setups(Setups.exactly(variants)), kinds);
        RandomGenerator<Scenario> generator = scenarios.generator(1_000);
        Random random = new Random(SURVEY_SEED);
        int converged = 0;
        int unsafe = 0;
        for (int i = 0; i < runs; i++) {
            Scenario scenario = generator.next(random).value();
            Run run = Run.until(scenario, Run.settledEnd(scenario));
            if (!run.safe()) {
                unsafe++;
            } else if (run.convergedFor(Run.SETTLE_ROUNDS / 2 * Setup.of(scenario).roundMicros())) {
                converged++;
            }
        }
        return converged + "/" + runs + (unsafe > 0 ? " (" + unsafe + " unsafe)" : "");
    }

    private static List<Set<Variant>> allVariantSets() {
        List<Set<Variant>> sets = new ArrayList<>();
        for (int mask = 0; mask < 8; mask++) {
            Set<Variant> set = EnumSet.noneOf(Variant.class);
            for (Variant v : Variant.values()) {
                if ((mask & (1 << v.ordinal())) != 0) {
                    set.add(v);
                }
            }
            sets.add(set);
        }
        return sets;
    }
}
