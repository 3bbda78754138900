package io.stagger.sim;

import io.stagger.core.Action;
import io.stagger.core.Group;
import io.stagger.core.Message;
import io.stagger.core.Role;
import io.stagger.core.Server;
import java.util.ArrayList;
import java.util.List;

/**
 * The safety properties of PROTOCOL.md §6, checked on every step and every message sent: a MASTER recognises
 * itself, a {@code revoke(r, k)} has {@code rank(k) < rank(r)}, a MASTER yields only to a stronger rank (rule 6), an
 * epoch never decreases within one life of a server (a restart loses it by rule 9), and the core's own invariants.
 */
final class SafetyMonitor {
    /** Violations kept beyond the first are few: the first one is the story, the rest are its echoes. */
    private static final int MAX_KEPT = 10;

    private final Group group;
    private final List<String> violations = new ArrayList<>();

    SafetyMonitor(Group group) {
        this.group = group;
    }

    /** Checks a step of {@code server}, given its role and epoch before the step. */
    void afterStep(long nowMicros, Server server, Action action, Role roleBefore, long epochBefore) {
        if (server.role() == Role.MASTER && !server.self().equals(server.master())) {
            violate(nowMicros, server.self() + " is MASTER but recognises " + server.master());
        }
        if (action != Action.RESTART && action != Action.START && server.epoch() < epochBefore) {
            violate(nowMicros, server.self() + "'s epoch went down from " + epochBefore + " to " + server.epoch()
                    + " in " + action.specName());
        }
        if (roleBefore == Role.MASTER && server.role() == Role.BACKUP
                && group.rank(server.master()) > group.rank(server.self())) {
            violate(nowMicros, server.self() + " (rank " + server.rank() + ") yielded its mastership to the weaker "
                    + server.master() + " (rank " + group.rank(server.master()) + ") in " + action.specName());
        }
        if (!server.invariantsHold()) {
            violate(nowMicros, server.self() + " broke the core's state invariants in " + action.specName() + ": "
                    + server.snapshot());
        }
    }

    /** Checks a message that {@code from} sends. */
    void sent(long nowMicros, String from, Message message) {
        if (message instanceof Message.Revoke revoke) {
            if (!from.equals(revoke.master())) {
                violate(nowMicros, from + " sent a revoke in the name of " + revoke.master());
            } else if (group.rank(revoke.master()) >= group.rank(revoke.revoked())) {
                violate(nowMicros, from + " (rank " + group.rank(from) + ") revoked the stronger or equal "
                        + revoke.revoked() + " (rank " + group.rank(revoke.revoked()) + ")");
            }
        }
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    private void violate(long nowMicros, String what) {
        if (violations.size() < MAX_KEPT) {
            violations.add(Timeline.time(nowMicros) + ": " + what);
        }
    }
}
