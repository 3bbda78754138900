package io.stagger.harness;

import io.stagger.harness.workload.BroadcastWorkload;
import io.stagger.harness.workload.ConferenceWorkload;
import io.stagger.harness.workload.EchoWorkload;
import io.stagger.harness.workload.ElectionWorkload;
import io.stagger.harness.workload.GCounterWorkload;
import io.stagger.harness.workload.LinKvWorkload;
import io.stagger.harness.workload.TxnWorkload;
import io.stagger.harness.workload.UniqueIdsWorkload;
import io.stagger.harness.workload.Workload;
import java.util.List;

/** The workloads by their Maelstrom names. */
public final class Workloads {
  public static final List<String> NAMES = List.of("echo", "unique-ids", "broadcast", "g-counter", "lin-kv",
      "election", "conference", "txn-list-append", "txn-rw-register");

  private Workloads() {}

  /**
   * The workload called name; the conference has a session per client process (concurrency) over the nodes; the
   * transactional workloads take their own options.
   */
  public static Workload create(String name, String topology, int keyCount, int nodeCount, int concurrency,
      TxnWorkload.Options txnOptions) {
    switch (name) {
      case "echo":
        return new EchoWorkload();
      case "unique-ids":
        return new UniqueIdsWorkload();
      case "broadcast":
        return new BroadcastWorkload(topology);
      case "g-counter":
        return new GCounterWorkload();
      case "lin-kv":
        return new LinKvWorkload(keyCount);
      case "election":
        return new ElectionWorkload();
      case "conference":
        return new ConferenceWorkload(nodeCount, concurrency);
      case "txn-list-append":
        return new TxnWorkload(io.stagger.txn.Workload.LIST_APPEND, keyCount, txnOptions);
      case "txn-rw-register":
        return new TxnWorkload(io.stagger.txn.Workload.RW_REGISTER, keyCount, txnOptions);
      default:
        throw new IllegalArgumentException("unknown workload " + name + "; one of " + NAMES);
    }
  }
}
