package io.stagger.maelstrom;

import java.util.Optional;

/**
 * Maelstrom's error codes (its doc/protocol.md, "Errors"). A definite error says the operation did not happen and
 * never will; an indefinite one says it may have. A code not listed here is a custom code, and always indefinite.
 */
public enum ErrorCode {
    /** The operation could not be completed within a time-out (it may still happen). */
    TIMEOUT(0, false),
    /** The request went to a node that does not exist. */
    NODE_NOT_FOUND(1, true),
    /** The node does not support this request. */
    NOT_SUPPORTED(10, true),
    /** The operation cannot be performed now (not initialised, read-only, peers down...). */
    TEMPORARILY_UNAVAILABLE(11, true),
    /** The request did not conform to the node's expectations and could not have been processed. */
    MALFORMED_REQUEST(12, true),
    /** A general error that may or may not have let the operation happen. */
    CRASH(13, false),
    /** A general error after which the operation has certainly not happened. */
    ABORT(14, true),
    /** The key does not exist. */
    KEY_DOES_NOT_EXIST(20, true),
    /** The key already exists and the node will not overwrite it. */
    KEY_ALREADY_EXISTS(21, true),
    /** A precondition (a compare-and-set's expected value) did not hold. */
    PRECONDITION_FAILED(22, true),
    /** A transaction was aborted because of a conflict with another. */
    TXN_CONFLICT(30, true);

    private final int code;
    private final boolean definite;

    ErrorCode(int code, boolean definite) {
        this.code = code;
        this.definite = definite;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** Whether this error means the operation certainly did not take place. */
    public boolean definite() {
        return definite;
    }

    /** The known error with this number, or empty for a custom code. */
    public static Optional<ErrorCode> of(int code) {
        for (ErrorCode known : values()) {
            if (known.code == code) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /** Whether code {@code code} is definite: a known definite code; custom codes never are. */
    public static boolean isDefinite(int code) {
        return of(code).map(ErrorCode::definite).orElse(false);
    }
}
