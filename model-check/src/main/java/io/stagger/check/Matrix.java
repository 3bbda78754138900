package io.stagger.check;

import io.stagger.core.Config;
import io.stagger.core.Variant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The matrix: every variant set × every fault model × each n. */
public final class Matrix {
    /** The fault models of the matrix, from none to each kind alone and the pairs engineers ask about. */
    public static final List<Set<Fault>> FAULT_MODELS = List.of(
            EnumSet.noneOf(Fault.class),
            EnumSet.of(Fault.CRASH),
            EnumSet.of(Fault.CRASH, Fault.RESTART),
            EnumSet.of(Fault.LOSS),
            EnumSet.of(Fault.LATE),
            EnumSet.of(Fault.PARTITION),
            EnumSet.of(Fault.CRASH, Fault.PARTITION),
            EnumSet.of(Fault.CRASH, Fault.RESTART, Fault.PARTITION));

    private Matrix() {
    }

    /** The product's default variant set, checked beside the 8 sets of the three fixes of PROTOCOL.md §5. */
    public static final Set<Variant> DEFAULT = Config.DEFAULT_VARIANTS;

    /** All 8 sets of announce, epochs and redirect, from the claims' variant (none) to all three, then the default. */
    public static List<Set<Variant>> variantSets() {
        List<Set<Variant>> sets = new ArrayList<>();
        Variant[] all = {Variant.ANNOUNCE, Variant.EPOCHS, Variant.REDIRECT};
        for (int mask = 0; mask < 1 << all.length; mask++) {
            Set<Variant> set = EnumSet.noneOf(Variant.class);
            for (int bit = 0; bit < all.length; bit++) {
                if ((mask & (1 << bit)) != 0) {
                    set.add(all[bit]);
                }
            }
            sets.add(set);
        }
        sets.add(DEFAULT);
        return sets;
    }

    /** The configurations of the matrix for the given numbers of servers, in report order. */
    public static List<ModelConfig> configurations(List<Integer> serverCounts) {
        List<ModelConfig> configs = new ArrayList<>();
        for (int servers : serverCounts) {
            for (Set<Fault> faults : FAULT_MODELS) {
                for (Set<Variant> variants : variantSets()) {
                    configs.add(ModelConfig.of(servers, variants, faults));
                }
            }
        }
        return configs;
    }
}
