package io.stagger.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;

/** A checker's verdict: valid or not, the reason when not, and the figures it measured. */
public record CheckResult(boolean valid, String reason, ObjectNode details) {
    public static CheckResult valid(ObjectNode details) {
        return new CheckResult(true, null, details);
    }

    public static CheckResult invalid(String reason, ObjectNode details) {
        return new CheckResult(false, reason, details);
    }

    /**
     * Neither valid nor invalid: the checker ran out of its budget (valid? is "unknown"; the run's verdict is unknown
     * unless another checker found it invalid).
     */
    public static CheckResult unknown(String reason, ObjectNode details) {
        ObjectNode withVerdict = details.deepCopy();
        withVerdict.put(UNKNOWN_FIELD, UNKNOWN);
        return new CheckResult(false, reason, withVerdict);
    }

    private static final String UNKNOWN_FIELD = "valid?";
    private static final String UNKNOWN = "unknown";

    public boolean unknown() {
        return details.path(UNKNOWN_FIELD).asText("").equals(UNKNOWN);
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("valid?", valid);
        if (reason != null) {
            json.put("reason", reason);
        }
        json.setAll(details);
        return json;
    }
}
