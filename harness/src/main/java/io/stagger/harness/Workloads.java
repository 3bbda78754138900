package io.stagger.harness;

import io.stagger.check.ConferenceChecker;
import io.stagger.check.EchoChecker;
import io.stagger.check.ElectionChecker;
import io.stagger.check.GCounterChecker;
import io.stagger.check.KafkaChecker;
import io.stagger.check.LinKvChecker;
import io.stagger.check.PnCounterChecker;
import io.stagger.check.SetChecker;
import io.stagger.check.UniqueIdsChecker;
import io.stagger.harness.workload.BroadcastWorkload;
import io.stagger.harness.workload.ConferenceWorkload;
import io.stagger.harness.workload.Defaults;
import io.stagger.harness.workload.EchoWorkload;
import io.stagger.harness.workload.ElectionWorkload;
import io.stagger.harness.workload.GCounterWorkload;
import io.stagger.harness.workload.GSetWorkload;
import io.stagger.harness.workload.KafkaWorkload;
import io.stagger.harness.workload.LinKvWorkload;
import io.stagger.harness.workload.PnCounterWorkload;
import io.stagger.harness.workload.TxnWorkload;
import io.stagger.harness.workload.UniqueIdsWorkload;
import io.stagger.harness.workload.Workload;
import java.util.List;

/** The workloads by their Maelstrom names: each one's generator, client and checker. */
public final class Workloads {
    public static final List<String> NAMES = List.of("echo", "unique-ids", "broadcast", "g-set", "g-counter",
            "pn-counter", "kafka", "lin-kv", "txn-list-append", "txn-rw-register", "election", "conference");

    private Workloads() {}

    /**
     * The workload called name; lin-kv and kafka use keyCount keys at once, kafka retires a key after maxWritesPerKey
     * sends; the conference has a session per client process (concurrency) over the nodes; the transactional
     * workloads take their own options (their maxWritesPerKey among them).
     */
    public static Workload create(String name, String topology, int keyCount, int maxWritesPerKey, int nodeCount,
            int concurrency, TxnWorkload.Options txnOptions) {
        switch (name) {
            case "echo":
                return Workload.of(name, new EchoWorkload(), new EchoChecker());
            case "unique-ids":
                return Workload.of(name, new UniqueIdsWorkload(), new UniqueIdsChecker());
            case "broadcast":
                return Workload.of(name, new BroadcastWorkload(topology), SetChecker.broadcast());
            case "g-set":
                return Workload.of(name, new GSetWorkload(), SetChecker.gSet());
            case "g-counter":
                return Workload.of(name, new GCounterWorkload(), new GCounterChecker());
            case "pn-counter":
                return Workload.of(name, new PnCounterWorkload(), new PnCounterChecker());
            case "kafka":
                return Workload.of(name, new KafkaWorkload(keyCount, maxWritesPerKey), new KafkaChecker());
            case "lin-kv":
                return Workload.of(name, new LinKvWorkload(keyCount), new LinKvChecker());
            case "election":
                ElectionWorkload election = new ElectionWorkload();
                return new Workload(name, Defaults.PRODUCT, election, election,
                        context -> new ElectionChecker(context).check());
            case "conference":
                ConferenceWorkload conference = new ConferenceWorkload(nodeCount, concurrency);
                return new Workload(name, Defaults.PRODUCT, conference, conference,
                        context -> new ConferenceChecker(context.history()).check());
            case "txn-list-append":
                TxnWorkload listAppend = new TxnWorkload(io.stagger.txn.Workload.LIST_APPEND, keyCount, txnOptions);
                return Workload.of(name, listAppend, listAppend.checker());
            case "txn-rw-register":
                TxnWorkload rwRegister = new TxnWorkload(io.stagger.txn.Workload.RW_REGISTER, keyCount, txnOptions);
                return Workload.of(name, rwRegister, rwRegister.checker());
            default:
                throw new IllegalArgumentException("unknown workload " + name + "; one of " + NAMES);
        }
    }
}
