package io.stagger.txn;

/** How a transaction completed: committed (ok), definitely aborted (fail), or indeterminate (info, or never). */
public enum TxnStatus { OK, FAIL, INFO }
