package io.stagger.txn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Jepsen-style history, one JSON object per line: {@code type} (invoke, ok, fail, info), {@code process},
 * {@code f}, {@code value}, {@code time} (nanoseconds), optionally {@code index}. Only operations with f {@code txn}
 * are read; the nemesis (a non-integer process) is skipped. An invocation is paired with the next completion of its
 * process; one that never completes is indeterminate. Keys and values must be integers.
 */
public final class HistoryReader {
    /** The longest line read; a longer one is bad input. */
    public static final int MAX_LINE_CHARS = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryReader() {}

    /** Reads the history; the workload is given, or inferred from the micro-operations when null. */
    public static TxnHistory read(Reader source, Workload workload) throws IOException {
        List<Pending> pending = new ArrayList<>();
        Map<Integer, Pending> open = new HashMap<>();
        BufferedReader lines = new BufferedReader(source);
        String line;
        long lineNumber = 0;
        boolean sawAppend = false;
        boolean sawWrite = false;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > MAX_LINE_CHARS) {
                throw new BadHistoryException(lineNumber, "line longer than " + MAX_LINE_CHARS + " characters");
            }
            JsonNode op;
            try {
                op = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new BadHistoryException(lineNumber, "not JSON: " + e.getOriginalMessage());
            }
            if (!op.isObject() || !"txn".equals(op.path("f").asText()) || !op.path("process").canConvertToInt()) {
                continue;
            }
            int process = op.get("process").asInt();
            String type = op.path("type").asText();
            long time = op.path("time").asLong(lineNumber);
            long index = op.has("index") ? op.get("index").asLong() : lineNumber - 1;
            switch (type) {
                case "invoke" -> {
                    Pending invoke = new Pending(process, time, index, op.get("value"), lineNumber);
                    if (open.put(process, invoke) != null) {
                        throw new BadHistoryException(lineNumber, "process " + process + " invoked twice without completing");
                    }
                    pending.add(invoke);
                }
                case "ok", "fail", "info" -> {
                    Pending invoke = open.remove(process);
                    if (invoke == null) {
                        throw new BadHistoryException(lineNumber, "process " + process + " completed without an invocation");
                    }
                    invoke.complete(TxnStatus.valueOf(type.toUpperCase(java.util.Locale.ROOT)), time, index,
                            op.get("value"), lineNumber);
                }
                default -> throw new BadHistoryException(lineNumber, "unknown type '" + type + "'");
            }
        }
        for (Pending p : pending) {
            for (JsonNode mop : p.mopsJson()) {
                String f = mop.path(0).asText();
                sawAppend |= f.equals("append");
                sawWrite |= f.equals("w");
            }
        }
        if (workload == null) {
            if (sawAppend && sawWrite) {
                throw new BadHistoryException(0, "both appends and writes: give the workload");
            }
            workload = sawWrite ? Workload.RW_REGISTER : Workload.LIST_APPEND;
        }
        List<Txn> txns = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            txns.add(p.toTxn(txns.size(), workload));
        }
        return new TxnHistory(workload, txns);
    }

    /** Reads one transaction's micro-operations, {@code [["r", k, v], ...]}; reads are known when {@code complete}. */
    static List<Mop> mops(JsonNode txn, Workload workload, boolean complete, long lineNumber) {
        if (txn == null || !txn.isArray()) {
            throw new BadHistoryException(lineNumber, "a transaction must be an array of micro-operations, got " + txn);
        }
        List<Mop> mops = new ArrayList<>(txn.size());
        for (JsonNode mop : txn) {
            if (!mop.isArray() || mop.size() != 3) {
                throw new BadHistoryException(lineNumber, "a micro-operation must be [f, k, v], got " + mop);
            }
            long key = integer(mop.get(1), "key", lineNumber);
            JsonNode value = mop.get(2);
            switch (mop.get(0).asText()) {
                case "r" -> mops.add(new Mop.Read(key, complete ? readValues(value, workload, lineNumber) : null));
                case "append" -> mops.add(new Mop.Append(key, integer(value, "appended value", lineNumber)));
                case "w" -> mops.add(new Mop.Write(key, integer(value, "written value", lineNumber)));
                default -> throw new BadHistoryException(lineNumber, "unknown micro-operation " + mop);
            }
        }
        return mops;
    }

    private static long[] readValues(JsonNode value, Workload workload, long lineNumber) {
        if (workload == Workload.RW_REGISTER) {
            return value.isNull() ? new long[0] : new long[] {integer(value, "read value", lineNumber)};
        }
        if (value.isNull()) {
            return new long[0];
        }
        if (!value.isArray()) {
            throw new BadHistoryException(lineNumber, "a list-append read must be a list, got " + value);
        }
        long[] values = new long[value.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = integer(value.get(i), "list element", lineNumber);
        }
        return values;
    }

    private static long integer(JsonNode node, String what, long lineNumber) {
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new BadHistoryException(lineNumber, what + " must be an integer, got " + node);
        }
        return node.asLong();
    }

    /** An invocation waiting for its completion. */
    private static final class Pending {
        final int process;
        final long invokeNanos;
        final JsonNode invokeValue;
        final long invokeLine;
        long index;
        TxnStatus status = TxnStatus.INFO;
        long completeNanos = Long.MAX_VALUE;
        JsonNode completeValue;
        long completeLine;

        Pending(int process, long invokeNanos, long index, JsonNode invokeValue, long invokeLine) {
            this.process = process;
            this.invokeNanos = invokeNanos;
            this.index = index;
            this.invokeValue = invokeValue;
            this.invokeLine = invokeLine;
        }

        void complete(TxnStatus status, long time, long index, JsonNode value, long line) {
            this.status = status;
            this.index = index;
            this.completeLine = line;
            if (status == TxnStatus.OK) {
                this.completeNanos = time;
                this.completeValue = value;
            }
        }

        JsonNode mopsJson() {
            JsonNode value = completeValue != null ? completeValue : invokeValue;
            return value != null && value.isArray() ? value : JSON.createArrayNode();
        }

        Txn toTxn(int id, Workload workload) {
            List<Mop> mops = status == TxnStatus.OK
                    ? HistoryReader.mops(completeValue, workload, true, completeLine)
                    : HistoryReader.mops(invokeValue, workload, false, invokeLine);
            return new Txn(id, index, process, status, invokeNanos, completeNanos, mops);
        }
    }
}
