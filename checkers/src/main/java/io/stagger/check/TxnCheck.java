package io.stagger.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import io.stagger.history.Op;
import io.stagger.txn.Anomaly;
import io.stagger.txn.BadHistoryException;
import io.stagger.txn.ConsistencyModel;
import io.stagger.txn.HistoryReader;
import io.stagger.txn.Main;
import io.stagger.txn.TxnChecker;
import io.stagger.txn.TxnHistory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checker of txn-list-append and txn-rw-register: the txn-checker module (Elle's approach) on the history's
 * {@code txn} operations, under the consistency models asked for; cycles drawn into the run's txn-anomalies/. A
 * history it cannot read (a malformed micro-operation, a value written twice) is a {@link ModelMismatchException}.
 */
public final class TxnCheck implements Checker {
    /** Anomalies of each type explained in results.json; all are counted. */
    private static final int EXPLAINED_PER_TYPE = 5;
    /** Cycles of each type drawn into the run's txn-anomalies/ directory. */
    private static final int PLOTS_PER_TYPE = 10;

    private final io.stagger.txn.Workload kind;
    private final Set<ConsistencyModel> models;

    public TxnCheck(io.stagger.txn.Workload kind, Set<ConsistencyModel> models) {
        this.kind = kind;
        this.models = Set.copyOf(models);
    }

    @Override
    public CheckResult check(CheckContext context) {
        StringBuilder lines = new StringBuilder();
        List<Integer> opOfLine = new ArrayList<>();
        for (Op op : context.history()) {
            if (op.f() != null && op.f().equals("txn")) {
                lines.append(Json.write(op.toJson())).append('\n');
                opOfLine.add(op.index());
            }
        }
        TxnHistory history;
        try {
            history = HistoryReader.read(new StringReader(lines.toString()), kind);
        } catch (BadHistoryException e) {
            long line = e.lineNumber();
            throw new ModelMismatchException(line > 0 && line <= opOfLine.size() ? opOfLine.get((int) line - 1) : -1,
                    e.detail());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        io.stagger.txn.CheckResult result = TxnChecker.check(history, models);
        ObjectNode details = Main.toJson(result, EXPLAINED_PER_TYPE);
        details.remove("valid");
        details.put("committed-count", result.committed());
        details.put("aborted-count", result.aborted());
        details.put("indeterminate-count", result.indeterminate());
        ArrayNode asked = details.putArray("consistency-models");
        models.forEach(m -> asked.add(m.text()));
        if (context.directory() != null) {
            try {
                details.put("plots", Main.writeSvgs(result, context.directory().resolve("txn-anomalies"), PLOTS_PER_TYPE));
            } catch (IOException e) {
                details.put("plots-error", e.getMessage());
            }
        }
        return switch (result.verdict()) {
            case VALID -> CheckResult.valid(details);
            case UNKNOWN -> CheckResult.invalid("a cycle search ran out of its budget: unknown", details);
            case INVALID -> CheckResult.invalid(firstForbidden(result), details);
        };
    }

    private String firstForbidden(io.stagger.txn.CheckResult result) {
        for (Anomaly anomaly : result.anomalies()) {
            for (ConsistencyModel model : models) {
                if (model.forbids(anomaly.type())) {
                    return anomaly.type().text() + " (forbidden by " + model.text() + "): " + anomaly.explanation();
                }
            }
        }
        throw new IllegalStateException("an invalid verdict without a forbidden anomaly");
    }
}
