package io.stagger.txn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who wrote each value of each key: committed and indeterminate writers in one index, aborted ones in another.
 * Values written to a key must be unique (the workloads' generators make them so); a repeat is bad input. Each
 * entry also says whether the write was its transaction's last to that key (a later one makes it intermediate).
 */
final class Writers {
    /** value → writer id * 2 + (1 if the writer's last write to the key). */
    private final Map<Long, Map<Long, Integer>> written = new HashMap<>();
    private final Map<Long, Map<Long, Integer>> aborted = new HashMap<>();

    Writers(List<Txn> txns) {
        for (Txn txn : txns) {
            List<Mop> mops = txn.mops();
            for (int i = 0; i < mops.size(); i++) {
                Mop mop = mops.get(i);
                long value;
                if (mop instanceof Mop.Append append) {
                    value = append.value();
                } else if (mop instanceof Mop.Write write) {
                    value = write.value();
                } else {
                    continue;
                }
                boolean last = true;
                for (int j = i + 1; j < mops.size() && last; j++) {
                    last = !(mops.get(j).key() == mop.key() && !(mops.get(j) instanceof Mop.Read));
                }
                Map<Long, Integer> index = (txn.mayHaveCommitted() ? written : aborted)
                        .computeIfAbsent(mop.key(), k -> new HashMap<>());
                Integer previous = index.put(value, txn.id() * 2 + (last ? 1 : 0));
                Integer other = (txn.mayHaveCommitted() ? aborted : written).getOrDefault(mop.key(), Map.of()).get(value);
                if (previous != null || other != null) {
                    Txn first = txns.get((previous != null ? previous : other) >> 1);
                    throw new BadHistoryException("value " + value + " written to key " + mop.key() + " twice (by "
                            + first.name() + " and " + txn.name() + "): values written to a key must be unique");
                }
            }
        }
    }

    /** The committed or indeterminate writer of a value, or -1. */
    int writer(long key, long value) {
        Integer entry = written.getOrDefault(key, Map.of()).get(value);
        return entry == null ? -1 : entry >> 1;
    }

    /** Whether the value was its writer's last write to the key (only for a value {@link #writer} knows). */
    boolean lastOfWriter(long key, long value) {
        return (written.get(key).get(value) & 1) == 1;
    }

    /** The aborted writer of a value, or -1. */
    int abortedWriter(long key, long value) {
        Integer entry = aborted.getOrDefault(key, Map.of()).get(value);
        return entry == null ? -1 : entry >> 1;
    }

    /** The committed or indeterminate writes of a key, value → writer id * 2 + last bit. */
    Map<Long, Integer> of(long key) {
        return written.getOrDefault(key, Map.of());
    }

    Iterable<Long> keys() {
        return written.keySet();
    }
}
