package io.stagger.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency edges and the non-cycle anomalies of a list-append history. Each key's version order is its
 * longest committed read; every other read of the key must be a prefix of it (else incompatible-order). Elements
 * next to each other in that order give ww edges; a transaction's first read of a key before it appends to it
 * (its external read) gives a wr edge from the appender of its last element and an rw edge to the appender of the
 * element after it. Appends of indeterminate transactions take part only where some read observed them.
 */
final class ListAppendAnalysis extends Analysis {
    private final Map<Long, KeyReads> keys = new HashMap<>();

    /** The reads of one key and the version order they give. */
    private static final class KeyReads {
        final List<Txn> readers = new ArrayList<>();
        final List<long[]> reads = new ArrayList<>();
        int longest = -1;
        Map<Long, Integer> position;
        Set<Long> seenOutsideLongest;
        Txn latestReader;
    }

    ListAppendAnalysis(List<Txn> txns, DependencyGraph graph, List<Anomaly> anomalies) {
        super(txns, graph, anomalies);
    }

    @Override
    void run() {
        for (Txn txn : txns) {
            if (txn.ok()) {
                collectReads(txn);
                new InternalCheck(txn, anomalies).listAppend();
            }
        }
        for (Map.Entry<Long, KeyReads> entry : keys.entrySet()) {
            versionOrder(entry.getKey(), entry.getValue());
        }
        for (Txn txn : txns) {
            if (txn.ok()) {
                externalReads(txn);
            }
        }
        lostAppends();
    }

    private void collectReads(Txn txn) {
        for (Mop mop : txn.mops()) {
            if (mop instanceof Mop.Read read) {
                KeyReads key = keys.computeIfAbsent(read.key(), k -> new KeyReads());
                key.readers.add(txn);
                key.reads.add(read.values());
                if (key.longest < 0 || read.values().length > key.reads.get(key.longest).length) {
                    key.longest = key.reads.size() - 1;
                }
                if (key.latestReader == null || txn.invokeNanos() > key.latestReader.invokeNanos()) {
                    key.latestReader = txn;
                }
            }
        }
    }

    /** The longest read is the version order; the other reads are checked against it; ww edges along it. */
    private void versionOrder(long key, KeyReads reads) {
        long[] order = reads.reads.get(reads.longest);
        Txn longestReader = reads.readers.get(reads.longest);
        reads.position = new HashMap<>(order.length * 2);
        for (int i = 0; i < order.length; i++) {
            Integer earlier = reads.position.putIfAbsent(order[i], i);
            if (earlier != null) {
                anomalies.add(Anomaly.of(AnomalyType.DUPLICATE_ELEMENTS, longestReader.name() + " read key " + key + " = "
                        + Values.listText(order) + ", which holds " + order[i] + " twice", longestReader));
            }
        }
        checkElements(key, order, longestReader, false);
        for (int i = 0; i < reads.reads.size(); i++) {
            long[] read = reads.reads.get(i);
            if (!isPrefix(read, order)) {
                Txn reader = reads.readers.get(i);
                anomalies.add(Anomaly.of(AnomalyType.INCOMPATIBLE_ORDER, reader.name() + " read key " + key + " = "
                        + Values.listText(read) + " and " + longestReader.name() + " read " + Values.listText(order)
                        + ": neither is a prefix of the other", reader, longestReader));
                checkElements(key, read, reader, true);
                if (reads.seenOutsideLongest == null) {
                    reads.seenOutsideLongest = new HashSet<>();
                }
                for (long element : read) {
                    reads.seenOutsideLongest.add(element);
                }
            }
        }
        for (int i = 0; i + 1 < order.length; i++) {
            int first = writers.writer(key, order[i]);
            int second = writers.writer(key, order[i + 1]);
            if (first >= 0 && second >= 0) {
                graph.add(first, second, EdgeType.WW, key, order[i], order[i + 1], 0);
            }
        }
    }

