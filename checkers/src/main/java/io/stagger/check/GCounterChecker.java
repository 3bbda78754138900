package io.stagger.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;

/** Maelstrom's g-counter checker: every final read lies between the sum of acknowledged adds and the sum of
 * adds that may have happened (acknowledged or indeterminate). */
public final class GCounterChecker implements Checker {
    @Override
    public CheckResult check(CheckContext context) {
        long lower = 0;
        long upper = 0;
        for (History.Pair pair : History.pairs(context.history())) {
            if (pair.invoke().f().equals("add") && !pair.failed()) {
                upper += pair.invoke().value().asLong();
                if (pair.ok()) {
                    lower += pair.invoke().value().asLong();
                }
            }
        }
        ObjectNode details = Json.object().put("lower-bound", lower).put("upper-bound", upper);
        ObjectNode reads = details.putObject("final-reads");
        String wrong = null;
        for (History.Pair pair : History.pairs(context.history())) {
            if (pair.invoke().isFinal() && pair.ok()) {
                long value = pair.complete().value().asLong();
                reads.put(pair.invoke().node(), value);
                if ((value < lower || value > upper) && wrong == null) {
                    wrong = pair.invoke().node() + " read " + value + ", outside the acceptable range [" + lower + ", "
                            + upper + "]";
                }
            }
        }
        if (wrong != null) {
            return CheckResult.invalid(wrong, details);
        }
        if (reads.isEmpty()) {
            return CheckResult.invalid("no final read succeeded", details);
        }
        return CheckResult.valid(details);
    }
}
