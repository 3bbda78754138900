package io.stagger.txn;

/**
 * The anomalies the checker names, as Elle and Adya name them. The cycles come in three forms: in the dependency
 * graph alone, needing a process-order edge (-process), or needing a real-time edge (-realtime).
 */
public enum AnomalyType {
    G0("G0", "a cycle of write-write edges (dirty write)"),
    G1C("G1c", "a cycle of write-write and write-read edges (circular information flow)"),
    G_SINGLE("G-single", "a cycle with exactly one read-write anti-dependency (read skew)"),
    G_NONADJACENT("G-nonadjacent", "a cycle whose read-write anti-dependencies are never adjacent"),
    G2_ITEM("G2-item", "a cycle with adjacent read-write anti-dependencies (write skew)"),
    G0_PROCESS("G0-process", "G0 with process order"),
    G1C_PROCESS("G1c-process", "G1c with process order"),
    G_SINGLE_PROCESS("G-single-process", "G-single with process order"),
    G_NONADJACENT_PROCESS("G-nonadjacent-process", "G-nonadjacent with process order"),
    G2_ITEM_PROCESS("G2-item-process", "G2-item with process order"),
    G0_REALTIME("G0-realtime", "G0 with real-time order"),
    G1C_REALTIME("G1c-realtime", "G1c with real-time order"),
    G_SINGLE_REALTIME("G-single-realtime", "G-single with real-time order"),
    G_NONADJACENT_REALTIME("G-nonadjacent-realtime", "G-nonadjacent with real-time order"),
    G2_ITEM_REALTIME("G2-item-realtime", "G2-item with real-time order"),
    G1A("G1a", "a read of a value written by an aborted transaction (aborted read)"),
    G1B("G1b", "a read of a value its writer later overwrote in the same transaction (intermediate read)"),
    INTERNAL("internal", "a read that disagrees with its own transaction's earlier reads and writes"),
    INCOMPATIBLE_ORDER("incompatible-order", "two reads of a key neither of which is a prefix of the other"),
    DUPLICATE_ELEMENTS("duplicate-elements", "a list read holding one appended element twice"),
    GARBAGE_READ("garbage-read", "a read of a value no transaction wrote"),
    LOST_APPEND("lost-append",
            "an acknowledged append in no read of its key, though a read of the key began after it completed"),
    LOST_UPDATE("lost-update", "two committed transactions read one version of a key and both wrote the key");

    private final String text;
    private final String meaning;

    AnomalyType(String text, String meaning) {
        this.text = text;
        this.meaning = meaning;
    }

    public String text() {
        return text;
    }

    public String meaning() {
        return meaning;
    }

    public boolean isCycle() {
        return ordinal() <= G2_ITEM_REALTIME.ordinal();
    }

    /** The cycle anomaly of a base class (G0 … G2-item) in a form: 0 data only, 1 process, 2 realtime. */
    static AnomalyType cycle(AnomalyType base, int form) {
        assert base.ordinal() <= G2_ITEM.ordinal();
        return values()[base.ordinal() + 5 * form];
    }

    public static AnomalyType parse(String text) {
        for (AnomalyType type : values()) {
            if (type.text.equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown anomaly '" + text + "'");
    }
}
