package io.stagger.harness.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Maelstrom's error codes, and which of them are definite (the operation certainly did not happen). */
public final class Errors {
    public static final int TIMEOUT = 0;
    public static final int NODE_NOT_FOUND = 1;
    public static final int NOT_SUPPORTED = 10;
    public static final int TEMPORARILY_UNAVAILABLE = 11;
    public static final int MALFORMED_REQUEST = 12;
    public static final int CRASH = 13;
    public static final int ABORT = 14;
    public static final int KEY_DOES_NOT_EXIST = 20;
    public static final int KEY_ALREADY_EXISTS = 21;
    public static final int PRECONDITION_FAILED = 22;
    public static final int TXN_CONFLICT = 30;

    private static final Set<Integer> DEFINITE = Set.of(NODE_NOT_FOUND, NOT_SUPPORTED, TEMPORARILY_UNAVAILABLE,
            MALFORMED_REQUEST, ABORT, KEY_DOES_NOT_EXIST, KEY_ALREADY_EXISTS, PRECONDITION_FAILED, TXN_CONFLICT);

    private Errors() {}

    public static boolean definite(int code) {
        return DEFINITE.contains(code);
    }

    static void fill(ObjectNode reply, int code, String text) {
        reply.put("type", "error").put("code", code).put("text", text);
    }
}
