package io.stagger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.stagger.check.CheckContext;
import io.stagger.check.CheckResult;
import io.stagger.check.LinKvChecker;
import io.stagger.harness.report.Results;
import io.stagger.history.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Histories of CAS registers, one per key, as a Jepsen test of a linearizable store would record them: each process
 * invokes reads, writes and cas on random keys (values 0-4) one after another, each taking effect at a random point
 * strictly inside its interval (so that an operation that completes when another begins precedes it, as the checker
 * reads such a tie); 2 % of the writes and cas time out (info: they took effect or not, and the process is replaced by
 * a new one, as in Jepsen); a cas whose compare fails is a fail. The invalid variant has one stale read, half-way
 * through the history: a read that returns the key's value from before its latest change, which completed
 * before the read began.
 */
public final class CasHistories {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final double INDETERMINATE = 0.02;

  private CasHistories() {}

  private record Planned(int process, int key, String f, int a, int b, long invoke, long complete, long point,
      boolean indeterminate, boolean happens) {}

  private record Event(long time, boolean invoke, int op) {}

  /** A history of about operations operations by processes processes (replacements not counted) over keys keys. */
  public static List<Op> generate(long seed, int processes, int operations, int keys, boolean linearizable) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Planned> planned = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      long time = random.nextLong(1000);
      int process = p;
      for (int i = 0; i < operations / processes; i++) {
        int key = random.nextInt(keys);
        String f = List.of("read", "write", "cas").get(random.nextInt(3));
        long duration = 2 + random.nextLong(2000);
        boolean indeterminate = !f.equals("read") && random.nextDouble() < INDETERMINATE;
        planned.add(new Planned(process, key, f, random.nextInt(5), random.nextInt(5), time, time + duration,
            time + 1 + random.nextLong(duration - 1), indeterminate, !indeterminate || random.nextBoolean()));
        time += duration + random.nextLong(500);
        if (indeterminate) {
          process += processes;
        }
      }
    }
    Integer[] byPoint = new Integer[planned.size()];
    for (int i = 0; i < byPoint.length; i++) {
      byPoint[i] = i;
    }
    java.util.Arrays.sort(byPoint, Comparator.comparingLong(i -> planned.get(i).point()));
    Integer[] state = new Integer[keys];
    Integer[] before = new Integer[keys];
    long[] changeCompleted = new long[keys];
    JsonNode[] results = new JsonNode[planned.size()];
    boolean[] failed = new boolean[planned.size()];
    int stale = -1;
    int applied = 0;
    for (int i : byPoint) {
      applied++;
      Planned op = planned.get(i);
      Integer current = state[op.key()];
      switch (op.f()) {
        case "read":
          results[i] = current == null ? NODES.nullNode() : NODES.numberNode(current);
          if (!linearizable && stale < 0 && before[op.key()] != null && applied > planned.size() / 2
              && op.invoke() > changeCompleted[op.key()]) {
            results[i] = NODES.numberNode(before[op.key()]);
            stale = i;
          }
          break;
        case "write":
          if (op.happens()) {
            set(state, before, op.key(), op.a());
            changeCompleted[op.key()] = op.indeterminate() ? Long.MAX_VALUE : op.complete();
          }
          break;
        default:
          boolean applies = current != null && current == op.a();
          failed[i] = !applies;
          if (applies && op.happens()) {
            set(state, before, op.key(), op.b());
            changeCompleted[op.key()] = op.indeterminate() ? Long.MAX_VALUE : op.complete();
          }
          break;
      }
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      events.add(new Event(planned.get(i).invoke(), true, i));
      events.add(new Event(planned.get(i).complete(), false, i));
    }
    events.sort(Comparator.comparingLong(Event::time).thenComparing(e -> e.invoke()));
    List<Op> ops = new ArrayList<>();
    for (Event event : events) {
      Planned op = planned.get(event.op());
      JsonNode argument = switch (op.f()) {
        case "read" -> event.invoke() ? NODES.nullNode() : results[event.op()];
        case "write" -> NODES.numberNode(op.a());
        default -> NODES.arrayNode().add(op.a()).add(op.b());
      };
      ArrayNode value = NODES.arrayNode().add(op.key()).add(argument);
      Op.Type type = event.invoke() ? Op.Type.INVOKE : op.indeterminate() ? Op.Type.INFO
          : failed[event.op()] ? Op.Type.FAIL : Op.Type.OK;
      ops.add(new Op(ops.size(), op.process(), type, op.f(), value, event.time() * 1000, null,
          type == Op.Type.INFO ? "net-timeout" : null, false));
    }
    return ops;
  }

  private static void set(Integer[] state, Integer[] before, int key, int value) {
    if (state[key] == null || state[key] != value) {
      before[key] = state[key];
    }
    state[key] = value;
  }

  /**
   * An invalid history: the first seed from seed on whose stale read the checker finds within its default budget (a
   * stale read may still be explained by concurrency, or take the search beyond its budget).
   */
  public static List<Op> invalid(long seed, int processes, int operations, int keys) {
    for (long s = seed; s < seed + 100; s++) {
      List<Op> ops = generate(s, processes, operations, keys, false);
      CheckResult result = new LinKvChecker().check(new CheckContext(ops, List.of(), -1));
      if (!result.valid() && !result.unknown()) {
        return ops;
      }
    }
    throw new IllegalStateException("no invalid history among 100 seeds from " + seed);
  }

  /** Invocations: the operations a history holds. */
  public static long invocations(List<Op> ops) {
    return ops.stream().filter(op -> op.is(Op.Type.INVOKE)).count();
  }

  /**
   * Writes the benchmark's histories as history.jsonl files into a directory, for other checkers (Porcupine) and
   * for bin/stagger analyze: cas-P-N-valid.jsonl and cas-P-N-invalid.jsonl for P processes and N operations.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CasHistories DIR");
      System.exit(2);
    }
    Path directory = Files.createDirectories(Paths.get(args[0]));
    for (int processes : new int[] {5, 20}) {
      for (int operations : new int[] {1_000, 10_000, 100_000}) {
        int keys = LinearizabilityBenchmark.keysFor(processes, operations);
        for (boolean linearizable : new boolean[] {true, false}) {
          List<Op> ops = linearizable ? generate(1, processes, operations, keys, true)
              : invalid(1, processes, operations, keys);
          Path run = Files.createDirectories(directory.resolve("cas-" + processes + "-" + operations + "-"
              + (linearizable ? "valid" : "invalid")));
          Results.writeHistory(run, ops);
          System.out.println(run.resolve("history.jsonl") + " " + invocations(ops) + " operations, " + keys
              + " keys");
        }
      }
    }
  }
}
