package io.stagger.bench;

import io.stagger.check.CheckContext;
import io.stagger.check.CheckResult;
import io.stagger.check.LinKvChecker;
import io.stagger.history.Op;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The harness's linearizability checker (LinKvChecker: the split into keys, Lowe's WGL search per key in parallel,
 * the results) on generated CAS-register histories: 5 or 20 processes, 1,000 to 100,000 operations over one key per
 * 1,000 operations (at least one per 5 processes), with indeterminate operations; linearizable, or with one stale
 * read. The score is whole checks per second; the "operations" counter, the history's operations checked per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class LinearizabilityBenchmark {
  @Param({"5", "20"})
  public int processes;

  @Param({"1000", "10000", "100000"})
  public int operations;

  @Param({"true", "false"})
  public boolean linearizable;

  private List<Op> history;
  private long invocations;
  private final LinKvChecker checker = new LinKvChecker();

  /** The operations checked, for JMH's rate: a throughput counter. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Checked {
    public long operations;
  }

  /**
   * Keys in the histories: one per 1,000 operations, and at least one per 5 processes (20 processes on a single key
   * make histories whose refutation is beyond any WGL search's budget, Porcupine's too).
   */
  static int keysFor(int processes, int operations) {
    return Math.max(Math.max(1, processes / 5), operations / 1000);
  }

  @Setup(Level.Trial)
  public void generate() {
    int keys = keysFor(processes, operations);
    history = linearizable ? CasHistories.generate(1, processes, operations, keys, true)
        : CasHistories.invalid(1, processes, operations, keys);
    invocations = CasHistories.invocations(history);
    CheckResult result = check();
    if (result.valid() != linearizable) {
      throw new IllegalStateException("the generated history is not " + (linearizable ? "valid" : "invalid") + ": "
          + result.reason());
    }
  }

  private CheckResult check() {
    return checker.check(new CheckContext(history, List.of(), -1));
  }

  @Benchmark
  public CheckResult check(Checked checked) {
    CheckResult result = check();
    checked.operations += invocations;
    return result;
  }
}
