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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Histories from elsewhere, read strictly (a line that cannot be read is an error naming it): Jepsen's and
 * Maelstrom's history.edn (one operation map per line), Jepsen's older log lines
 * ({@code INFO jepsen.util - 3 :invoke :cas [1 2]}) and the harness's own history.jsonl. Times are kept as written
 * (nanoseconds); a form without times (the log lines) is timed by its line numbers.
 */
public final class HistoryFormats {
    /** The formats, by name. */
    public enum Format {
        EDN, JEPSEN_LOG, JSONL;

        public static Format parse(String text) {
            switch (text) {
                case "edn":
                    return EDN;
                case "log":
                    return JEPSEN_LOG;
                case "jsonl":
                    return JSONL;
                default:
                    throw new IllegalArgumentException("a history format is edn, log or jsonl, not " + text);
            }
        }
    }

    private static final Pattern LOG_LINE = Pattern.compile(
            "^\\S+\\s+jepsen\\.util\\s+-\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*(.*)$");
    private static final Pattern LOG_LIKE = Pattern.compile("^\\S+\\s+jepsen\\.util\\s+-\\s+");

    private HistoryFormats() {}

    /** The format a file's name or first line shows: .edn, .jsonl, .log; else EDN, JSON or log by its first line. */
    public static Format guess(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".edn")) {
            return Format.EDN;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return Format.JSONL;
        }
        if (name.endsWith(".log")) {
            return Format.JEPSEN_LOG;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.strip();
                if (!text.isEmpty()) {
                    return text.startsWith("{\"") ? Format.JSONL : text.startsWith("{") ? Format.EDN : Format.JEPSEN_LOG;
                }
            }
        }
        return Format.JSONL;
    }

    /** Every operation of the file, in order; a file without any is malformed too. */
    public static List<Op> read(Path file, Format format) throws IOException, MalformedHistoryException {
        List<Op> ops = new ArrayList<>();
        int lines = scan(file, format, (op, line) -> {
            ops.add(op);
            return true;
        });
        if (ops.isEmpty()) {
            throw new MalformedHistoryException(Math.max(1, lines), "no operations in the file (read as "
                    + format.name().toLowerCase(Locale.ROOT).replace('_', '-') + ")");
        }
        return ops;
    }

    /**
     * The line (1-based) of the file that holds the operation with this index as {@link #read} numbers them, or 0 if
     * none does: for an error about an operation found after reading, which names its line. Reads the file again.
     */
    public static int lineOf(Path file, Format format, int opIndex) throws IOException {
        int[] found = {0};
        try {
            scan(file, format, (op, line) -> {
                if (op.index() == opIndex) {
                    found[0] = line;
                    return false;
                }
                return true;
            });
        } catch (MalformedHistoryException e) {
            return 0;
        }
        return found[0];
    }

    /** What {@link #scan} does with each operation and its line; false stops the scan. */
    @FunctionalInterface
    private interface OpVisitor {
        boolean visit(Op op, int line);
    }

    /** Reads the file's operations in order, each indexed by its position; returns the number of lines read. */
    private static int scan(Path file, Format format, OpVisitor visitor) throws IOException, MalformedHistoryException {
        int lineNumber = 0;
        int index = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Op op;
                try {
                    op = parseLine(line, format, index, lineNumber);
                } catch (IllegalArgumentException e) {
                    throw new MalformedHistoryException(lineNumber, e.getMessage());
                }
                if (op != null) {
                    index++;
                    if (!visitor.visit(op, lineNumber)) {
                        break;
                    }
                }
            }
        }
        return lineNumber;
    }

    private static Op parseLine(String line, Format format, int index, int lineNumber) {
        switch (format) {
            case EDN:
                return fromMap(EdnValues.toJson(EdnValues.parse(line)), index, lineNumber);
            case JSONL: {
                ObjectNode json = Json.parseObject(line);
                if (json == null) {
                    throw new IllegalArgumentException("not a JSON object: " + abbreviate(line));
                }
                return fromMap(json, index, lineNumber);
            }
            default:
                return fromLogLine(line, index, lineNumber);
        }
    }

    /** An operation map (EDN or JSON): type, f, process, value, and time, index, error where given. */
    private static Op fromMap(JsonNode map, int index, int lineNumber) {
        if (!map.isObject()) {
            throw new IllegalArgumentException("not an operation map: " + abbreviate(map.toString()));
        }
        Op.Type type = type(map.path("type").asText(""));
        JsonNode f = map.get("f");
        if (f == null || f.isNull()) {
            throw new IllegalArgumentException("an operation without f");
        }
        JsonNode time = map.get("time");
        if (time != null && !time.isIntegralNumber()) {
            throw new IllegalArgumentException("time is not an integer: " + time);
        }
        JsonNode error = map.get("error");
        return new Op(index, process(map.get("process")), type, f.asText(), map.get("value"),
                time == null ? lineNumber : time.asLong(), map.path("node").asText(null),
                error == null || error.isNull() ? null : error.isTextual() ? error.asText() : error.toString(),
                map.path("final").asBoolean(false));
    }

    /** A line of Jepsen's log; lines of other loggers are not operations (null). */
    private static Op fromLogLine(String line, int index, int lineNumber) {
        Matcher m = LOG_LINE.matcher(line.strip());
        if (!m.matches()) {
            if (LOG_LIKE.matcher(line.strip()).find()) {
                throw new IllegalArgumentException("not \"PROCESS :TYPE :F VALUE\": " + abbreviate(line));
            }
            return null;
        }
        Op.Type type = type(keyword(m.group(2)));
        String f = keyword(m.group(3));
        JsonNode value = m.group(4).isBlank() ? null : EdnValues.toJson(EdnValues.parse(m.group(4)));
        JsonNode process = EdnValues.toJson(EdnValues.parse(m.group(1)));
        String error = null;
        if (type != Op.Type.INVOKE && type != Op.Type.OK && value != null && value.isTextual()
                && m.group(4).strip().startsWith(":")) {
            error = value.asText();
        }
        return new Op(index, process(process), type, f, value, lineNumber, null, error, false);
    }

    private static String keyword(String text) {
        if (!text.startsWith(":") || text.length() < 2) {
            throw new IllegalArgumentException("expected a keyword, found " + abbreviate(text));
        }
        return text.substring(1);
    }

    private static Op.Type type(String text) {
        switch (text) {
            case "invoke":
                return Op.Type.INVOKE;
            case "ok":
                return Op.Type.OK;
            case "fail":
                return Op.Type.FAIL;
            case "info":
                return Op.Type.INFO;
            default:
                throw new IllegalArgumentException("type is invoke, ok, fail or info, not \"" + text + "\"");
        }
    }

    private static int process(JsonNode process) {
        if (process == null || process.isNull()) {
            throw new IllegalArgumentException("an operation without process");
        }
        if (process.isIntegralNumber() && process.canConvertToInt()) {
            return process.asInt();
        }
        if (process.isTextual()) {
            return Op.NEMESIS;
        }
        throw new IllegalArgumentException("process is an integer or nemesis, not " + process);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
