package io.stagger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results ({@code -rf json -rff FILE}) into the Markdown table of RESULTS.md: one row per
 * benchmark and parameters, with score, error, unit, bytes allocated per op ({@code -prof gc}) and any counter
 * the benchmark reports beside its score (the simulator's events/s).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.stagger.bench.ResultsTable FILE.json...</pre>
 */
public final class ResultsTable {
    private static final String ALLOCATION = "gc.alloc.rate.norm";
    /** A benchmark's own count of bytes allocated inside the op, as a rate; it replaces {@link #ALLOCATION}. */
    private static final String ALLOCATION_IN_OP = "bytesAllocatedInOp";
    /** A benchmark's own count of CPU nanoseconds used inside the op, as a rate; shown per op and as ops per CPU-s. */
    private static final String CPU_IN_OP = "cpuNanosInOp";

    private ResultsTable() {}

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        System.out.println("| benchmark | params | mode | score | error (99.9%) | unit | B/op | also |");
        System.out.println("| --- | --- | --- | ---: | ---: | --- | ---: | --- |");
        for (String file : args) {
            for (JsonNode run : json.readTree(new File(file))) {
                System.out.println(row(run));
            }
        }
    }

    private static String row(JsonNode run) {
        String benchmark = run.path("benchmark").asText().replace("io.stagger.bench.", "");
        StringBuilder params = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = run.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> param = it.next();
            params.append(params.length() == 0 ? "" : " ").append(param.getKey()).append('=')
                    .append(param.getValue().asText());
        }
        JsonNode primary = run.path("primaryMetric");
        JsonNode secondary = run.path("secondaryMetrics");
        JsonNode allocation = secondary.path(ALLOCATION);
        StringBuilder also = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            if (!metric.getKey().startsWith("gc.") && !metric.getKey().equals(ALLOCATION_IN_OP)
                    && !metric.getKey().equals(CPU_IN_OP)) {
                also.append(also.length() == 0 ? "" : ", ").append(metric.getKey()).append(' ')
                        .append(number(metric.getValue().path("score").asDouble())).append(' ')
                        .append(metric.getValue().path("scoreUnit").asText());
            }
        }
        String bytesPerOp = allocation.isMissingNode() ? "" : bytes(allocation.path("score").asDouble());
        JsonNode allocationInOp = secondary.path(ALLOCATION_IN_OP);
        if (!allocationInOp.isMissingNode()) {
            // Both are rates per second of the same iterations: their ratio is bytes per op, setup excluded.
            bytesPerOp = bytes(allocationInOp.path("score").asDouble() / primary.path("score").asDouble()) + " (in op)";
        }
        JsonNode cpuInOp = secondary.path(CPU_IN_OP);
        if (!cpuInOp.isMissingNode()) {
            // Both are rates per second of the same iterations: their ratio is CPU nanoseconds per op.
            double cpuMicrosPerOp = cpuInOp.path("score").asDouble() / primary.path("score").asDouble() / 1_000;
            also.append(also.length() == 0 ? "" : ", ").append("CPU ").append(number(cpuMicrosPerOp))
                    .append(" us/op = ").append(number(1_000_000 / cpuMicrosPerOp)).append(" ops per CPU-second");
        }
        return "| " + benchmark + " | " + params + " | " + run.path("mode").asText() + " | "
                + number(primary.path("score").asDouble()) + " | " + error(primary.path("scoreError").asDouble())
                + " | " + primary.path("scoreUnit").asText() + " | " + bytesPerOp + " | " + also + " |";
    }

    private static String number(double value) {
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.1f" : "%.2f", value);
    }

    private static String error(double value) {
        return Double.isNaN(value) ? "" : "± " + number(value);
    }

    /** JMH reports a few thousandths of a byte per op where nothing is allocated (its own bookkeeping): that is 0. */
    private static String bytes(double value) {
        return value < 0.5 ? "0" : String.format(Locale.ROOT, "%,.0f", value);
    }
}
