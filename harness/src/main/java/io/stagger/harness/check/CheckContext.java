package io.stagger.harness.check;

import io.stagger.harness.history.Op;
import java.util.List;

/** What a workload's checker gets: the history, the node ids, and the options that shape its expectations. */
public record CheckContext(List<Op> history, List<String> nodeIds, double maxDualMasterMillis) {}
