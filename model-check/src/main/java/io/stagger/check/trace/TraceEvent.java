package io.stagger.check.trace;

import java.util.Map;

/**
 * One step of one server, as {@code io.stagger.trace.TraceRecorder} wrote it: the TLA+ action, the server's rank, the
 * message received (ranks, 0 for NONE) and the server's role, master and epoch after the step. {@code source} says
 * where it was read ({@code file:line}).
 */
public record TraceEvent(long time, String server, int rank, String action, String cause, int fromRank,
                         String type, int msgMaster, int msgRevoked, long msgEpoch, String role, int masterRank,
                         long epoch, Map<String, String> raw, String source) {

    /** The event in the fields of one JSON line (see {@link JsonLine}). */
    static TraceEvent of(Map<String, String> fields, String source) {
        boolean receive = "receive".equals(fields.get("cause"));
        return new TraceEvent(number(fields, "t", source), text(fields, "server", source),
                (int) number(fields, "rank", source), text(fields, "action", source), text(fields, "cause", source),
                receive ? (int) number(fields, "fromRank", source) : 0, receive ? text(fields, "type", source) : "",
                receive ? (int) number(fields, "msgMaster", source) : 0,
                receive ? (int) number(fields, "msgRevoked", source) : 0,
                receive ? number(fields, "msgEpoch", source) : 0, text(fields, "role", source),
                (int) number(fields, "masterRank", source), number(fields, "epoch", source), fields, source);
    }

    /**
     * Variant {@code roster}: the ranks the received declare or revoke reports alive, as a TLA+ set ({@code {}} when it
     * carries none, or in a trace written before the field existed).
     */
    String msgLiveSet() {
        String ranks = raw.getOrDefault("msgLive", "");
        return ranks.isEmpty() ? "{}" : "{" + ranks.replace(",", ", ") + "}";
    }

    /** The configuration field {@code name} (n, variants, P, T, B, D, A), as written. */
    String config(String name) {
        return text(raw, name, source);
    }

    /** The configuration field {@code name}, or {@code fallback} in a trace written before the field existed. */
    String configOr(String name, String fallback) {
        return raw.containsKey(name) ? config(name) : fallback;
    }

    /** A one-line description for reports, with the time since {@code originMicros} (the trace's first event). */
    public String describe(long originMicros) {
        String what = "receive".equals(cause)
                ? type + " from rank " + fromRank + " (master " + msgMaster
                        + (msgRevoked != 0 ? ", revoked " + msgRevoked : "") + ", epoch " + msgEpoch + ")"
                : "timer".equals(cause) ? raw.get("timer") + " timer" : cause;
        return server + " (rank " + rank + ") " + action + " on " + what + " at t=" + (time - originMicros) + "us -> " + role
                + " master " + masterRank + " epoch " + epoch + "  [" + source + "]";
    }

    private static String text(Map<String, String> fields, String name, String source) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException(source + ": the trace event has no '" + name + "'");
        }
        return value;
    }

    private static long number(Map<String, String> fields, String name, String source) {
        try {
            return Long.parseLong(text(fields, name, source));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": '" + name + "' is not a number: " + fields.get(name), e);
        }
    }
}
