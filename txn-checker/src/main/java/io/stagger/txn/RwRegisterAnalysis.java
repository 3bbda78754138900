package io.stagger.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency edges and the non-cycle anomalies of an rw-register history. Written values are unique, so a read
 * names its writer (wr). The version order of a key is known only in part: nil comes first, and a committed
 * transaction that read version v of a key (externally) and then wrote it orders v before its writes, which follow
 * each other in its own order. Known successive versions give ww edges; a reader of v has an rw edge to the writer
 * of each version known to follow v directly (of nil: each version with no known non-nil predecessor). A version
 * written by an indeterminate transaction takes part only if some committed read observed one of its writes.
 */
final class RwRegisterAnalysis extends Analysis {
    private final Map<Long, KeyVersions> keys = new HashMap<>();

    /** Transactions some committed read observed a write of: committed, whatever their completion said. */
    private final java.util.BitSet observedWriters = new java.util.BitSet();

    /** What is known of one key's version order; nil is {@link #NIL_KEY}. */
    private static final class KeyVersions {
        final List<Long> edgeFrom = new ArrayList<>();
        final List<Long> edgeTo = new ArrayList<>();
        Map<Long, List<Long>> successors;
        List<Long> initialSuccessors;
        /** Lost updates: the version read → the first committed transaction that read it and then wrote the key. */
        final Map<Long, Txn> readThenWrote = new HashMap<>();
    }

    private static final long NIL_KEY = Long.MIN_VALUE;

    RwRegisterAnalysis(List<Txn> txns, DependencyGraph graph, List<Anomaly> anomalies) {
        super(txns, graph, anomalies);
    }

    @Override
    void run() {
        for (Txn txn : txns) {
            if (txn.ok()) {
                new InternalCheck(txn, anomalies).rwRegister();
                checkReads(txn);
            }
            if (txn.mayHaveCommitted()) {
                versionEdges(txn);
            }
        }
        for (long key : writers.keys()) {
            order(key, key(key));
        }
        for (Txn txn : txns) {
            if (txn.ok()) {
                externalReads(txn);
            }
        }
    }

    private KeyVersions key(long key) {
        return keys.computeIfAbsent(key, k -> new KeyVersions());
    }

    /** G1a, garbage and G1b for every read of a committed transaction; marks the versions observed. */
    private void checkReads(Txn txn) {
        for (Mop mop : txn.mops()) {
            if (!(mop instanceof Mop.Read read) || read.values().length == 0) {
                continue;
            }
            long key = read.key();
            long value = read.last();
            int writer = writers.writer(key, value);
            if (writer < 0) {
                int aborted = writers.abortedWriter(key, value);
                if (aborted >= 0) {
                    anomalies.add(Anomaly.of(AnomalyType.G1A, txn.name() + " read key " + key + " = " + value + ", written by "
                            + txns.get(aborted).name() + ", which aborted", txn, txns.get(aborted)));
                } else {
                    anomalies.add(Anomaly.of(AnomalyType.GARBAGE_READ, txn.name() + " read key " + key + " = " + value
                            + ", which no transaction wrote", txn));
                }
                continue;
            }
            observedWriters.set(writer);
            if (writer != txn.id() && !writers.lastOfWriter(key, value)) {
                anomalies.add(Anomaly.of(AnomalyType.G1B, txn.name() + " read key " + key + " = " + value
                        + ", an intermediate write of " + txns.get(writer).name() + ", which wrote key " + key + " again later",
                        txn, txns.get(writer)));
            }
        }
    }

    /** The version order one transaction shows: its external read of a key, then its writes of it, in order. */
    private void versionEdges(Txn txn) {
        List<Mop> mops = txn.mops();
        Map<Long, Long> previous = new HashMap<>(4);
        for (int i = 0; i < mops.size(); i++) {
            Mop mop = mops.get(i);
            if (mop instanceof Mop.Read read && txn.ok() && ExternalReads.isExternal(mops, i)) {
                previous.put(read.key(), read.values().length == 0 ? NIL_KEY : read.last());
            } else if (mop instanceof Mop.Write write) {
                Long before = previous.put(write.key(), write.value());
                if (before != null) {
                    KeyVersions versions = key(write.key());
                    versions.edgeFrom.add(before);
                    versions.edgeTo.add(write.value());
                    if (txn.ok() && isFirstWrite(mops, i)) {
                        lostUpdate(txn, write.key(), before, versions);
                    }
                }
            }
        }
    }

    private static boolean isFirstWrite(List<Mop> mops, int index) {
        for (int i = 0; i < index; i++) {
            if (mops.get(i) instanceof Mop.Write && mops.get(i).key() == mops.get(index).key()) {
                return false;
            }
        }
        return true;
    }

    private void lostUpdate(Txn txn, long key, long version, KeyVersions versions) {
        Txn other = versions.readThenWrote.putIfAbsent(version, txn);
        if (other != null) {
            String read = version == NIL_KEY ? "nil" : Long.toString(version);
            anomalies.add(Anomaly.of(AnomalyType.LOST_UPDATE, other.name() + " and " + txn.name() + " both read key " + key
                    + " = " + read + " and both wrote key " + key + ": one of the updates is lost", other, txn));
        }
    }

    /** Whether a version takes part in the order: its writer committed, or some read observed one of its writes. */
    private boolean included(long key, long value) {
        int writer = writers.writer(key, value);
        return writer >= 0 && (txns.get(writer).ok() || observedWriters.get(writer));
    }

    /** The known successors of each version, and ww edges between their writers. */
    private void order(long key, KeyVersions versions) {
        versions.successors = new HashMap<>();
        Set<Long> hasPredecessor = new HashSet<>();
        for (int e = 0; e < versions.edgeFrom.size(); e++) {
            long from = versions.edgeFrom.get(e);
            long to = versions.edgeTo.get(e);
            if (!included(key, to) || (from != NIL_KEY && !included(key, from))) {
                continue;
            }
            if (from == NIL_KEY) {
                continue;
            }
            hasPredecessor.add(to);
            versions.successors.computeIfAbsent(from, v -> new ArrayList<>(2)).add(to);
            graph.add(writers.writer(key, from), writers.writer(key, to), EdgeType.WW, key, from, to, 0);
        }
        versions.initialSuccessors = new ArrayList<>();
        for (long value : writers.of(key).keySet()) {
            if (!hasPredecessor.contains(value) && included(key, value)) {
                versions.initialSuccessors.add(value);
            }
        }
    }

    /** wr and rw edges from each committed transaction's external reads. */
    private void externalReads(Txn txn) {
        List<Mop> mops = txn.mops();
        for (int i = 0; i < mops.size(); i++) {
            if (!(mops.get(i) instanceof Mop.Read read) || !ExternalReads.isExternal(mops, i)) {
                continue;
            }
            long key = read.key();
            KeyVersions versions = keys.get(key);
            List<Long> next;
            if (read.values().length == 0) {
                next = versions == null ? List.of() : versions.initialSuccessors;
            } else {
                long value = read.last();
                int writer = writers.writer(key, value);
                if (writer < 0) {
                    continue;
                }
                graph.add(writer, txn.id(), EdgeType.WR, key, value, value, 0);
                next = versions.successors.getOrDefault(value, List.of());
            }
            for (long successor : next) {
                graph.add(txn.id(), writers.writer(key, successor), EdgeType.RW, key,
                        read.values().length == 0 ? 0 : read.last(), successor,
                        read.values().length == 0 ? DependencyGraph.BEFORE_INITIAL : 0);
            }
        }
    }
}
