package io.stagger.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** The members of the group and their ranks, the same on every server: fixed at init. */
public final class Group {
    private final List<String> ids;
    private final Map<String, Integer> rankById;
    private final List<String> idsByRank;

    private Group(List<String> ids, Map<String, Integer> rankById, List<String> idsByRank) {
        this.ids = ids;
        this.rankById = rankById;
        this.idsByRank = idsByRank;
    }

    /** The group of {@code nodeIds} (Maelstrom {@code init} order) ranked by {@code rule}. */
    public static Group of(List<String> nodeIds, RankRule rule) {
        if (nodeIds == null || nodeIds.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one member");
        }
        if (new HashSet<>(nodeIds).size() != nodeIds.size()) {
            throw new IllegalArgumentException("node ids must be distinct: " + nodeIds);
        }
        List<String> ordered = new ArrayList<>(nodeIds);
        if (rule instanceof RankRule.ByCapability byCapability) {
            for (String id : nodeIds) {
                if (!byCapability.capability().containsKey(id)) {
                    throw new IllegalArgumentException("no capability given for member " + id);
                }
            }
            ordered.sort(Comparator.<String>comparingLong(id -> -byCapability.capability().get(id))
                    .thenComparing(Comparator.naturalOrder()));
        }
        Map<String, Integer> rankById = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            rankById.put(ordered.get(i), i + 1);
        }
        return new Group(List.copyOf(nodeIds), Map.copyOf(rankById), Collections.unmodifiableList(ordered));
    }

    /** The members in {@code node_ids} order. */
    public List<String> ids() {
        return ids;
    }

    /** The members, strongest (rank 1) first. */
    public List<String> idsByRank() {
        return idsByRank;
    }

    /** The number of members. */
    public int size() {
        return ids.size();
    }

    /** Whether {@code id} is a member. */
    public boolean contains(String id) {
        return id != null && rankById.containsKey(id);
    }

    /** The rank of member {@code id}: 1 is the strongest. */
    public int rank(String id) {
        Integer rank = rankById.get(id);
        if (rank == null) {
            throw new IllegalArgumentException("not a member of the group: " + id);
        }
        return rank;
    }

    /** The member of rank 1: the initial master (rule 8). */
    public String strongest() {
        return idsByRank.get(0);
    }

    @Override
    public String toString() {
        return "Group" + idsByRank;
    }
}
