package io.stagger.json;

/** The Maelstrom error codes this product answers with (Maelstrom's doc/protocol.md). */
public final class ErrorCode {
    /** The operation did not complete in time. */
    public static final int TIMEOUT = 0;
    /** The node does not support this request type. */
    public static final int NOT_SUPPORTED = 10;
    /** The node cannot serve this request now (not initialised, no master known). */
    public static final int TEMPORARILY_UNAVAILABLE = 11;
    /** The request is malformed: missing or mistyped field. */
    public static final int MALFORMED_REQUEST = 12;
    /** The node crashed handling the request. */
    public static final int CRASH = 13;
    /** The key does not exist. */
    public static final int KEY_DOES_NOT_EXIST = 20;
    /** A precondition (a cas's expected value) failed. */
    public static final int PRECONDITION_FAILED = 22;

    private ErrorCode() {}
}
