package io.stagger.service;

/**
 * The name server of claim 27, as the front door speaks to it: the harness's {@code lin-kv} service (a linearizable
 * register per key), where the serving master registers itself under {@link #KEY} by compare-and-set.
 */
public final class NameServer {
    /** The Maelstrom service that holds the registration. */
    public static final String SERVICE = "lin-kv";
    /** The key of the registration. */
    public static final String KEY = "stagger-master";
    /** Maelstrom's error code for a key that does not exist: the first registration creates it. */
    public static final int KEY_DOES_NOT_EXIST = 20;

    private NameServer() {}

    /**
     * What the name server holds under {@link #KEY}, as read: the registered {@code master} and its {@code ballot}
     * when the value has them (else null), why its ballot could not be read ({@code malformed}, else null), and the
     * value's text as the name server holds it ({@code text}, to compare-and-set from; null for a value this server
     * makes).
     */
    public record Value(String master, Ballot ballot, String malformed, String text) {

        /** The registration of {@code master} under {@code ballot}. */
        public static Value registration(String master, Ballot ballot) {
            return new Value(master, ballot, null, null);
        }
    }

    /** A request to the name server. */
    public sealed interface Call permits Read, Cas {}

    /** Read {@link #KEY}. */
    public record Read() implements Call {}

    /** Set {@link #KEY} to {@code to} if it holds {@code from}; {@code from = null}: create it if it does not exist. */
    public record Cas(Value from, Value to) implements Call {}

    /** The name server's answer. */
    public sealed interface Reply permits ReadOk, CasOk, Failed, Unexpected {}

    /** The value read ({@code null} if the answer held none). */
    public record ReadOk(Value value) implements Reply {}

    /** The compare-and-set took effect. */
    public record CasOk() implements Reply {}

    /** A Maelstrom error {@code code} (-1 if the error had none): the key is missing, or the value was another. */
    public record Failed(int code) implements Reply {}

    /** Another body type, not an answer the front door asked for. */
    public record Unexpected(String type) implements Reply {}
}
