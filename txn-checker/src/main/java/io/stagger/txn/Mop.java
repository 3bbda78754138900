package io.stagger.txn;

import java.util.Arrays;

/** One micro-operation of a transaction: a read, a list append or a register write of an integer key. */
public sealed interface Mop {
    long key();

    /** {@code ["append", k, v]}: appends v to the list at k. */
    record Append(long key, long value) implements Mop {
        @Override
        public String toString() {
            return "[append " + key + " " + value + "]";
        }
    }

    /** {@code ["w", k, v]}: sets the register at k to v. */
    record Write(long key, long value) implements Mop {
        @Override
        public String toString() {
            return "[w " + key + " " + value + "]";
        }
    }

    /**
     * {@code ["r", k, v]}. {@code values} is what was read: the list (list-append); no element for the initial nil
     * and one for a value (rw-register); null when not known (an invocation, or an indeterminate or failed
     * transaction).
     */
    record Read(long key, long[] values) implements Mop {
        public boolean known() {
            return values != null;
        }

        /** The last element read (rw-register: the value read); only when something was read. */
        public long last() {
            return values[values.length - 1];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Read read && read.key == key && Arrays.equals(read.values, values);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(key) * 31 + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return text(Workload.LIST_APPEND);
        }

        /** {@code [r k [1 2]]} for list-append, {@code [r k 2]} or {@code [r k nil]} for rw-register. */
        public String text(Workload workload) {
            String value = values == null ? "?"
                    : workload == Workload.LIST_APPEND ? Values.listText(values) : Values.registerText(values);
            return "[r " + key + " " + value + "]";
        }
    }
}
