package io.stagger.check;

import com.fasterxml.jackson.databind.node.NullNode;
import io.stagger.history.History;
import io.stagger.history.Op;

/** Client operations written by hand, as the invocation/completion pairs that Stats and Availability read. */
final class TestPairs {
    private TestPairs() {}

    /** An f invoked at fromMs that completed as outcome at toMs; outcome null: it never completed. */
    static History.Pair pair(String f, Op.Type outcome, long fromMs, long toMs) {
        Op invoke = new Op(0, 0, Op.Type.INVOKE, f, NullNode.instance, fromMs * 1_000_000, "n1", null, false);
        Op complete = outcome == null ? null
                : new Op(1, 0, outcome, f, NullNode.instance, toMs * 1_000_000, "n1", null, false);
        return new History.Pair(invoke, complete);
    }
}
