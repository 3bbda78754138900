package io.stagger.txn;

import static io.stagger.txn.ConsistencyModel.READ_COMMITTED;
import static io.stagger.txn.ConsistencyModel.READ_UNCOMMITTED;
import static io.stagger.txn.ConsistencyModel.SERIALIZABLE;
import static io.stagger.txn.ConsistencyModel.SNAPSHOT_ISOLATION;
import static io.stagger.txn.ConsistencyModel.STRICT_SERIALIZABLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.txn.CheckResult.Verdict;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One hand-written list-append history per anomaly: the anomaly is found with the expected cycle or transactions,
 * the weakest model that forbids it judges the history invalid, and the model just below it (where there is one)
 * judges it valid.
 */
class ListAppendAnomaliesTest {
    static CheckResult check(HistoryBuilder history) {
        return TxnChecker.check(history.history(), EnumSet.of(STRICT_SERIALIZABLE));
    }

    static void assertBoundary(CheckResult result, ConsistencyModel weakestForbidding) {
        for (ConsistencyModel model : ConsistencyModel.values()) {
            assertThat(result.verdict(model))
                    .as("%s under %s\n%s", result.counts(), model, result.report(5))
                    .isEqualTo(model.ordinal() >= weakestForbidding.ordinal() ? Verdict.INVALID : Verdict.VALID);
        }
    }

    static Anomaly only(CheckResult result, AnomalyType type) {
        List<Anomaly> found = result.of(type);
        assertThat(found).as(result.report(5)).hasSize(1);
        return found.get(0);
    }

