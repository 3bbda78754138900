package io.stagger.txn;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written histories for the tests. A transaction is written as micro-operations separated by ';':
 * {@code "append 1 5; r 2 [5 6]"} (list-append) or {@code "w 1 5; r 2 nil"} (rw-register). By default transactions
 * run one after another (each completes before the next begins); {@link #at} gives explicit times. Each
 * transaction's name is T and its position.
 */
final class HistoryBuilder {
    private final Workload workload;
    private final List<Txn> txns = new ArrayList<>();
    private long clock;

    HistoryBuilder(Workload workload) {
        this.workload = workload;
    }

    static HistoryBuilder listAppend() {
        return new HistoryBuilder(Workload.LIST_APPEND);
    }

    static HistoryBuilder rwRegister() {
        return new HistoryBuilder(Workload.RW_REGISTER);
    }

    /** A committed transaction on process {@code process}, after everything so far. */
    HistoryBuilder ok(int process, String mops) {
        return at(process, TxnStatus.OK, clock + 1, clock + 2, mops);
    }

    HistoryBuilder fail(int process, String mops) {
        return at(process, TxnStatus.FAIL, clock + 1, clock + 2, mops);
    }

    HistoryBuilder info(int process, String mops) {
        return at(process, TxnStatus.INFO, clock + 1, Long.MAX_VALUE, mops);
    }

    /** A transaction invoked at {@code start} and completed at {@code end} (times in nanoseconds). */
    HistoryBuilder at(int process, TxnStatus status, long start, long end, String mops) {
        int id = txns.size();
        List<Mop> parsed = parse(mops, status == TxnStatus.OK);
        long complete = status == TxnStatus.OK ? end : Long.MAX_VALUE;
        txns.add(new Txn(id, id, process, status, start, complete, parsed));
        clock = Math.max(clock, status == TxnStatus.OK ? end : start + 1);
        return this;
    }

    TxnHistory history() {
        return new TxnHistory(workload, txns);
    }

    private List<Mop> parse(String text, boolean known) {
        List<Mop> mops = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] words = part.trim().split("\\s+", 3);
            long key = Long.parseLong(words[1]);
            String value = words[2].trim();
            switch (words[0]) {
                case "append" -> mops.add(new Mop.Append(key, Long.parseLong(value)));
                case "w" -> mops.add(new Mop.Write(key, Long.parseLong(value)));
                case "r" -> mops.add(new Mop.Read(key, known ? readValues(value) : null));
                default -> throw new IllegalArgumentException(part);
            }
        }
        return mops;
    }

    private long[] readValues(String value) {
        if (value.equals("nil")) {
            return new long[0];
        }
        if (value.startsWith("[")) {
            String inner = value.substring(1, value.length() - 1).trim();
            return inner.isEmpty() ? new long[0]
                    : java.util.Arrays.stream(inner.split("\\s+")).mapToLong(Long::parseLong).toArray();
        }
        return new long[] {Long.parseLong(value)};
    }
}
