package io.stagger.bench;

import io.stagger.txn.Mop;
import io.stagger.txn.Txn;
import io.stagger.txn.TxnHistory;
import io.stagger.txn.TxnStatus;
import io.stagger.txn.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generated transactional histories, shaped like Maelstrom's generator: 10 processes, 10 active keys, each retired
 * after 16 writes for a fresh one, 1 to 4 micro-operations per transaction (half reads, half writes). A serial
 * database applies transaction i at time 1000 i µs, inside its invocation/completion window, and the windows of
 * concurrent transactions overlap, so the history is strict-serializable until {@link #inject} adds a G-single and
 * a G1c on keys of their own.
 */
final class TxnHistories {
    static final int PROCESSES = 10;
    static final int ACTIVE_KEYS = 10;
    static final int MAX_WRITES_PER_KEY = 16;
    static final int MAX_TXN_LENGTH = 4;
    /** The keys of the injected anomalies, below every generated key. */
    static final long SINGLE_X = -1;
    static final long SINGLE_Y = -2;
    static final long G1C_X = -3;
    static final long G1C_Y = -4;

    private TxnHistories() {}

    /** A strict-serializable history of {@code count} transactions (the injected ones not counted). */
    static TxnHistory generate(Workload workload, int count, long seed, boolean inject) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Long, long[]> state = new HashMap<>();
        Map<Long, Integer> writes = new HashMap<>();
        long[] active = new long[ACTIVE_KEYS];
        for (int k = 0; k < ACTIVE_KEYS; k++) {
            active[k] = k;
        }
        long nextKey = ACTIVE_KEYS;
        List<Txn> txns = new ArrayList<>(count + 5);
        for (int i = 0; i < count; i++) {
            if (inject && i == count / 2) {
                inject(workload, txns);
            }
            int length = 1 + random.nextInt(MAX_TXN_LENGTH);
            List<Mop> mops = new ArrayList<>(length);
            for (int m = 0; m < length; m++) {
                int slot = random.nextInt(ACTIVE_KEYS);
                long key = active[slot];
                long[] current = state.getOrDefault(key, new long[0]);
                if (random.nextBoolean()) {
                    long[] read = workload == Workload.LIST_APPEND || current.length == 0
                            ? current : new long[] {current[current.length - 1]};
                    mops.add(new Mop.Read(key, read));
                } else {
                    int written = writes.merge(key, 1, Integer::sum);
                    long value = written;
                    mops.add(workload == Workload.LIST_APPEND ? new Mop.Append(key, value) : new Mop.Write(key, value));
                    long[] next = Arrays.copyOf(current, current.length + 1);
                    next[current.length] = value;
                    state.put(key, next);
                    if (written == MAX_WRITES_PER_KEY) {
                        active[slot] = nextKey++;
                    }
                }
            }
            add(txns, mops, random);
        }
        return new TxnHistory(workload, txns);
    }

    /** Read skew (G-single) on two keys and circular information flow (G1c) on two more. */
    private static void inject(Workload workload, List<Txn> txns) {
        SplittableRandom random = new SplittableRandom(txns.size());
        boolean lists = workload == Workload.LIST_APPEND;
        add(txns, List.of(write(lists, SINGLE_X, 1), write(lists, SINGLE_Y, 1)), random);
        add(txns, List.of(new Mop.Read(SINGLE_X, new long[0]), new Mop.Read(SINGLE_Y, new long[] {1})), random);
        add(txns, List.of(new Mop.Read(SINGLE_X, new long[] {1})), random);
        add(txns, List.of(write(lists, G1C_X, 1), new Mop.Read(G1C_Y, new long[] {1})), random);
        add(txns, List.of(write(lists, G1C_Y, 1), new Mop.Read(G1C_X, new long[] {1})), random);
    }

    private static Mop write(boolean lists, long key, long value) {
        return lists ? new Mop.Append(key, value) : new Mop.Write(key, value);
    }

    /** Appends transaction i, applied at 1000 i µs, on process i mod 10, inside a window of up to ±3 ms. */
    private static void add(List<Txn> txns, List<Mop> mops, SplittableRandom random) {
        int id = txns.size();
        long appliedNanos = id * 1_000_000L;
        long invoke = appliedNanos - random.nextLong(3_000_000L);
        long complete = appliedNanos + random.nextLong(3_000_000L);
        txns.add(new Txn(id, id, id % PROCESSES, TxnStatus.OK, invoke, complete, mops));
    }
}
