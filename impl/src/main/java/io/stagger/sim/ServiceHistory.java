package io.stagger.sim;

import java.util.List;

/** What a service run produced: every client operation, in order of invocation, and every leader's answers in order. */
public record ServiceHistory(List<ClientOperation> operations, List<LeaderAnswer> answers) {

    public ServiceHistory {
        operations = List.copyOf(operations);
        answers = List.copyOf(answers);
    }

    /** How many operations the clients saw acknowledged. */
    public long acknowledged() {
        return operations.stream().filter(ClientOperation::acknowledged).count();
    }

    /** How many operations the service answered as certainly not done. */
    public long failed() {
        return operations.stream().filter(ClientOperation::failed).count();
    }

    /** How many operations may or may not have happened. */
    public long indeterminate() {
        return operations.stream().filter(ClientOperation::indeterminate).count();
    }

    /** How many distinct ballots acknowledged operations: a failover of the service between each two. */
    public long leadingBallots() {
        return answers.stream().map(LeaderAnswer::ballot).distinct().count();
    }
}
