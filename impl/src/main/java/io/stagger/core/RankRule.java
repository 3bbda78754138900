package io.stagger.core;

import java.util.Map;

/** How ranks are assigned (PROTOCOL.md §1): by position in {@code node_ids}, or by capability (claims 20-21). */
public sealed interface RankRule permits RankRule.ByPosition, RankRule.ByCapability {

    /** Rank = 1-based position in {@code node_ids}: the default. */
    record ByPosition() implements RankRule {}

    /**
     * A higher capability (computational power or bandwidth) gives a lower, stronger rank; ties by id, lower id
     * first. Every member must have a capability.
     */
    record ByCapability(Map<String, Long> capability) implements RankRule {
        public ByCapability {
            capability = Map.copyOf(capability);
        }
    }
}
