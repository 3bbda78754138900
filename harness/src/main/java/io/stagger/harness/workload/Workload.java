package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.harness.check.CheckResult;
import java.util.List;
import java.util.SplittableRandom;

/** A Maelstrom workload: the requests clients make, how replies complete them, and the checker of the history. */
public interface Workload {
  String name();

  default Defaults defaults() {
    return Defaults.MAELSTROM;
  }

  /** Requests sent once to each node after init, before the clients start (broadcast's topology). */
  default List<Request> setup(List<String> nodeIds) {
    return List.of();
  }

  /** The next request of a client process during the main phase. */
  Request next(int process, SplittableRandom random);

  /** Requests made after the final heal and recovery, one by one, to the live nodes; none skips the phase. */
  default List<Request> finalRequests(List<String> liveNodes) {
    return List.of();
  }

  /**
   * The request to make after a final request completed, or null: the next page of a paged read, or the same
   * request at another live node after a failure. Each chain must end: the workload bounds it.
   */
  default Request followUp(Request request, Completion completion) {
    return null;
  }

  /** Whether a request with this function has no effect, so a time-out can count as a definite failure. */
  default boolean idempotent(String f) {
    return f.equals("read");
  }

  /** Completes an operation from its reply; null leaves the reply to the generic error handling. */
  Completion complete(Request request, String node, JsonNode reply);

  /** Told by the nemesis when it kills a node. */
  default void nodeKilled(String node) {}

  /** The node that most nodes currently recognise as master, for a kill nemesis that wants failovers; or null. */
  default String likelyMaster() {
    return null;
  }

  CheckResult check(CheckContext context);

  /** The reply type expected for a request body of type t: Maelstrom's "t_ok". */
  static boolean isOk(Request request, JsonNode reply) {
    return reply.path("type").asText().equals(request.body().path("type").asText() + "_ok");
  }

  /** The completion for a reply of a type other than the expected one. */
  static Completion unexpected(Request request, JsonNode reply) {
    return Completion.info("unexpected reply to " + request.body().path("type").asText() + ": "
        + reply.path("type").asText());
  }
}
