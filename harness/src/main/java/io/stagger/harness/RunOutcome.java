package io.stagger.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/** What a run ends with: its exit code (0 valid, 1 invalid, 2 error), its results directory and results. */
public record RunOutcome(int exitCode, Path directory, ObjectNode results) {
    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int ERROR = 2;

    public String reason() {
        return results.path("reason").asText(null);
    }
}
