package io.stagger.sim;

import io.stagger.core.Message;

/** Counts of a simulated run: events, steps, messages by type, elections. */
public final class Counters {
    long eventsProcessed;
    long steps;
    long messagesSent;
    long messagesLost;
    long inquiriesSent;
    long declaresSent;
    long revokesSent;
    long electionsWon;
    long inquiryTimeouts;

    void count(Message message) {
        messagesSent++;
        if (message instanceof Message.Inquiry) {
            inquiriesSent++;
        } else if (message instanceof Message.Declare) {
            declaresSent++;
        } else if (message instanceof Message.Revoke) {
            revokesSent++;
        }
    }

    /** Events taken off the queue: faults, deliveries (lost or not), timers (stale or not). */
    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** Steps the servers took. */
    public long steps() {
        return steps;
    }

    /** Messages sent, of every type. */
    public long messagesSent() {
        return messagesSent;
    }

    /** Messages lost: to a partition, a loss window or a crashed receiver. */
    public long messagesLost() {
        return messagesLost;
    }

    /** {@code inquiry} messages sent. */
    public long inquiriesSent() {
        return inquiriesSent;
    }

    /** {@code declare} messages sent (rule 5 and, with {@code announce}, every re-declaration). */
    public long declaresSent() {
        return declaresSent;
    }

    /** {@code revoke} messages sent. */
    public long revokesSent() {
        return revokesSent;
    }

    /** ElectionTimeout steps: a server took the mastership and declared it. */
    public long electionsWon() {
        return electionsWon;
    }

    /** InquiryTimeout steps: a backup took its master for failed. */
    public long inquiryTimeouts() {
        return inquiryTimeouts;
    }

    @Override
    public String toString() {
        return "events=" + eventsProcessed + " steps=" + steps + " sent=" + messagesSent + " lost=" + messagesLost
                + " declares=" + declaresSent + " revokes=" + revokesSent + " elections=" + electionsWon
                + " inquiryTimeouts=" + inquiryTimeouts;
    }
}
