package io.stagger.txn;

import java.util.EnumSet;
import java.util.Set;

/**
 * The consistency models Maelstrom's transactional workloads check, each with the anomalies it forbids, as in
 * Elle's consistency-model table (after Adya; snapshot isolation also forbids G-nonadjacent, after Cerone and
 * Gotsman). Each model forbids everything its weaker neighbour does. Lost appends are a real-time claim: an
 * acknowledged append that a later read misses; only the strict model forbids them.
 */
public enum ConsistencyModel {
    READ_UNCOMMITTED("read-uncommitted", null, EnumSet.of(AnomalyType.G0, AnomalyType.DUPLICATE_ELEMENTS)),
    READ_COMMITTED("read-committed", READ_UNCOMMITTED, EnumSet.of(AnomalyType.G1A, AnomalyType.G1B, AnomalyType.G1C,
            AnomalyType.INCOMPATIBLE_ORDER, AnomalyType.GARBAGE_READ)),
    SNAPSHOT_ISOLATION("snapshot-isolation", READ_COMMITTED, EnumSet.of(AnomalyType.INTERNAL, AnomalyType.G_SINGLE,
            AnomalyType.G_NONADJACENT, AnomalyType.LOST_UPDATE)),
    SERIALIZABLE("serializable", SNAPSHOT_ISOLATION, EnumSet.of(AnomalyType.G2_ITEM)),
    STRICT_SERIALIZABLE("strict-serializable", SERIALIZABLE, orderCyclesAnd(AnomalyType.LOST_APPEND));

    private final String text;
    private final Set<AnomalyType> forbidden;

    ConsistencyModel(String text, ConsistencyModel weaker, Set<AnomalyType> forbiddenHere) {
        this.text = text;
        EnumSet<AnomalyType> all = EnumSet.copyOf(forbiddenHere);
        if (weaker != null) {
            all.addAll(weaker.forbidden);
        }
        this.forbidden = all;
    }

    private static Set<AnomalyType> orderCyclesAnd(AnomalyType other) {
        EnumSet<AnomalyType> types = EnumSet.range(AnomalyType.G0_PROCESS, AnomalyType.G2_ITEM_REALTIME);
        types.add(other);
        return types;
    }

    public String text() {
        return text;
    }

    public boolean forbids(AnomalyType type) {
        return forbidden.contains(type);
    }

    public Set<AnomalyType> forbidden() {
        return EnumSet.copyOf(forbidden);
    }

    public static ConsistencyModel parse(String text) {
        for (ConsistencyModel model : values()) {
            if (model.text.equals(text)) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown consistency model '" + text
                + "' (read-uncommitted, read-committed, snapshot-isolation, serializable, strict-serializable)");
    }
}
