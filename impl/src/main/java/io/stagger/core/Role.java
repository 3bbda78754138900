package io.stagger.core;

/** The role of a server in the group (PROTOCOL.md §1; claims 7, 16, 22). */
public enum Role {
    MASTER,
    BACKUP,
    WAITING
}
