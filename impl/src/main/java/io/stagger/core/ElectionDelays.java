package io.stagger.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.BitSet;

/**
 * {@code E(i)} of PROTOCOL.md §2 (claims 10-13) for one server {@code i}, precomputed at init for every possible
 * failed master and for "no one failed" (rule 9), so that the hot path is one map lookup.
 *
 * <pre>E(i) = B + Σ_{k ∈ L(i)} max_{j ∈ H(i)} d(k, j)</pre>
 *
 * with C = every member but the failed master, L(i) = members of C stronger than i, H(i) = members of C not
 * stronger than i. Removing the failed master m from C changes the sum in one of two ways: if m ∈ L(i) its term
 * goes; if m ∈ H(i) every term whose maximum was reached only at m falls to its second-largest value. Keeping the
 * largest and second-largest d(k, ·) per k gives every E(i) in O(n²) for a matrix and O(n) for a uniform D.
 *
 * <p>Variant {@code spaced} adds {@code P + max d} to every term: a crash skews the backups' detection by up to
 * {@code P} plus the difference of their inquiries' delays (less than {@code max d}), so a stronger candidate that
 * detected the crash that much later still declares, and is heard, before the next one's timer fires.
 * Variant {@code prompt} (without {@code spaced}) adds {@code max d}: a stronger candidate detects no later than a
 * weaker one's {@code suspect} reaches it, so their detections differ by less than {@code max d}.
 * Variant {@code patient} adds {@code P + max d} to the restart delay (rule 9), so that a serving master's announce is
 * heard before a restarted server declares.
 */
public final class ElectionDelays {
    private final long withNoneFailedMicros;
    private final long restartExtraMicros;
    private final Map<String, Long> byFailedMasterMicros;
    private final String self;
    private final Group group;
    private final Config config;
    private final long spacingMicros;

    private ElectionDelays(long withNoneFailedMicros, long restartExtraMicros, Map<String, Long> byFailedMasterMicros,
                           String self, Group group, Config config, long spacingMicros) {
        this.withNoneFailedMicros = withNoneFailedMicros;
        this.restartExtraMicros = restartExtraMicros;
        this.byFailedMasterMicros = byFailedMasterMicros;
        this.self = self;
        this.group = group;
        this.config = config;
        this.spacingMicros = spacingMicros;
    }

    /** Computes E(self) for every possible failed master. */
    public static ElectionDelays compute(String self, Group group, Config config) {
        long base = Durations.micros(config.electionBase());
        // P + max d: the detection skew a crash can cause (spaced), and the time to hear a serving master (patient);
        // max d: the skew left when the first detector prompts the stronger candidates (prompt).
        long periodPlusDelay = Durations.micros(config.detectionPeriod()) + config.delayBounds().maxMicros();
        long spacing = config.has(Variant.SPACED) ? periodPlusDelay
                : config.has(Variant.PROMPT) ? config.delayBounds().maxMicros() : 0;
        long restartExtra = config.has(Variant.PATIENT) ? periodPlusDelay : 0;
        int selfRank = group.rank(self);
        List<String> byRank = group.idsByRank();
        Map<String, Long> byFailed = new HashMap<>();
        if (config.delayBounds() instanceof DelayBounds.Uniform uniform) {
            long step = Durations.micros(uniform.bound()) + spacing;
            long stronger = selfRank - 1;
            for (String m : byRank) {
                boolean failedIsStronger = group.rank(m) < selfRank;
                byFailed.put(m, base + (stronger - (failedIsStronger ? 1 : 0)) * step);
            }
            return new ElectionDelays(base + stronger * step, restartExtra, Map.copyOf(byFailed),
                    self, group, config, spacing);
        }
        List<String> stronger = byRank.subList(0, selfRank - 1); // L(i) when no one is excluded
        List<String> notStronger = byRank.subList(selfRank - 1, byRank.size()); // H(i), self included
        long sum = 0;
        Map<String, Long> termOf = new HashMap<>();
        Map<String, Long> dropIfExcluded = new HashMap<>(); // Σ (max - second) over k whose max is reached only at j
        for (String k : stronger) {
            long max = Long.MIN_VALUE;
            long second = Long.MIN_VALUE;
            String argMax = null;
            for (String j : notStronger) {
                long d = config.delayBounds().boundMicros(k, j);
                if (d > max) {
                    second = max;
                    max = d;
                    argMax = j;
                } else if (d > second) {
                    second = d;
                }
            }
            sum += max + spacing;
            termOf.put(k, max + spacing);
            if (second != Long.MIN_VALUE && max > second) {
                dropIfExcluded.merge(argMax, max - second, Long::sum);
            }
        }
        for (String m : byRank) {
            long delay = base + sum;
            if (termOf.containsKey(m)) {
                delay -= termOf.get(m);
            } else if (!m.equals(self)) {
                delay -= dropIfExcluded.getOrDefault(m, 0L);
            }
            byFailed.put(m, delay);
        }
        return new ElectionDelays(base + sum, restartExtra, Map.copyOf(byFailed), self, group, config, spacing);
    }

    /** E(self) when {@code failedMaster} is the master whose failure was detected (rule 4). */
    public long afterFailureOfMicros(String failedMaster) {
        Long delay = byFailedMasterMicros.get(failedMaster);
        return delay == null ? withNoneFailedMicros : delay;
    }

    /**
     * Variant {@code roster}: E(self) with the candidates C = the members whose ranks are in {@code rosterRanks},
     * without {@code failedMaster} (self is always a candidate): L(i) and H(i) are taken within C, so a member off
     * the roster costs no step. Computed on each call, in O(n²): it runs once per detection, not on the hot path.
     */
    public long afterFailureOfMicros(String failedMaster, BitSet rosterRanks) {
        int selfRank = group.rank(self);
        long delay = Durations.micros(config.electionBase());
        for (String k : group.idsByRank().subList(0, selfRank - 1)) {
            if (k.equals(failedMaster) || !rosterRanks.get(group.rank(k))) {
                continue;
            }
            long max = 0;
            for (String j : group.idsByRank().subList(selfRank - 1, group.size())) {
                if (j.equals(self) || (!j.equals(failedMaster) && rosterRanks.get(group.rank(j)))) {
                    max = Math.max(max, config.delayBounds().boundMicros(k, j));
                }
            }
            delay += max + spacingMicros;
        }
        return delay;
    }

    /** E(self) over all members: the candidates when no one is excluded. */
    public long withNoneFailedMicros() {
        return withNoneFailedMicros;
    }

    /** The election delay of a restarted server (rule 9): E(self) over all members, plus P + max d with {@code patient}. */
    public long afterRestartMicros() {
        return withNoneFailedMicros + restartExtraMicros;
    }
}
