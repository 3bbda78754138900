package io.stagger.check;

import io.stagger.history.Op;
import java.nio.file.Path;
import java.util.List;

/**
 * What a workload's checker gets: the history, the node ids, the options that shape its expectations, and the run's
 * directory, where a checker may draw figures (null: draw none).
 */
public record CheckContext(List<Op> history, List<String> nodeIds, double maxDualMasterMillis, Path directory) {
    public CheckContext(List<Op> history, List<String> nodeIds, double maxDualMasterMillis) {
        this(history, nodeIds, maxDualMasterMillis, null);
    }
}
