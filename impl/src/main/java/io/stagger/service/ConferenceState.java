package io.stagger.service;

import java.util.ArrayList;
import java.util.List;

/**
 * What the replicated state holds of one conference (docs/CONFERENCE.md): its owner, participants, who may write the
 * document besides the owner, the floor's holder (or null) and its term, the shared document and its version, and
 * how many posts there are (each post is a {@link Post} under a key of its own).
 */
public record ConferenceState(String owner, List<String> members, List<String> access, String holder, long term,
                              String doc, long docVersion, long posts) {

    public ConferenceState {
        members = List.copyOf(members);
        access = List.copyOf(access);
    }

    /** A conference that {@code owner} has just opened: nobody in it yet, no document, no post. */
    public static ConferenceState openedBy(String owner) {
        return new ConferenceState(owner, List.of(), List.of(), null, 0, "", 0, 0);
    }

    public ConferenceState withMembers(List<String> newMembers) {
        return new ConferenceState(owner, newMembers, access, holder, term, doc, docVersion, posts);
    }

    public ConferenceState withAccess(List<String> newAccess) {
        return new ConferenceState(owner, members, newAccess, holder, term, doc, docVersion, posts);
    }

    public ConferenceState withFloor(String newHolder, long newTerm) {
        return new ConferenceState(owner, members, access, newHolder, newTerm, doc, docVersion, posts);
    }

    public ConferenceState withDoc(String newDoc, long newVersion) {
        return new ConferenceState(owner, members, access, holder, term, newDoc, newVersion, posts);
    }

    public ConferenceState withPosts(long count) {
        return new ConferenceState(owner, members, access, holder, term, doc, docVersion, count);
    }

    /** {@code names} with {@code name} added at the end, unless it is there already. */
    static List<String> with(List<String> names, String name) {
        if (names.contains(name)) {
            return names;
        }
        List<String> more = new ArrayList<>(names);
        more.add(name);
        return more;
    }

    /** {@code names} without {@code name}. */
    static List<String> without(List<String> names, String name) {
        List<String> fewer = new ArrayList<>(names);
        fewer.removeIf(name::equals);
        return fewer;
    }

    /** One post of a conference, at its position. */
    public record Post(String client, long seq, String text) {}

    /**
     * A client's session: the highest {@code seq} applied and its reply (a {@link KvResult.Fields} or a
     * {@link KvResult.Refused}), so that a retry is answered, not applied again.
     */
    public record Session(long seq, KvResult reply) {}
}
