package io.stagger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH's JSON to the Markdown rows of RESULTS.md. */
class ResultsTableTest {

    @Test
    void oneRowPerRunWithBytesPerOpAndCounters(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("results.json");
        Files.writeString(json, """
                [ { "benchmark": "io.stagger.bench.DetectionPathBenchmark.receiveInquiryAsMaster", "mode": "avgt",
                    "params": { "n": "129" },
                    "primaryMetric": { "score": 12.345, "scoreError": 0.5, "scoreUnit": "ns/op" },
                    "secondaryMetrics": { "gc.alloc.rate.norm": { "score": 0.0001, "scoreUnit": "B/op" } } },
                  { "benchmark": "io.stagger.bench.FailoverBenchmark.failover", "mode": "thrpt",
                    "params": { "n": "5" },
                    "primaryMetric": { "score": 200000.0, "scoreError": "NaN", "scoreUnit": "ops/s" },
                    "secondaryMetrics": {
                      "gc.alloc.rate.norm": { "score": 40000.0, "scoreUnit": "B/op" },
                      "bytesAllocatedInOp": { "score": 600000000.0, "scoreUnit": "ops/s" },
                      "cpuNanosInOp": { "score": 500000000.0, "scoreUnit": "ops/s" },
                      "events": { "score": 5000000.0, "scoreUnit": "ops/s" } } } ]
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ResultsTable.main(new String[] {json.toString()});
        } finally {
            System.setOut(stdout);
        }

        assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(2).toList()).containsExactly(
                "| DetectionPathBenchmark.receiveInquiryAsMaster | n=129 | avgt | 12.35 | ± 0.50 | ns/op | 0 |  |",
                "| FailoverBenchmark.failover | n=5 | thrpt | 200,000 |  | ops/s | 3,000 (in op) "
                        + "| events 5,000,000 ops/s, CPU 2.50 us/op = 400,000 ops per CPU-second |");
    }
}
