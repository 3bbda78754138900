package io.stagger.txn;

import java.util.List;

/** The transactions of one run, in invocation order, with the data model their micro-operations follow. */
public record TxnHistory(Workload workload, List<Txn> txns) {
    public TxnHistory {
        txns = List.copyOf(txns);
        for (int i = 0; i < txns.size(); i++) {
            if (txns.get(i).id() != i) {
                throw new IllegalArgumentException("transaction ids must be their positions: " + txns.get(i).name()
                        + " at " + i + " has id " + txns.get(i).id());
            }
        }
    }
}
