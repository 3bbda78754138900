package io.stagger.check;

import io.stagger.core.Variant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One configuration to model-check: servers, variants, faults and timing, and which properties apply to it.
 *
 * @param servers n, at least 2
 * @param variants the variant set (empty: the claims' variant)
 * @param faults the fault kinds injected, each {@code faultBudget} times at most
 * @param faultBudget how many faults of each kind a behaviour may contain
 * @param timing P, T, B, D and the network's delay bound
 * @param startSkew how many ticks apart the servers may start (the phases of their detection timers)
 * @param maxEpoch the bound on epochs that keeps the state space finite (with {@code epochs})
 * @param failoverBound the failover bound to confirm, in ticks (crash-only faults; 0: not checked)
 * @param checkStagger also check that no two servers are MASTER at once (the stagger claim)
 * @param startWindow processes start up to this many ticks apart (staggered start; 0: all at once)
 * @param startAllowance variant patient: a starting BACKUP's first detection tick, at least P
 * @param checkNoFaultElection also check that no election happens without a fault (NoElectionWithoutFault)
 */
public record ModelConfig(int servers, Set<Variant> variants, Set<Fault> faults, int faultBudget, Timing timing,
                          int startSkew, int maxEpoch, int failoverBound, boolean checkStagger,
                          int startWindow, int startAllowance, boolean checkNoFaultElection) {

    /** A configuration with every process started at once and no check of elections without a fault. */
    public ModelConfig(int servers, Set<Variant> variants, Set<Fault> faults, int faultBudget, Timing timing,
            int startSkew, int maxEpoch, int failoverBound, boolean checkStagger) {
        this(servers, variants, faults, faultBudget, timing, startSkew, maxEpoch, failoverBound, checkStagger, 0,
                timing.detectionPeriod(), false);
    }

    /** Validates once; every field is then safe to write into a model. */
    public ModelConfig {
        if (servers < 2) {
            throw new IllegalArgumentException("--servers must be at least 2, got " + servers);
        }
        if (faultBudget < 1) {
            throw new IllegalArgumentException("--budget must be at least 1, got " + faultBudget);
        }
        if (startSkew < 0 || startSkew >= timing.detectionPeriod()) {
            throw new IllegalArgumentException("--skew must be between 0 and P - 1, got " + startSkew);
        }
        if (maxEpoch < 1) {
            throw new IllegalArgumentException("--max-epoch must be at least 1, got " + maxEpoch);
        }
        if (failoverBound < 0) {
            throw new IllegalArgumentException("--failover-bound must not be negative, got " + failoverBound);
        }
        if (startWindow < 0) {
            throw new IllegalArgumentException("--start-window must not be negative, got " + startWindow);
        }
        if (startAllowance < timing.detectionPeriod()) {
            throw new IllegalArgumentException("--start-allowance must be at least P, got " + startAllowance);
        }
        variants = Collections.unmodifiableSet(variants.isEmpty() ? EnumSet.noneOf(Variant.class) : EnumSet.copyOf(variants));
        faults = Collections.unmodifiableSet(faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults));
    }

    /** A configuration with the default budget, timing and bounds. */
    public static ModelConfig of(int servers, Set<Variant> variants, Set<Fault> faults) {
        return new ModelConfig(servers, variants, faults, 1, Timing.DEFAULT, 0, 6,
                defaultFailoverBound(servers, faults, Timing.DEFAULT), false);
    }

    /** The protocol's failover bound when faults are crash-only, else 0 (the bound is a claim about crashes only). */
    public static int defaultFailoverBound(int servers, Set<Fault> faults, Timing timing) {
        return crashOnly(faults) ? timing.protocolFailoverBound(servers, EnumSet.noneOf(Variant.class)) : 0;
    }

    /**
     * The window of NoElectionWithoutFault: an election later than this after the last fault is spurious. The
     * protocol's loose failover bound (P + T + max E + 3 max d) plus one P for a restarted server's announce.
     */
    public int faultWindow() {
        return checkNoFaultElection
                ? timing.protocolFailoverBound(servers, variants) + timing.detectionPeriod()
                : 0;
    }

    /** Whether every fault is a crash: the stagger and failover claims of §6 are made for this case. */
    public boolean crashOnly() {
        return crashOnly(faults);
    }

    private static boolean crashOnly(Set<Fault> faults) {
        return EnumSet.of(Fault.CRASH).containsAll(faults);
    }

    /** A short name, also the work-directory name: {@code n3-announce,epochs-crash,partition}. */
    public String name() {
        return "n" + servers + "-" + Variant.formatList(variants) + "-" + Fault.label(faults);
    }

    /** The invariants TLC checks for this configuration. */
    public List<String> invariants() {
        List<String> names = new ArrayList<>(List.of("TypeOK", "StateConsistent", "MasterRecognisesSelf",
                "RevokeFromStronger"));
        if (crashOnly() && failoverBound > 0) {
            names.add("FailoverWithinBound");
        }
        if (checkStagger) {
            names.add("AtMostOneMaster");
        }
        return names;
    }

    /** The temporal and action properties TLC checks for this configuration. */
    public List<String> properties() {
        List<String> names = new ArrayList<>(List.of("EpochNeverDecreases"));
        if (crashOnly()) {
            names.add("NoSpuriousElection");
        }
        if (checkNoFaultElection) {
            names.add("NoElectionWithoutFault");
        }
        names.add("Convergence");
        return names;
    }

    /** Returns a copy with other timing. */
    public ModelConfig withTiming(Timing newTiming) {
        return new ModelConfig(servers, variants, faults, faultBudget, newTiming, startSkew, maxEpoch,
                failoverBound, checkStagger, startWindow, Math.max(startAllowance, newTiming.detectionPeriod()),
                checkNoFaultElection);
    }
}
