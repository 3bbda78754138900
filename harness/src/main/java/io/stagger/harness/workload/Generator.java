package io.stagger.harness.workload;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Jepsen's generator: which operation each client process invokes next, the setup before the clients start and the
 * final operations after recovery. It learns from completions through {@link #update}, as Jepsen's gen/update does.
 */
public interface Generator {
    /** Requests sent once to each node after init, before the clients start (broadcast's topology). */
    default List<Request> setup(List<String> nodeIds) {
        return List.of();
    }

    /** The next request of a client process during the main phase. */
    Request next(int process, SplittableRandom random);

    /** Told how each operation of the main and final phases completed (process, request, completion). */
    default void update(int process, Request request, Completion completion) {}

    /** Requests made after the final heal and recovery, one by one, to the live nodes; none skips the phase. */
    default List<Request> finalRequests(List<String> liveNodes) {
        return List.of();
    }

    /**
     * The request to make after a final request completed, or null: the next page of a paged read, or the same
     * request at another live node after a failure. Each chain must end: the generator bounds it.
     */
    default Request followUp(Request request, Completion completion) {
        return null;
    }
}
