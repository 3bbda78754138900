package io.stagger.service;

import java.util.List;

/** The fields of a conference request's successful reply (docs/CONFERENCE.md), beside its {@code type}. */
public sealed interface ConferenceReply permits ConferenceReply.Joined, ConferenceReply.Done,
        ConferenceReply.Posted, ConferenceReply.Messages, ConferenceReply.Document, ConferenceReply.DocWritten,
        ConferenceReply.Floor, ConferenceReply.Released {

    /** {@code join}: the owner and the participants. */
    record Joined(String owner, List<String> members) implements ConferenceReply {
        public Joined {
            members = List.copyOf(members);
        }
    }

    /** {@code leave}, {@code grant}, {@code revoke_access}: no field. */
    record Done() implements ConferenceReply {}

    /** {@code post}: the post's position. */
    record Posted(long index) implements ConferenceReply {}

    /** {@code read}: posts from the position asked, and the position to read from next. */
    record Messages(List<Message> messages, long next) implements ConferenceReply {
        public Messages {
            messages = List.copyOf(messages);
        }
    }

    /** One post as {@code read} returns it. */
    record Message(String client, long seq, String text, long index) {}

    /** {@code doc_read}: the document and its version. */
    record Document(String text, long version) implements ConferenceReply {}

    /** {@code doc_write}: the document's new version. */
    record DocWritten(long version) implements ConferenceReply {}

    /** {@code floor_request}: whether the client holds the floor now, who does, and the floor's term. */
    record Floor(boolean granted, String holder, long term) implements ConferenceReply {}

    /** {@code floor_release}: whether the client held the floor and gave it up. */
    record Released(boolean released) implements ConferenceReply {}
}
