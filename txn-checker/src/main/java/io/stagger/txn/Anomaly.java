package io.stagger.txn;

import java.util.List;

/**
 * One anomaly found: its type, the transactions involved, a sentence a person can check against the history, and
 * for a cycle its steps.
 */
public record Anomaly(AnomalyType type, List<Txn> txns, String explanation, List<Step> cycle) {
    public Anomaly {
        txns = List.copyOf(txns);
        cycle = List.copyOf(cycle);
    }

    static Anomaly of(AnomalyType type, String explanation, Txn... txns) {
        return new Anomaly(type, List.of(txns), explanation, List.of());
    }

    /** One edge of a cycle: from, to, its kind, and why it holds. */
    public record Step(Txn from, Txn to, EdgeType type, String because) {}

    /** The cycle as names, {@code T1 -rw-> T2 -wr-> T1}. */
    public String cycleText() {
        StringBuilder text = new StringBuilder();
        for (Step step : cycle) {
            text.append(step.from().name()).append(" -").append(step.type().label()).append("-> ");
        }
        return text.append(cycle.isEmpty() ? "" : cycle.get(0).from().name()).toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(type.text()).append(": ").append(explanation);
        for (Step step : cycle) {
            text.append("\n    ").append(step.because());
        }
        return text.toString();
    }
}
