package io.stagger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark, each parameter included, for one short iteration in this JVM, so that a benchmark that
 * throws, drifts out of the state it restores, or breaks an assertion of the core fails the build. It measures
 * nothing: the figures are in RESULTS.md.
 */
class BenchmarkSmokeTest {

    static Stream<Class<?>> benchmarks() {
        return Stream.of(DetectionPathBenchmark.class, DetectionStepBenchmark.class, InquiryTimeoutBenchmark.class, ElectionTimeoutBenchmark.class,
                AnnounceBenchmark.class, ReceiveDeclareBenchmark.class, ReceiveRevokeBenchmark.class,
                ElectionDelaysBenchmark.class, CodecBenchmark.class, NodeThroughputBenchmark.class, FailoverBenchmark.class,
                TxnCheckerBenchmark.class,
                LinearizabilityBenchmark.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarks")
    void runsOneShortIteration(Class<?> benchmark) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .shouldFailOnError(true)
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        assertThat(results).isNotEmpty();
        for (RunResult result : results) {
            assertThat(result.getPrimaryResult().getScore())
                    .as(result.getParams().getBenchmark() + " " + result.getParams())
                    .isPositive();
        }
    }
}
