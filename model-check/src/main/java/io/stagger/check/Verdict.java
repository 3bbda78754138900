package io.stagger.check;

/** The outcome of one TLC run. */
public enum Verdict {
    /** Every property holds (in simulation: no violation in the behaviours simulated). */
    PASS,
    /** A property is violated; the run has a counterexample. */
    VIOLATED,
    /** TLC did not finish in the time allowed. */
    TIMEOUT,
    /** TLC could not run the model (a parse or semantic error, a bad value, a crash). */
    ERROR
}
