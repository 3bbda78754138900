package io.stagger.core;

import java.util.List;

/**
 * The protocol messages between servers (PROTOCOL.md §3), as immutable records. {@code null} stands for NONE
 * wherever a master may be absent.
 */
public sealed interface Message permits Message.Inquiry, Message.InquiryOk, Message.Declare, Message.Revoke,
        Message.Suspect {

    /** The Maelstrom body {@code type} of this message. */
    String type();

    /** "Are you functional?", from a BACKUP to its master (claim 4). */
    record Inquiry() implements Message {
        /** The one instance: an inquiry carries nothing. */
        public static final Inquiry INSTANCE = new Inquiry();

        @Override
        public String type() {
            return "inquiry";
        }
    }

    /** The reply to an inquiry; {@code master} is whom the replier recognises (claim 4). */
    record InquiryOk(String master, long epoch) implements Message {
        @Override
        public String type() {
            return "inquiry_ok";
        }
    }

    /**
     * The "first message": the sender has taken the mastership (claim 8). With variant {@code roster}, {@code live}
     * names the members the sender heard from lately, in rank order; {@code null} when it carries none.
     */
    record Declare(String master, long epoch, List<String> live) implements Message {
        /** Keeps an immutable copy of the roster. */
        public Declare {
            live = live == null ? null : List.copyOf(live);
        }

        /** A declaration without a roster. */
        public Declare(String master, long epoch) {
            this(master, epoch, null);
        }

        @Override
        public String type() {
            return "declare";
        }

        /** As a record's, without {@code live} when it carries none. */
        @Override
        public String toString() {
            return "Declare[master=" + master + ", epoch=" + epoch + (live == null ? "" : ", live=" + live) + "]";
        }
    }

    /**
     * The "second message": revoke {@code revoked}'s mastership and recognise {@code master}, the sender (claim 23);
     * {@code live} as in {@link Declare}.
     */
    record Revoke(String revoked, String master, long epoch, List<String> live) implements Message {
        /** Keeps an immutable copy of the roster. */
        public Revoke {
            live = live == null ? null : List.copyOf(live);
        }

        /** A revocation without a roster. */
        public Revoke(String revoked, String master, long epoch) {
            this(revoked, master, epoch, null);
        }

        @Override
        public String type() {
            return "revoke";
        }

        /** As a record's, without {@code live} when it carries none. */
        @Override
        public String toString() {
            return "Revoke[revoked=" + revoked + ", master=" + master + ", epoch=" + epoch
                    + (live == null ? "" : ", live=" + live) + "]";
        }
    }

    /**
     * Variant {@code prompt}: "my inquiry of {@code failed}, the master of {@code epoch}, timed out", from a backup that
     * detected the failure to the candidates stronger than itself.
     */
    record Suspect(String failed, long epoch) implements Message {
        @Override
        public String type() {
            return "suspect";
        }
    }
}
