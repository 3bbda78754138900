package io.stagger.txn;

import static io.stagger.txn.ConsistencyModel.READ_COMMITTED;
import static io.stagger.txn.ConsistencyModel.READ_UNCOMMITTED;
import static io.stagger.txn.ConsistencyModel.SERIALIZABLE;
import static io.stagger.txn.ConsistencyModel.SNAPSHOT_ISOLATION;
import static io.stagger.txn.ConsistencyModel.STRICT_SERIALIZABLE;
import static io.stagger.txn.ListAppendAnomaliesTest.assertBoundary;
import static io.stagger.txn.ListAppendAnomaliesTest.check;
import static io.stagger.txn.ListAppendAnomaliesTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One hand-written rw-register history per anomaly, judged as in {@link ListAppendAnomaliesTest}. */
class RwRegisterAnomaliesTest {
    @Test
    void aSerialHistoryIsStrictSerializable() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .ok(0, "r 1 nil; w 1 1")
                .ok(1, "r 1 1; w 1 2; w 2 1")
                .ok(0, "r 1 2; r 2 1; w 2 2")
                .ok(2, "r 2 2; r 1 2"));
        assertThat(result.anomalies()).as(result.report(5)).isEmpty();
        assertThat(result.edges().get(EdgeType.WW)).isEqualTo(2);
        assertThat(result.edges().get(EdgeType.WR)).isEqualTo(5);
    }

    @Test
    void g0FromTheVersionOrderEachWriterShows() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .ok(0, "r 2 3; w 1 1; w 2 4")
                .ok(1, "r 1 1; w 1 2; w 2 3"));
        Anomaly g0 = only(result, AnomalyType.G0);
        assertThat(g0.cycleText()).isIn("T0 -ww-> T1 -ww-> T0", "T1 -ww-> T0 -ww-> T1");
        assertThat(g0.cycle()).extracting(Anomaly.Step::because)
                .contains("T0 wrote key 1 = 1, and T1 wrote 2, the next version");
        assertBoundary(result, READ_UNCOMMITTED);
    }

    @Test
    void g1cIsCircularInformationFlow() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .ok(0, "w 1 1; r 2 1")
                .ok(1, "w 2 1; r 1 1"));
        Anomaly g1c = only(result, AnomalyType.G1C);
        assertThat(g1c.cycle()).extracting(Anomaly.Step::because).contains("T0 wrote key 1 = 1, which T1 read");
        assertBoundary(result, READ_COMMITTED);
    }

    @Test
    void gSingleIsReadSkew() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .ok(0, "w 1 1; w 2 1")
                .ok(1, "r 1 nil; r 2 1"));
        Anomaly single = only(result, AnomalyType.G_SINGLE);
        assertThat(single.cycleText()).isIn("T1 -rw-> T0 -wr-> T1", "T0 -wr-> T1 -rw-> T0");
        assertThat(single.cycle()).extracting(Anomaly.Step::because)
                .contains("T1 read key 1 = nil, and T0 wrote 1, the next version, which T1 did not see");
        assertBoundary(result, SNAPSHOT_ISOLATION);
    }

    @Test
    void writeSkewIsG2ItemAllowedBySnapshotIsolation() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .at(0, TxnStatus.OK, 0, 10, "r 1 nil; r 2 nil; w 1 1")
                .at(1, TxnStatus.OK, 0, 10, "r 1 nil; r 2 nil; w 2 1"));
        Anomaly g2 = only(result, AnomalyType.G2_ITEM);
        assertThat(g2.cycleText()).isIn("T0 -rw-> T1 -rw-> T0", "T1 -rw-> T0 -rw-> T1");
        assertThat(result.of(AnomalyType.LOST_UPDATE)).isEmpty();
        assertBoundary(result, SERIALIZABLE);
    }

    @Test
    void aLostUpdateIsForbiddenBySnapshotIsolation() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .at(0, TxnStatus.OK, 0, 10, "r 1 nil; w 1 1")
                .at(1, TxnStatus.OK, 0, 10, "r 1 nil; w 1 2"));
        assertThat(only(result, AnomalyType.LOST_UPDATE).explanation())
                .isEqualTo("T0 and T1 both read key 1 = nil and both wrote key 1: one of the updates is lost");
        assertThat(result.of(AnomalyType.G2_ITEM)).hasSize(1);
        assertBoundary(result, SNAPSHOT_ISOLATION);
    }

    @Test
    void gSingleRealtimeIsAStaleRead() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .at(0, TxnStatus.OK, 0, 10, "w 1 1")
                .at(1, TxnStatus.OK, 20, 30, "r 1 nil"));
        Anomaly stale = only(result, AnomalyType.G_SINGLE_REALTIME);
        assertThat(stale.cycleText()).isIn("T0 -realtime-> T1 -rw-> T0", "T1 -rw-> T0 -realtime-> T1");
        assertBoundary(result, STRICT_SERIALIZABLE);
    }

    @Test
    void g1aIsAReadOfAnAbortedWrite() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .fail(0, "w 1 1")
                .ok(1, "r 1 1"));
        assertThat(only(result, AnomalyType.G1A).explanation())
                .isEqualTo("T1 read key 1 = 1, written by T0, which aborted");
        assertBoundary(result, READ_COMMITTED);
    }

    @Test
    void g1bIsAReadOfAnIntermediateWrite() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .ok(0, "w 1 1; w 1 2")
                .ok(1, "r 1 1"));
        assertThat(only(result, AnomalyType.G1B).explanation())
                .isEqualTo("T1 read key 1 = 1, an intermediate write of T0, which wrote key 1 again later");
        assertBoundary(result, READ_COMMITTED);
    }

    @Test
    void internalIsAReadThatMissesItsOwnWrite() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .ok(0, "w 1 1")
                .ok(1, "w 1 2; r 1 1"));
        assertThat(only(result, AnomalyType.INTERNAL).explanation())
                .isEqualTo("T1 read key 1 = 1, but its earlier read or write of the key gives 2");
        assertBoundary(result, SNAPSHOT_ISOLATION);
    }

    @Test
    void anUnobservedIndeterminateWriteOrdersNothing() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .info(0, "w 1 1")
                .ok(1, "r 1 nil"));
        assertThat(result.anomalies()).as(result.report(5)).isEmpty();
    }

    @Test
    void anObservedIndeterminateWriteCommitted() {
        CheckResult result = check(HistoryBuilder.rwRegister()
                .info(0, "w 1 1; w 2 1")
                .ok(1, "r 1 nil; r 2 1"));
        assertThat(only(result, AnomalyType.G_SINGLE).txns()).extracting(Txn::name).containsExactlyInAnyOrder("T0", "T1");
    }
}
