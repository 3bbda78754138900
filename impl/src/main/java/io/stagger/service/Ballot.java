package io.stagger.service;

/**
 * The number of one attempt by a MASTER to lead the replicated service: unique (the round, the server's id, and the
 * incarnation of that server, which a restart changes) and totally ordered. Epochs of the election are not enough:
 * two masters can declare the same epoch at once, and a restarted server starts again from epoch 0.
 */
public record Ballot(long round, String id, long incarnation) implements Comparable<Ballot> {
    /** Below every ballot that a server can take. */
    public static final Ballot ZERO = new Ballot(0, "", 0);

    @Override
    public int compareTo(Ballot other) {
        int byRound = Long.compare(round, other.round);
        if (byRound != 0) {
            return byRound;
        }
        int byId = id.compareTo(other.id);
        return byId != 0 ? byId : Long.compare(incarnation, other.incarnation);
    }

    /** Whether this ballot is strictly above {@code other}. */
    public boolean above(Ballot other) {
        return compareTo(other) > 0;
    }

    /** The higher of two ballots. */
    public static Ballot max(Ballot a, Ballot b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "(" + round + "," + id + "," + incarnation + ")";
    }
}
