package io.stagger.check;

import io.stagger.core.Variant;
import java.util.Set;

/**
 * The timer lengths and delay bounds of a model, in ticks (PROTOCOL.md §2).
 *
 * @param detectionPeriod P: a BACKUP inquires every P ticks (a MASTER announces every P with {@code announce})
 * @param inquiryTimeout T: an inquiry without reply for T ticks means the master failed
 * @param baseElectionDelay B: the strongest candidate's election delay
 * @param delayBound D: the configured one-way delay bound that E(i) is computed with
 * @param maxDelay the network's real delay bound in the model (at most D); 0 means "before the next tick"
 */
public record Timing(int detectionPeriod, int inquiryTimeout, int baseElectionDelay, int delayBound, int maxDelay) {
    /** The default: one tick is the delay bound D, and messages arrive within it. */
    public static final Timing DEFAULT = new Timing(2, 1, 1, 1, 0);

    /** Checks the bounds the spec ASSUMEs. */
    public Timing {
        require(detectionPeriod >= 1, "P must be at least 1 tick");
        require(inquiryTimeout >= 1, "T must be at least 1 tick");
        require(baseElectionDelay >= 1, "B must be at least 1 tick");
        require(delayBound >= 0, "D must not be negative");
        require(maxDelay >= 0 && maxDelay <= delayBound, "the network's max delay must be between 0 and D");
    }

    /** The spec's Step: what E(i) adds per stronger candidate: D, 2D with prompt, P + 2D with spaced. */
    public int electionStep(Set<Variant> variants) {
        return variants.contains(Variant.SPACED) ? detectionPeriod + 2 * delayBound
                : variants.contains(Variant.PROMPT) ? 2 * delayBound : delayBound;
    }

    /** E(i) of the weakest candidate after the strongest failed: B + (n - 2) Step. */
    public int maxElectionDelayAfterFailure(int servers, Set<Variant> variants) {
        return baseElectionDelay + (servers - 2) * electionStep(variants);
    }

    /** The failover bound of PROTOCOL.md §6: P + T + max E + max d, plus one revocation round (2 d). */
    public int protocolFailoverBound(int servers, Set<Variant> variants) {
        int maxd = Math.max(1, maxDelay);
        return detectionPeriod + inquiryTimeout + maxElectionDelayAfterFailure(servers, variants) + maxd + 2 * maxd;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
