package io.stagger.core;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The protocol's configuration, the same on every server and validated once: the variants of PROTOCOL.md §5, the
 * timer lengths {@code P}, {@code T}, {@code B} of §2, the delay bounds {@code d}, the rank rule, and (variant
 * {@code patient}) the start allowance {@code A}: how long a starting BACKUP that has not heard from its master
 * waits before it begins detection.
 */
public record Config(
        Set<Variant> variants,
        Duration detectionPeriod,
        Duration inquiryTimeout,
        Duration electionBase,
        DelayBounds delayBounds,
        RankRule rankRule,
        Duration startAllowance) {

    /**
     * The product's default variant set: the one the model checker shows correct under the widest fault model, with
     * no election without a fault ({@code patient}), one declaration per failover ({@code prompt}) and no stagger
     * step for members known to be down ({@code roster}).
     */
    public static final Set<Variant> DEFAULT_VARIANTS =
            EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS, Variant.PATIENT, Variant.PROMPT, Variant.ROSTER);

    /** The default start allowance: longer than the spread of process starts that a harness or a host causes. */
    public static final Duration DEFAULT_START_ALLOWANCE = Duration.ofSeconds(3);

    /** A configuration with the default start allowance. */
    public Config(Set<Variant> variants, Duration detectionPeriod, Duration inquiryTimeout, Duration electionBase,
            DelayBounds delayBounds, RankRule rankRule) {
        this(variants, detectionPeriod, inquiryTimeout, electionBase, delayBounds, rankRule,
                DEFAULT_START_ALLOWANCE.compareTo(detectionPeriod) < 0 ? detectionPeriod : DEFAULT_START_ALLOWANCE);
    }

    public Config {
        variants = variants.isEmpty() ? EnumSet.noneOf(Variant.class) : EnumSet.copyOf(variants);
        Durations.requirePositive("P (detection period)", detectionPeriod);
        Durations.requirePositive("T (inquiry time-out)", inquiryTimeout);
        Durations.requireNonNegative("B (base election delay)", electionBase);
        if (delayBounds == null) {
            throw new IllegalArgumentException("delay bounds are required");
        }
        if (rankRule == null) {
            throw new IllegalArgumentException("a rank rule is required");
        }
        if (startAllowance == null || startAllowance.compareTo(detectionPeriod) < 0) {
            throw new IllegalArgumentException("the start allowance must be at least P (" + Durations.format(detectionPeriod)
                    + "), got " + (startAllowance == null ? "none" : Durations.format(startAllowance)));
        }
    }

    /** The defaults of {@code bin/stagger-node}: default variants, P = 100ms, T = 50ms, B = 100ms, D = 20ms, ranks by position. */
    public static Config defaults() {
        return new Config(DEFAULT_VARIANTS, Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(100),
                new DelayBounds.Uniform(Duration.ofMillis(20)), new RankRule.ByPosition());
    }

    /** Whether variant {@code v} is switched on. */
    public boolean has(Variant v) {
        return variants.contains(v);
    }

    /** A copy with other variants. */
    public Config withVariants(Set<Variant> newVariants) {
        return new Config(newVariants, detectionPeriod, inquiryTimeout, electionBase, delayBounds, rankRule,
                startAllowance);
    }

    /** A copy with another start allowance. */
    public Config withStartAllowance(Duration newStartAllowance) {
        return new Config(variants, detectionPeriod, inquiryTimeout, electionBase, delayBounds, rankRule,
                newStartAllowance);
    }

    @Override
    public String toString() {
        return "variants=" + Variant.formatList(variants) + " P=" + Durations.format(detectionPeriod)
                + " T=" + Durations.format(inquiryTimeout) + " B=" + Durations.format(electionBase)
                + " maxD=" + Durations.format(Duration.ofNanos(delayBounds.maxMicros() * 1_000))
                + (has(Variant.PATIENT) ? " A=" + Durations.format(startAllowance) : "");
    }
}
