package io.stagger.txn;

import java.util.List;

/** The workload-specific part of the check: dependency edges into the graph, non-cycle anomalies into the list. */
abstract sealed class Analysis permits ListAppendAnalysis, RwRegisterAnalysis {
    final List<Txn> txns;
    final DependencyGraph graph;
    final List<Anomaly> anomalies;
    final Writers writers;

    Analysis(List<Txn> txns, DependencyGraph graph, List<Anomaly> anomalies) {
        this.txns = txns;
        this.graph = graph;
        this.anomalies = anomalies;
        this.writers = new Writers(txns);
    }

    abstract void run();

    static Analysis of(Workload workload, List<Txn> txns, DependencyGraph graph, List<Anomaly> anomalies) {
        return workload == Workload.LIST_APPEND
                ? new ListAppendAnalysis(txns, graph, anomalies)
                : new RwRegisterAnalysis(txns, graph, anomalies);
    }
}
