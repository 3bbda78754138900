package io.stagger.sim;

import io.stagger.service.Ballot;
import io.stagger.service.KvResult;
import java.util.Map;

/**
 * A leader answered operation {@code opId} with an outcome: under {@code ballot}, its state at {@code version} (the
 * last version of the batch; KvReplica answers a batch at once, in order) being {@code state}. Whether the answer then
 * reached the client is the client's history; this is the leader's claim.
 */
public record LeaderAnswer(String leader, Ballot ballot, long version, long opId, KvResult result, long atMicros,
                           Map<String, Object> state) {}
