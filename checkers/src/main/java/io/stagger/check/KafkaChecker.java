package io.stagger.check;

/**
 * Maelstrom's kafka checker (Jepsen's jepsen.tests.kafka, for single sends and polls), from the history alone. Each
 * key's log is every [offset, msg] that an acknowledged send or a poll showed; offsets may be sparse, and the
 * version order indexes the offsets seen. Anomalies, each with the operations that show it:
 * <ul>
 * <li>inconsistent-offsets: two messages at one offset; duplicate: one message at two offsets;
 * <li>lost-write: an acknowledged message never polled, though a poll showed a message at a later offset of its key;
 * <li>unobserved: an acknowledged message no poll showed, not even the final polls of every key from the beginning;
 * <li>int-poll-nonmonotonic / int-poll-skip: within one poll of a key, offsets that do not go up, or that jump over
 * offsets known to exist; ext-poll-nonmonotonic / ext-poll-skip: the same between a process's successive polls of a
 * key (an assign of a key from the beginning starts afresh, as Jepsen's crashed client does);
 * <li>send-nonmonotonic: a process's successive sends to a key whose offsets do not go up (internal send anomalies
 * need several sends in one operation, which Maelstrom's kafka does not make);
 * <li>committed-offset-backwards: list_committed_offsets answering less, for a key, than a commit_offsets
 * acknowledged, or a list answered, before it began.
 * </ul>
 */
public final class KafkaChecker implements Checker {
    /** Examples listed per anomaly. */
    public static final int MAX_LISTED = 20;

    @Override
    public CheckResult check(CheckContext context) {
        return new KafkaAnalysis().check(context);
    }
}
