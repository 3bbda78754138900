package io.stagger.check;

import java.util.List;

/**
 * What a TLC run printed, read back: the verdict, the statistics and the counterexample, if any.
 *
 * @param verdict the outcome
 * @param violated the violated property ("Convergence", "TypeOK", ...), or null
 * @param distinctStates distinct states found (-1 if TLC did not say)
 * @param statesGenerated states generated (-1 if TLC did not say)
 * @param depth the diameter of the state graph (-1 if TLC did not say, as after a violation)
 * @param trace the counterexample's states, empty if none
 * @param loopBackTo for a temporal violation: the state number the behaviour returns to forever, or 0
 * @param stutters for a temporal violation: the behaviour ends by stuttering forever in its last state
 * @param message TLC's error text for {@link Verdict#ERROR}, else null
 */
public record TlcOutcome(Verdict verdict, String violated, long distinctStates, long statesGenerated, long depth,
                         List<TraceState> trace, int loopBackTo, boolean stutters, String message) {
}
