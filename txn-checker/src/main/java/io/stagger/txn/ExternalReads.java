package io.stagger.txn;

import java.util.List;

/** A transaction's external reads: its first read of each key, before it wrote or appended to that key. */
final class ExternalReads {
    private ExternalReads() {}

    static boolean isExternal(List<Mop> mops, int index) {
        long key = mops.get(index).key();
        for (int i = 0; i < index; i++) {
            if (mops.get(i).key() == key) {
                return false;
            }
        }
        return mops.get(index) instanceof Mop.Read;
    }
}
