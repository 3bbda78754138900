package io.stagger.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One history event as Jepsen records it: an invocation, or its completion (ok, fail or info). The nemesis's
 * operations have process -1. Times are nanoseconds since the start of the run.
 */
public record Op(int index, int process, Type type, String f, JsonNode value, long time, String node, String error,
        boolean isFinal) {
    /** Jepsen's operation types: info is indeterminate (the operation may or may not have happened). */
    public enum Type { INVOKE, OK, FAIL, INFO }

    public static final int NEMESIS = -1;
    /**
     * The f of a change of the name-server key in the harness's lin-kv (process {@link #NEMESIS}, type info): the
     * service records it, the election checker reads it.
     */
    public static final String NAME_SERVER_EVENT = "name-server";

    public boolean is(Type t) {
        return type == t;
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("index", index);
        if (process == NEMESIS) {
            json.put("process", "nemesis");
        } else {
            json.put("process", process);
        }
        json.put("type", type.name().toLowerCase(java.util.Locale.ROOT));
        json.put("f", f);
        json.set("value", value);
        json.put("time", time);
        if (node != null) {
            json.put("node", node);
        }
        if (error != null) {
            json.put("error", error);
        }
        if (isFinal) {
            json.put("final", true);
        }
        return json;
    }
}
