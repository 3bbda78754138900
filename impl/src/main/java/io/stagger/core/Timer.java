package io.stagger.core;

/** The timers a server arms (PROTOCOL.md §2); the driver fires them back as {@link Event.TimerFired}. */
public enum Timer {
    /** A BACKUP's period {@code P} between inquiries (claims 24, 25). */
    DETECTION,
    /** A BACKUP's time-out {@code T} for the reply to its inquiry (claims 4, 5). */
    INQUIRY,
    /** A WAITING server's election delay {@code E(i)} (claims 3, 7, 9-13). */
    ELECTION,
    /** A MASTER's period {@code P} between re-declarations, variant {@code announce} only. */
    ANNOUNCE
}
