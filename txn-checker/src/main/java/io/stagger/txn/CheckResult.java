package io.stagger.txn;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the checker found: every anomaly (the cycles one per strongly connected component and search), counts, and
 * the verdict for the models asked. {@code undecided} holds the cycle types a search could not rule out within its
 * budget; a model forbidding one of them gets no valid verdict.
 */
public record CheckResult(Workload workload, Set<ConsistencyModel> models, int committed, int aborted,
        int indeterminate, Map<EdgeType, Integer> edges, List<Anomaly> anomalies, Set<AnomalyType> undecided) {
    public CheckResult {
        models = models.isEmpty() ? EnumSet.noneOf(ConsistencyModel.class) : EnumSet.copyOf(models);
        edges = new EnumMap<>(edges);
        anomalies = List.copyOf(anomalies);
        undecided = undecided.isEmpty() ? EnumSet.noneOf(AnomalyType.class) : EnumSet.copyOf(undecided);
    }

    /** The verdict: valid, invalid, or unknown (nothing forbidden found, but a search ran out of budget). */
    public enum Verdict { VALID, INVALID, UNKNOWN }

    public Verdict verdict() {
        return verdict(models);
    }

    public Verdict verdict(Set<ConsistencyModel> under) {
        for (Anomaly anomaly : anomalies) {
            for (ConsistencyModel model : under) {
                if (model.forbids(anomaly.type())) {
                    return Verdict.INVALID;
                }
            }
        }
        for (AnomalyType type : undecided) {
            for (ConsistencyModel model : under) {
                if (model.forbids(type)) {
                    return Verdict.UNKNOWN;
                }
            }
        }
        return Verdict.VALID;
    }

    public boolean valid() {
        return verdict() == Verdict.VALID;
    }

    public Verdict verdict(ConsistencyModel model) {
        return verdict(EnumSet.of(model));
    }

    /** How many anomalies of each type were found. */
    public Map<AnomalyType, Integer> counts() {
        Map<AnomalyType, Integer> counts = new EnumMap<>(AnomalyType.class);
        for (Anomaly anomaly : anomalies) {
            counts.merge(anomaly.type(), 1, Integer::sum);
        }
        return counts;
    }

    /** The anomalies of one type. */
    public List<Anomaly> of(AnomalyType type) {
        List<Anomaly> found = new ArrayList<>();
        for (Anomaly anomaly : anomalies) {
            if (anomaly.type() == type) {
                found.add(anomaly);
            }
        }
        return found;
    }

    /** Of the five models, those the anomalies found rule out. */
    public List<ConsistencyModel> ruledOut() {
        List<ConsistencyModel> out = new ArrayList<>();
        for (ConsistencyModel model : ConsistencyModel.values()) {
            if (verdict(model) == Verdict.INVALID) {
                out.add(model);
            }
        }
        return out;
    }

    /** A report for people: the verdict, the counts, then up to {@code perType} anomalies of each type in full. */
    public String report(int perType) {
        StringBuilder text = new StringBuilder();
        text.append(workload.text()).append(": ").append(committed).append(" committed, ").append(aborted)
                .append(" aborted, ").append(indeterminate).append(" indeterminate transactions; edges");
        edges.forEach((type, count) -> text.append(' ').append(type.label()).append(' ').append(count));
        text.append('\n');
        List<String> names = new ArrayList<>();
        models.forEach(m -> names.add(m.text()));
        text.append("verdict under ").append(String.join(", ", names)).append(": ")
                .append(verdict().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        List<String> out = new ArrayList<>();
        ruledOut().forEach(m -> out.add(m.text()));
        text.append("models ruled out: ").append(out.isEmpty() ? "none" : String.join(", ", out)).append('\n');
        if (!undecided.isEmpty()) {
            text.append("not fully searched (budget): ").append(undecided).append('\n');
        }
        Map<AnomalyType, Integer> counts = counts();
        for (Map.Entry<AnomalyType, Integer> entry : counts.entrySet()) {
            AnomalyType type = entry.getKey();
            text.append('\n').append(type.text()).append(" (").append(entry.getValue()).append("): ")
                    .append(type.meaning()).append('\n');
            int shown = 0;
            for (Anomaly anomaly : of(type)) {
                if (shown++ == perType) {
                    text.append("  ... and ").append(entry.getValue() - perType).append(" more\n");
                    break;
                }
                text.append("  ").append(anomaly.explanation()).append('\n');
                for (Anomaly.Step step : anomaly.cycle()) {
                    text.append("    ").append(step.because()).append(" (").append(step.type().label()).append(")\n");
                }
                for (Txn txn : anomaly.cycle().isEmpty() ? List.<Txn>of() : anomaly.txns()) {
                    text.append("    ").append(txn.text(workload)).append('\n');
                }
            }
        }
        return text.toString();
    }
}
