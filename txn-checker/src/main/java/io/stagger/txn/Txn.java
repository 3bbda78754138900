package io.stagger.txn;

import java.util.List;

/**
 * One transaction of the history. {@code id} is its position among the history's transactions (the vertex of the
 * dependency graph); {@code index} the index of its completion in the history (of its invocation if it never
 * completed), by which explanations name it. Times are nanoseconds; an indeterminate transaction's completion time
 * is {@link Long#MAX_VALUE}, since it may take effect at any time after its invocation. The micro-operations are
 * the completion's for a committed transaction (reads filled in), the invocation's otherwise.
 */
public record Txn(int id, long index, int process, TxnStatus status, long invokeNanos, long completeNanos,
        List<Mop> mops) {
    public Txn {
        mops = List.copyOf(mops);
    }

    public boolean ok() {
        return status == TxnStatus.OK;
    }

    /** A vertex of the dependency graph: committed, or possibly committed. */
    public boolean mayHaveCommitted() {
        return status != TxnStatus.FAIL;
    }

    public String name() {
        return "T" + index;
    }

    @Override
    public String toString() {
        return text(Workload.LIST_APPEND);
    }

    /** {@code T12 (process 3, ok) [r 1 [1 2]][append 1 3]}, reads shown as the workload has them. */
    public String text(Workload workload) {
        return name() + " (process " + process + ", " + status.name().toLowerCase(java.util.Locale.ROOT) + ") "
                + mopsText(workload);
    }

    /** The micro-operations alone, {@code [r 1 [1 2]][append 1 3]}. */
    public String mopsText(Workload workload) {
        StringBuilder text = new StringBuilder();
        for (Mop mop : mops) {
            text.append(mop instanceof Mop.Read read ? read.text(workload) : mop.toString());
        }
        return text.toString();
    }
}