    /** Aborted, unwritten and repeated elements of a read that is not a prefix of an already checked one. */
    private void checkElements(long key, long[] read, Txn reader, boolean reportRepeats) {
        Set<Long> seen = reportRepeats && read.length > 1 ? new HashSet<>(read.length * 2) : null;
        for (long element : read) {
            int aborted = writers.abortedWriter(key, element);
            if (aborted >= 0) {
                anomalies.add(Anomaly.of(AnomalyType.G1A, reader.name() + " read key " + key + " = " + Values.listText(read)
                        + ", whose element " + element + " was appended by " + txns.get(aborted).name() + ", which aborted",
                        reader, txns.get(aborted)));
            } else if (writers.writer(key, element) < 0) {
                anomalies.add(Anomaly.of(AnomalyType.GARBAGE_READ, reader.name() + " read key " + key + " = "
                        + Values.listText(read) + ", whose element " + element + " no transaction appended", reader));
            }
            if (seen != null && !seen.add(element)) {
                anomalies.add(Anomaly.of(AnomalyType.DUPLICATE_ELEMENTS, reader.name() + " read key " + key + " = "
                        + Values.listText(read) + ", which holds " + element + " twice", reader));
            }
        }
    }

    private static boolean isPrefix(long[] read, long[] order) {
        return read.length <= order.length && Arrays.equals(read, 0, read.length, order, 0, read.length);
    }

    /** wr and rw edges, and G1b, from each transaction's first read of a key before its own appends to it. */
    private void externalReads(Txn txn) {
        List<Mop> mops = txn.mops();
        for (int i = 0; i < mops.size(); i++) {
            if (!(mops.get(i) instanceof Mop.Read read) || !ExternalReads.isExternal(mops, i)) {
                continue;
            }
            long key = read.key();
            long[] values = read.values();
            KeyReads reads = keys.get(key);
            int next = 0;
            if (values.length > 0) {
                long last = read.last();
                int writer = writers.writer(key, last);
                if (writer >= 0 && writer != txn.id()) {
                    graph.add(writer, txn.id(), EdgeType.WR, key, last, last, 0);
                    if (!writers.lastOfWriter(key, last)) {
                        anomalies.add(Anomaly.of(AnomalyType.G1B, txn.name() + " read key " + key + " = "
                                + Values.listText(values) + ", ending in " + last + ", an intermediate append of "
                                + txns.get(writer).name() + ", which appended to key " + key + " again later",
                                txn, txns.get(writer)));
                    }
                }
                Integer position = reads.position.get(last);
                next = position == null ? -1 : position + 1;
            }
            long[] order = reads.reads.get(reads.longest);
            if (next >= 0 && next < order.length) {
                int overwriter = writers.writer(key, order[next]);
                if (overwriter >= 0) {
                    graph.add(txn.id(), overwriter, EdgeType.RW, key, values.length > 0 ? read.last() : 0, order[next],
                            values.length > 0 ? 0 : DependencyGraph.BEFORE_INITIAL);
                }
            }
        }
    }

    /** Committed appends no read shows, though a read of their key began after they were acknowledged. */
    private void lostAppends() {
        for (long key : writers.keys()) {
            KeyReads reads = keys.get(key);
            if (reads == null) {
                continue;
            }
            for (Map.Entry<Long, Integer> write : writers.of(key).entrySet()) {
                Txn appender = txns.get(write.getValue() >> 1);
                long element = write.getKey();
                if (appender.ok() && appender.completeNanos() < reads.latestReader.invokeNanos()
                        && !reads.position.containsKey(element)
                        && (reads.seenOutsideLongest == null || !reads.seenOutsideLongest.contains(element))) {
                    anomalies.add(Anomaly.of(AnomalyType.LOST_APPEND, appender.name() + " appended " + element + " to key "
                            + key + " and was acknowledged, but no read shows it, though " + reads.latestReader.name()
                            + " began reading key " + key + " after that", appender, reads.latestReader));
                }
            }
        }
    }
}
