package io.stagger.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Internal consistency of one committed transaction: each read must agree with what the transaction itself read
 * and wrote before it. list-append: after a read, the next read of the key is that read plus the transaction's
 * appends since; before any read, a read must end with the transaction's appends so far (and an external read must
 * not show an append the transaction has yet to make). rw-register: a read after a read or a write of the key
 * returns that value.
 */
final class InternalCheck {
    private final Txn txn;
    private final List<Anomaly> anomalies;
    private final List<KeyState> states = new ArrayList<>(4);
    private boolean lists;

    /** What the transaction knows of one key so far. */
    private static final class KeyState {
        final long key;
        long[] known;
        long[] appendsSince = new long[0];

        KeyState(long key) {
            this.key = key;
        }
    }

    InternalCheck(Txn txn, List<Anomaly> anomalies) {
        this.txn = txn;
        this.anomalies = anomalies;
    }

    private KeyState state(long key) {
        for (KeyState state : states) {
            if (state.key == key) {
                return state;
            }
        }
        KeyState state = new KeyState(key);
        states.add(state);
        return state;
    }

    void listAppend() {
        lists = true;
        for (Mop mop : txn.mops()) {
            KeyState state = state(mop.key());
            if (mop instanceof Mop.Append append) {
                state.appendsSince = Arrays.copyOf(state.appendsSince, state.appendsSince.length + 1);
                state.appendsSince[state.appendsSince.length - 1] = append.value();
            } else if (mop instanceof Mop.Read read) {
                long[] values = read.values();
                if (state.known != null) {
                    long[] expected = concat(state.known, state.appendsSince);
                    if (!Arrays.equals(values, expected)) {
                        report(read, "its earlier read and appends imply " + Values.listText(expected));
                    }
                } else if (state.appendsSince.length > 0) {
                    int offset = values.length - state.appendsSince.length;
                    if (offset < 0 || !Arrays.equals(values, offset, values.length, state.appendsSince, 0,
                            state.appendsSince.length)) {
                        report(read, "it must end with its own appends " + Values.listText(state.appendsSince));
                    }
                } else {
                    long future = futureElement(read);
                    if (future != Long.MIN_VALUE) {
                        report(read, "it shows " + future + ", which the transaction appends only later");
                    }
                }
                state.known = values;
                state.appendsSince = new long[0];
            }
        }
    }

    /** An element of an external read that the transaction itself appends later, or Long.MIN_VALUE. */
    private long futureElement(Mop.Read read) {
        for (Mop mop : txn.mops()) {
            if (mop instanceof Mop.Append append && append.key() == read.key()) {
                for (long element : read.values()) {
                    if (element == append.value()) {
                        return element;
                    }
                }
            }
        }
        return Long.MIN_VALUE;
    }

    void rwRegister() {
        for (Mop mop : txn.mops()) {
            KeyState state = state(mop.key());
            if (mop instanceof Mop.Write write) {
                state.known = new long[] {write.value()};
            } else if (mop instanceof Mop.Read read) {
                if (state.known != null && !Arrays.equals(read.values(), state.known)) {
                    report(read, "its earlier read or write of the key gives " + Values.registerText(state.known));
                }
                state.known = read.values();
            }
        }
    }

    private void report(Mop.Read read, String why) {
        String value = lists ? Values.listText(read.values()) : Values.registerText(read.values());
        anomalies.add(Anomaly.of(AnomalyType.INTERNAL,
                txn.name() + " read key " + read.key() + " = " + value + ", but " + why, txn));
    }

    private static long[] concat(long[] first, long[] second) {
        long[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
