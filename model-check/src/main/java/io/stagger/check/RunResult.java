package io.stagger.check;

import io.stagger.core.Variant;
import java.nio.file.Path;

/**
 * One configuration checked: what TLC found, how long it took, and where its work files are.
 *
 * @param config the configuration
 * @param outcome TLC's verdict, statistics and trace
 * @param wallMillis wall-clock time of the TLC run
 * @param mode how TLC explored the state space
 * @param workDir the generated MC module, its .cfg and TLC's full log
 */
public record RunResult(ModelConfig config, TlcOutcome outcome, long wallMillis, Mode mode, Path workDir) {
    /** How TLC explored the state space. */
    public enum Mode {
        /** Every reachable state, in one process, with liveness. */
        EXHAUSTIVE("exhaustive", ""),
        /** Random behaviours: a pass is not a proof; no liveness. */
        SIMULATION("simulation", "simulation checks no liveness"),
        /** Every reachable state, on TLC's distributed mode: invariants and action properties, no liveness. */
        DISTRIBUTED("exhaustive, distributed TLC", "distributed TLC checks no liveness");

        private final String label;
        private final String livenessNote;

        Mode(String label, String livenessNote) {
            this.label = label;
            this.livenessNote = livenessNote;
        }

        /** The report's name for the mode. */
        public String label() {
            return label;
        }

        /** Why Convergence is not among the checked properties, or empty when it is. */
        public String livenessNote() {
            return livenessNote;
        }
    }

    /** Whether TLC simulated rather than exhausted the state space. */
    public boolean simulated() {
        return mode == Mode.SIMULATION;
    }

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
            case PASS -> simulated() ? "pass (simulated)" : "pass";
            case VIOLATED -> "FAIL: " + outcome.violated();
            case TIMEOUT -> "timeout";
            case ERROR -> "error";
        };
    }
}
