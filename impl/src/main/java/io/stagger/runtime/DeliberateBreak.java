package io.stagger.runtime;

/**
 * A deliberately broken node ({@code bin/stagger-node --break ...}), for the tests that show the harness's checkers
 * catch what they claim to catch (docs/CONFERENCE.md, "Broken variants"). Never for anything else.
 */
public enum DeliberateBreak {
    /** {@code doc_write} skips the access check. */
    ACCESS_CHECK,
    /** The master answers at once and sends its backups neither batches nor snapshots. */
    REPLICATION
}