    @Test
    void aSerialHistoryIsStrictSerializable() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .ok(0, "append 1 1; r 1 [1]")
                .ok(1, "r 1 [1]; append 2 1; append 1 2")
                .ok(0, "r 2 [1]; r 1 [1 2]; append 2 2")
                .ok(2, "r 2 [1 2]"));
        assertThat(result.anomalies()).as(result.report(5)).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.edges().get(EdgeType.WW)).isEqualTo(2);
    }

    @Test
    void g0IsACycleOfAppendsOnly() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .ok(0, "append 1 1; append 2 2")
                .ok(1, "append 1 2; append 2 1")
                .ok(2, "r 1 [1 2]; r 2 [1 2]"));
        Anomaly g0 = only(result, AnomalyType.G0);
        assertThat(g0.cycleText()).isIn("T0 -ww-> T1 -ww-> T0", "T1 -ww-> T0 -ww-> T1");
        assertThat(g0.cycle()).extracting(Anomaly.Step::because).anyMatch(s -> s.equals(
                "T0 appended 1 to key 1, and T1 appended 2 right after it"));
        assertBoundary(result, READ_UNCOMMITTED);
    }

    @Test
    void g1cIsCircularInformationFlow() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .ok(0, "append 1 1; r 2 [1]")
                .ok(1, "append 2 1; r 1 [1]"));
        Anomaly g1c = only(result, AnomalyType.G1C);
        assertThat(g1c.cycleText()).isIn("T0 -wr-> T1 -wr-> T0", "T1 -wr-> T0 -wr-> T1");
        assertThat(g1c.cycle()).extracting(Anomaly.Step::because)
                .contains("T1 appended 1 to key 2, which T0 read (its read ends in 1)");
        assertBoundary(result, READ_COMMITTED);
    }

    @Test
    void gSingleIsReadSkew() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .ok(0, "append 1 1; append 2 1")
                .ok(1, "r 1 []; r 2 [1]")
                .ok(2, "r 1 [1]"));
        Anomaly single = only(result, AnomalyType.G_SINGLE);
        assertThat(single.cycleText()).isIn("T1 -rw-> T0 -wr-> T1", "T0 -wr-> T1 -rw-> T0");
        assertThat(single.cycle()).extracting(Anomaly.Step::because).contains(
                "T1 read key 1 = [] (empty), and T0 appended 1, the next version, which T1 did not see");
        assertBoundary(result, SNAPSHOT_ISOLATION);
    }

    @Test
    void gNonadjacentIsALongFork() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .ok(0, "r 1 []; r 3 [1]")
                .ok(1, "append 1 1")
                .ok(2, "r 1 [1]; r 2 []")
                .ok(3, "append 2 1; append 3 1")
                .ok(4, "r 2 [1]"));
        Anomaly nonadjacent = only(result, AnomalyType.G_NONADJACENT);
        assertThat(nonadjacent.txns()).extracting(Txn::name).containsExactlyInAnyOrder("T0", "T1", "T2", "T3");
        assertThat(nonadjacent.cycle()).extracting(Anomaly.Step::type)
                .filteredOn(t -> t == EdgeType.RW).hasSize(2);
        assertThat(result.of(AnomalyType.G_SINGLE)).isEmpty();
        assertBoundary(result, SNAPSHOT_ISOLATION);
    }

    @Test
    void g2ItemIsWriteSkew() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .at(0, TxnStatus.OK, 0, 10, "r 1 []; r 2 []; append 1 1")
                .at(1, TxnStatus.OK, 0, 10, "r 1 []; r 2 []; append 2 1")
                .ok(2, "r 1 [1]; r 2 [1]"));
        Anomaly g2 = only(result, AnomalyType.G2_ITEM);
        assertThat(g2.cycleText()).isIn("T0 -rw-> T1 -rw-> T0", "T1 -rw-> T0 -rw-> T1");
        assertBoundary(result, SERIALIZABLE);
    }

    @Test
    void gSingleProcessIsNotReadingYourOwnWrite() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .at(0, TxnStatus.OK, 0, 10, "append 1 1")
                .at(0, TxnStatus.OK, 20, 30, "r 1 []")
                .at(1, TxnStatus.OK, 0, 40, "r 1 [1]"));
        Anomaly single = only(result, AnomalyType.G_SINGLE_PROCESS);
        assertThat(single.cycleText()).isIn("T0 -process-> T1 -rw-> T0", "T1 -rw-> T0 -process-> T1");
        assertThat(result.of(AnomalyType.G_SINGLE_REALTIME)).isEmpty();
        assertBoundary(result, STRICT_SERIALIZABLE);
    }

    @Test
    void gSingleRealtimeIsAStaleRead() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .at(0, TxnStatus.OK, 0, 10, "append 1 1")
                .at(1, TxnStatus.OK, 20, 30, "r 1 []")
                .at(2, TxnStatus.OK, 0, 40, "r 1 [1]"));
        Anomaly single = only(result, AnomalyType.G_SINGLE_REALTIME);
        assertThat(single.cycleText()).isIn("T0 -realtime-> T1 -rw-> T0", "T1 -rw-> T0 -realtime-> T1");
        assertThat(single.cycle()).extracting(Anomaly.Step::because)
                .contains("T0 completed (at 0.000 ms) before T1 began (at 0.000 ms)");
        assertBoundary(result, STRICT_SERIALIZABLE);
    }

    @Test
    void g1aIsAReadOfAnAbortedAppend() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .fail(0, "append 1 1")
                .ok(1, "r 1 [1]"));
        Anomaly aborted = only(result, AnomalyType.G1A);
        assertThat(aborted.explanation()).isEqualTo("T1 read key 1 = [1], whose element 1 was appended by T0, which aborted");
        assertBoundary(result, READ_COMMITTED);
    }

    @Test
    void g1bIsAReadOfAnIntermediateAppend() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .ok(0, "append 1 1; append 1 2")
                .ok(1, "r 1 [1]"));
        Anomaly intermediate = only(result, AnomalyType.G1B);
        assertThat(intermediate.txns()).extracting(Txn::name).containsExactly("T1", "T0");
        assertBoundary(result, READ_COMMITTED);
    }

    @Test
    void internalIsAReadThatMissesItsOwnAppend() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .ok(0, "append 1 1")
                .ok(1, "r 1 [1]; append 1 2; r 1 [1]"));
        Anomaly internal = only(result, AnomalyType.INTERNAL);
        assertThat(internal.explanation()).isEqualTo("T1 read key 1 = [1], but its earlier read and appends imply [1 2]");
        assertBoundary(result, SNAPSHOT_ISOLATION);
    }

    @Test
    void incompatibleOrdersAreReadsThatAreNotPrefixes() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .at(0, TxnStatus.OK, 0, 10, "append 1 1")
                .at(1, TxnStatus.OK, 0, 10, "append 1 2")
                .ok(2, "r 1 [1 2]")
                .ok(3, "r 1 [2]"));
        Anomaly incompatible = only(result, AnomalyType.INCOMPATIBLE_ORDER);
        assertThat(incompatible.explanation()).isEqualTo(
                "T3 read key 1 = [2] and T2 read [1 2]: neither is a prefix of the other");
        assertBoundary(result, READ_COMMITTED);
    }

    @Test
    void duplicateElementsAreForbiddenEvenUnderReadUncommitted() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .ok(0, "append 1 1")
                .ok(1, "r 1 [1 1]"));
        assertThat(only(result, AnomalyType.DUPLICATE_ELEMENTS).explanation())
                .isEqualTo("T1 read key 1 = [1 1], which holds 1 twice");
        assertBoundary(result, READ_UNCOMMITTED);
    }

    @Test
    void aLostAppendIsMissingFromEveryLaterRead() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .ok(0, "append 1 1")
                .ok(1, "append 1 2")
                .ok(2, "r 1 [2]"));
        Anomaly lost = only(result, AnomalyType.LOST_APPEND);
        assertThat(lost.explanation()).isEqualTo("T0 appended 1 to key 1 and was acknowledged, but no read shows it,"
                + " though T2 began reading key 1 after that");
        assertBoundary(result, STRICT_SERIALIZABLE);
    }

    @Test
    void aGarbageReadShowsAnElementNobodyAppended() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .ok(0, "append 1 1")
                .ok(1, "r 1 [1 7]"));
        assertThat(only(result, AnomalyType.GARBAGE_READ).explanation())
                .isEqualTo("T1 read key 1 = [1 7], whose element 7 no transaction appended");
        assertBoundary(result, READ_COMMITTED);
    }

    @Test
    void anIndeterminateAppendSomeoneReadCommitted() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .info(0, "append 1 1; r 2 nil")
                .ok(1, "r 1 [1]")
                .ok(2, "append 2 1"));
        assertThat(result.anomalies()).as(result.report(5)).isEmpty();
        assertThat(result.indeterminate()).isEqualTo(1);
    }

    @Test
    void anIndeterminateAppendNobodyReadNeitherIsLostNorOrdersAnything() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .info(0, "append 1 1")
                .ok(1, "append 1 2")
                .ok(2, "r 1 [2]"));
        assertThat(result.anomalies()).as(result.report(5)).isEmpty();
    }

    @Test
    void aCycleThroughAnObservedIndeterminateTransactionIsReported() {
        CheckResult result = check(HistoryBuilder.listAppend()
                .info(0, "append 1 1; append 2 1")
                .ok(1, "r 1 []; r 2 [1]")
                .ok(2, "r 1 [1]"));
        assertThat(only(result, AnomalyType.G_SINGLE).cycleText()).contains("T0", "T1");
    }

    @Test
    void aValuesAppendedTwiceIsBadInput() {
        HistoryBuilder history = HistoryBuilder.listAppend().ok(0, "append 1 1").ok(1, "append 1 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check(history))
                .isInstanceOf(BadHistoryException.class)
                .hasMessage("value 1 written to key 1 twice (by T0 and T1): values written to a key must be unique");
    }
}
