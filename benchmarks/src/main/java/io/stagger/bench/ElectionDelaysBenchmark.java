package io.stagger.bench;

import io.stagger.core.Config;
import io.stagger.core.DelayBounds;
import io.stagger.core.ElectionDelays;
import io.stagger.core.Group;
import io.stagger.core.RankRule;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * E(i) of PROTOCOL.md §2: its cost at init ({@link ElectionDelays#compute}, for the middle-ranked server, where a
 * matrix costs most: |L(i)| · |H(i)| = n²/4 bounds read) and on the hot path of rule 4
 * ({@link ElectionDelays#afterFailureOfMicros}, each member in turn as the failed master).
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ElectionDelaysBenchmark {
    @Param({"3", "33", "129", "1000"})
    int n;

    /** {@code uniform}: one bound D = 20ms; {@code matrix}: a different bound for every ordered pair. */
    @Param({"uniform", "matrix"})
    String bounds;

    private String self;
    private Group group;
    private Config config;
    private ElectionDelays delays;
    private String[] failedMasters;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> ids = Groups.ids(n);
        group = Group.of(ids, new RankRule.ByPosition());
        self = Groups.id(n / 2 + 1);
        DelayBounds delayBounds = bounds.equals("uniform")
                ? new DelayBounds.Uniform(Duration.ofMillis(20))
                : randomMatrix(ids, new SplittableRandom(n));
        Config defaults = Config.defaults();
        config = new Config(defaults.variants(), defaults.detectionPeriod(), defaults.inquiryTimeout(),
                defaults.electionBase(), delayBounds, defaults.rankRule());
        delays = ElectionDelays.compute(self, group, config);
        failedMasters = ids.toArray(new String[0]);
    }

    /** A bound for every ordered pair, 1-50 ms in whole microseconds. */
    private static DelayBounds.Matrix randomMatrix(List<String> ids, SplittableRandom random) {
        Map<String, Map<String, Duration>> matrix = new HashMap<>();
        for (String from : ids) {
            Map<String, Duration> row = new HashMap<>();
            for (String to : ids) {
                if (!from.equals(to)) {
                    row.put(to, Duration.ofNanos(random.nextLong(1_000, 50_001) * 1_000));
                }
            }
            matrix.put(from, row);
        }
        return new DelayBounds.Matrix(matrix, Duration.ofMillis(20));
    }

    /** At init: E(self) for every possible failed master and for none. One server's whole table per op. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ElectionDelays compute() {
        return ElectionDelays.compute(self, group, config);
    }

    /** On the hot path of rule 4: E(self) without the failed master, each member in turn. One lookup per op. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long afterFailureOf() {
        int i = next;
        next = i + 1 == failedMasters.length ? 0 : i + 1;
        return delays.afterFailureOfMicros(failedMasters[i]);
    }
}
