package io.stagger.txn;

/** The kinds of edge of the dependency graph (Adya's ww, wr, rw) and the order edges of session and strict models. */
public enum EdgeType {
    /** T1 installed a version of a key and T2 the next one. */
    WW,
    /** T2 read the version T1 installed. */
    WR,
    /** T1 read a version and T2 installed the next one (anti-dependency). */
    RW,
    /** T1 and T2 ran on one process, T1 first. */
    PROCESS,
    /** T1 completed before T2 was invoked. */
    REALTIME;

    static final EdgeType[] ALL = values();
    static final int DATA = mask(WW, WR, RW);

    int bit() {
        return 1 << ordinal();
    }

    static int mask(EdgeType... types) {
        int mask = 0;
        for (EdgeType type : types) {
            mask |= type.bit();
        }
        return mask;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
