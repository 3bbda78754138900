package io.stagger.check;

import java.nio.file.Path;

/**
 * One configuration checked: what TLC found, how long it took, and where its work files are.
 *
 * @param config the configuration
 * @param outcome TLC's verdict, statistics and trace
 * @param wallMillis wall-clock time of the TLC run
 * @param simulated whether TLC simulated rather than exhausted the state space
 * @param workDir the generated MC module, its .cfg and TLC's full log
 */
public record RunResult(ModelConfig config, TlcOutcome outcome, long wallMillis, boolean simulated, Path workDir) {
    /** The counterexample as a numbered markdown list, or an empty string. */
    public String counterexample() {
        if (outcome.trace().isEmpty()) {
            return "";
        }
        return new Counterexample(outcome, config.variants().contains(Variant.EPOCHS)).markdown();
    }

    /** The verdict as a table cell: {@code pass}, {@code FAIL: Convergence}, ... */
    public String verdictText() {
        return switch (outcome.verdict()) {
            case PASS -> simulated ? "pass (simulated)" : "pass";
            case VIOLATED -> "FAIL: " + outcome.violated();
            case TIMEOUT -> "timeout";
            case ERROR -> "error";
        };
    }
}
