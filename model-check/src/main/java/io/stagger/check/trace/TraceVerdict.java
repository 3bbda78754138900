package io.stagger.check.trace;

/**
 * The answer of trace validation. {@code accepted}: the spec admits the whole trace. Otherwise {@code firstRejected}
 * is the 1-based index of the first event that no behaviour of the spec matches ({@code rejectedEvent}), and
 * {@code stateBefore} the spec's state just before it (TLC's text; times are microseconds since the trace's first event,
 * {@code originMicros}); {@code error} is set when TLC itself failed.
 */
public record TraceVerdict(boolean accepted, int events, int firstRejected, TraceEvent rejectedEvent,
                           long originMicros, String stateBefore, long distinctStates, long wallMillis, String error) {

    /** A report of a few lines. */
    public String report() {
        StringBuilder text = new StringBuilder();
        if (error != null) {
            text.append("trace validation: ERROR: ").append(error).append('\n');
        } else if (accepted) {
            text.append("trace validation: ACCEPTED: the spec admits all ").append(events).append(" events\n");
        } else {
            text.append("trace validation: REJECTED at event ").append(firstRejected).append(" of ").append(events)
                    .append(": the spec allows no step that matches\n  ").append(rejectedEvent.describe(originMicros))
                    .append("\n  state before it (servers by rank): ").append(stateBefore).append('\n');
        }
        text.append(String.format("  %,d distinct states, %.1f s%n", distinctStates, wallMillis / 1000.0));
        return text.toString();
    }
}
