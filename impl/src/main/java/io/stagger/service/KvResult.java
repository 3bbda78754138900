package io.stagger.service;

/** The outcome of a {@link ReplicatedOp}, or why the service could not serve it. */
public sealed interface KvResult permits KvResult.Ok, KvResult.Value, KvResult.NoSuchKey, KvResult.PreconditionFailed,
        KvResult.Unavailable, KvResult.Indefinite, KvResult.Fields, KvResult.Refused {

    /** A write or cas took effect. */
    Ok OK = new Ok();
    /** The key does not exist (Maelstrom error 20). */
    NoSuchKey NO_SUCH_KEY = new NoSuchKey();

    /** A write or cas took effect. */
    record Ok() implements KvResult {}

    /** A read's value, as JSON text. */
    record Value(String value) implements KvResult {}

    /** The key does not exist (Maelstrom error 20). */
    record NoSuchKey() implements KvResult {}

    /** A cas found another value (Maelstrom error 22). */
    record PreconditionFailed(String current) implements KvResult {}

    /** The operation certainly did not happen: no master, or it lost the mastership first (Maelstrom error 11). */
    record Unavailable(String why) implements KvResult {}

    /** The operation may or may not have happened: it was replicated but not acknowledged (Maelstrom error 0). */
    record Indefinite(String why) implements KvResult {}

    /** A conference operation's reply: its fields beside {@code type}. */
    record Fields(ConferenceReply reply) implements KvResult {}

    /**
     * An error answer with its Maelstrom {@code code}: a conference operation refused (a definite error, it had no
     * effect), or an error that a master answered to a forwarded request, relayed as it came.
     */
    record Refused(int code, String why) implements KvResult {}
}
