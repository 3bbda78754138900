package io.stagger.bench;

import io.stagger.txn.AnomalyType;
import io.stagger.txn.CheckResult;
import io.stagger.txn.ConsistencyModel;
import io.stagger.txn.TxnChecker;
import io.stagger.txn.TxnHistory;
import io.stagger.txn.Workload;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The transactional anomaly checker on a generated history ({@link TxnHistories}) of 1k, 10k and 100k transactions
 * of up to 4 micro-operations, with an injected G-single and G1c: one op is a whole check under
 * strict-serializable (graph, process and real-time edges, components, cycle searches, explanations), and it fails
 * if either injected anomaly is missed. The setup first checks the history without the injection and fails unless
 * it is strict-serializable, so the injected anomalies are the only ones to find.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class TxnCheckerBenchmark {
    @Param({"1000", "10000", "100000"})
    int txns;

    @Param({"list-append", "rw-register"})
    String workload;

    private static final Set<ConsistencyModel> MODELS = EnumSet.of(ConsistencyModel.STRICT_SERIALIZABLE);
    private TxnHistory history;

    @Setup(Level.Trial)
    public void setUp() {
        Workload kind = Workload.parse(workload);
        CheckResult clean = TxnChecker.check(TxnHistories.generate(kind, txns, 42, false), MODELS);
        if (!clean.valid()) {
            throw new IllegalStateException("the generated history is not strict-serializable:\n" + clean.report(3));
        }
        history = TxnHistories.generate(kind, txns, 42, true);
    }

    @Benchmark
    public CheckResult check() {
        CheckResult result = TxnChecker.check(history, MODELS);
        if (result.of(AnomalyType.G_SINGLE).size() != 1 || result.of(AnomalyType.G1C).size() != 1) {
            throw new IllegalStateException("the injected G-single and G1c were not both found: " + result.counts());
        }
        return result;
    }
}
