package io.stagger.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.History;
import io.stagger.history.Json;

/** Maelstrom's echo checker: every echo_ok carries the text its request sent. */
public final class EchoChecker implements Checker {
    @Override
    public CheckResult check(CheckContext context) {
        int ok = 0;
        int mismatched = 0;
        String firstMismatch = null;
        for (History.Pair pair : History.pairs(context.history())) {
            if (pair.ok()) {
                ok++;
                if (!pair.invoke().value().equals(pair.complete().value())) {
                    mismatched++;
                    if (firstMismatch == null) {
                        firstMismatch = "sent " + pair.invoke().value() + " but got " + pair.complete().value();
                    }
                }
            }
        }
        ObjectNode details = Json.object().put("ok-count", ok).put("mismatched-count", mismatched);
        if (mismatched > 0) {
            return CheckResult.invalid(mismatched + " echo replies differ from their requests; first: " + firstMismatch,
                    details);
        }
        return CheckResult.valid(details);
    }
}
