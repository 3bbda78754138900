package io.stagger.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.check.linear.Budget;
import io.stagger.check.linear.KeyHistory;
import io.stagger.check.linear.KeyVerdict;
import io.stagger.check.linear.Linearizability;
import io.stagger.check.linear.RegisterModel;
import io.stagger.history.Json;
import java.util.List;
import java.util.Locale;

/**
 * Linearizability of registers (Maelstrom's lin-kv checker, Jepsen's cas-register and per-key registers): each
 * key's history searched apart, in parallel. For a key that is not linearizable the details give the longest
 * linearizable prefix (history indexes of the invocations, in linearization order, with the value after each), the
 * operation whose completion the search could not pass, and the operations that cannot be placed after the prefix.
 * A history that is not of registers is a {@link ModelMismatchException}.
 */
public final class LinKvChecker implements Checker {
    private final RegisterModel model;
    private final Budget budget;

    /** Maelstrom's lin-kv: per-key registers, failed cas did not happen, the default budget. */
    public LinKvChecker() {
        this(RegisterModel.LIN_KV, Budget.DEFAULT);
    }

    public LinKvChecker(RegisterModel model, Budget budget) {
        this.model = model;
        this.budget = budget;
    }

    @Override
    public CheckResult check(CheckContext context) {
        List<KeyHistory> histories = model.split(context.history());
        List<KeyVerdict> verdicts = Linearizability.check(histories, budget);
        ObjectNode details = Json.object();
        details.put("model", model.keyed() ? "kv" : "cas-register");
        details.put("failed-cas", model.failedCas().label());
        ObjectNode keys = details.putObject("keys");
        String reason = null;
        String unknown = null;
        for (KeyVerdict verdict : verdicts) {
            KeyHistory history = verdict.history();
            ObjectNode key = keys.putObject(history.key());
            key.put("op-count", history.size());
            key.put("configurations", verdict.configurations());
            key.put("search-ms", Math.round(verdict.elapsedNanos() / 1e4) / 100.0);
            switch (verdict.status()) {
                case LINEARIZABLE:
                    key.put("valid?", true);
                    break;
                case UNKNOWN:
                    key.put("valid?", "unknown");
                    if (unknown == null) {
                        unknown = history.key();
                    }
                    break;
                default:
                    key.put("valid?", false);
                    describeFailure(verdict, key);
                    if (reason == null) {
                        reason = "key " + history.key() + " is not linearizable: no order of its operations explains "
                                + history.describeWithTime(verdict.stuck()) + " (the longest linearizable prefix has "
                                + verdict.prefix().length + " of " + history.size() + " operations; "
                                + verdict.unplaceable().length + " cannot be placed after it)";
                    }
                    break;
            }
        }
        if (reason != null) {
            return CheckResult.invalid(reason, details);
        }
        if (unknown != null) {
            return CheckResult.unknown(String.format(Locale.ROOT, "the search of key %s ran out of its budget "
                    + "(%d configurations, %d cache words, %d s)", unknown, budget.maxConfigurations(), budget.maxCacheWords(),
                    budget.maxTime().toSeconds()), details);
        }
        return CheckResult.valid(details);
    }

    private static void describeFailure(KeyVerdict verdict, ObjectNode key) {
        KeyHistory history = verdict.history();
        key.put("stuck-at", history.describeWithTime(verdict.stuck()));
        key.put("stuck-index", history.historyIndex(verdict.stuck()));
        ArrayNode prefix = key.putArray("linearized-prefix");
        JsonNode state = history.value(0);
        for (int op : verdict.prefix()) {
            state = history.after(op, state);
            prefix.addObject().put("index", history.historyIndex(op)).put("op", history.describe(op)).set("after", state);
        }
        ArrayNode unplaceable = key.putArray("unplaceable");
        for (int op : verdict.unplaceable()) {
            unplaceable.addObject().put("index", history.historyIndex(op)).put("op", history.describeWithTime(op));
        }
    }
}
