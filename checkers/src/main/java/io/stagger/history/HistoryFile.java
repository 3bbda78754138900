package io.stagger.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a run's history.jsonl back into operations (the inverse of {@link Op#toJson()}); bad lines are skipped. */
public final class HistoryFile {
    private HistoryFile() {}

    public static List<Op> read(Path file) throws IOException {
        List<Op> ops = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                ObjectNode json = Json.parseObject(line);
                Op op = json == null ? null : parse(json);
                if (op != null) {
                    ops.add(op);
                }
            }
        }
        return ops;
    }

    /** One line of history.jsonl as an operation; null if it is not one. */
    public static Op parse(ObjectNode json) {
        JsonNode process = json.path("process");
        JsonNode type = json.path("type");
        if (!type.isTextual() || !(process.isInt() || process.asText().equals("nemesis"))) {
            return null;
        }
        Op.Type opType;
        try {
            opType = Op.Type.valueOf(type.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new Op(json.path("index").asInt(), process.isInt() ? process.asInt() : Op.NEMESIS, opType,
                json.path("f").asText(), json.get("value"), json.path("time").asLong(), text(json, "node"),
                text(json, "error"), json.path("final").asBoolean(false));
    }

    private static String text(ObjectNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
