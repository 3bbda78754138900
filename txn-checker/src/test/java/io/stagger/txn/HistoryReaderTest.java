package io.stagger.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class HistoryReaderTest {
    static TxnHistory read(String... lines) throws IOException {
        return HistoryReader.read(new StringReader(String.join("\n", lines)), null);
    }

    @Test
    void pairsInvocationsWithCompletionsAndKeepsTheCompletedReads() throws IOException {
        TxnHistory history = read(
                "{\"index\":0,\"type\":\"invoke\",\"process\":0,\"f\":\"txn\",\"value\":[[\"r\",1,null],[\"append\",1,2]],\"time\":5}",
                "{\"index\":1,\"type\":\"invoke\",\"process\":\"nemesis\",\"f\":\"start\",\"value\":null,\"time\":6}",
                "{\"index\":2,\"type\":\"invoke\",\"process\":1,\"f\":\"txn\",\"value\":[[\"append\",2,1]],\"time\":7}",
                "{\"index\":3,\"type\":\"ok\",\"process\":0,\"f\":\"txn\",\"value\":[[\"r\",1,[1]],[\"append\",1,2]],\"time\":9}",
                "{\"index\":4,\"type\":\"fail\",\"process\":1,\"f\":\"txn\",\"value\":[[\"append\",2,1]],\"time\":10,\"error\":\"30\"}",
                "{\"index\":5,\"type\":\"invoke\",\"process\":1,\"f\":\"txn\",\"value\":[[\"r\",2,null]],\"time\":11}",
                "{\"index\":6,\"type\":\"info\",\"process\":1,\"f\":\"txn\",\"value\":[[\"r\",2,null]],\"time\":12}");
        assertThat(history.workload()).isEqualTo(Workload.LIST_APPEND);
        assertThat(history.txns()).extracting(Txn::status).containsExactly(TxnStatus.OK, TxnStatus.FAIL, TxnStatus.INFO);
        Txn first = history.txns().get(0);
        assertThat(first.name()).isEqualTo("T3");
        assertThat(first.invokeNanos()).isEqualTo(5);
        assertThat(first.completeNanos()).isEqualTo(9);
        assertThat(first.mops()).containsExactly(new Mop.Read(1, new long[] {1}), new Mop.Append(1, 2));
        assertThat(history.txns().get(2).completeNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(((Mop.Read) history.txns().get(2).mops().get(0)).known()).isFalse();
    }

    @Test
    void aNeverCompletedInvocationIsIndeterminate() throws IOException {
        TxnHistory history = read("{\"type\":\"invoke\",\"process\":3,\"f\":\"txn\",\"value\":[[\"w\",1,2]],\"time\":1}");
        assertThat(history.workload()).isEqualTo(Workload.RW_REGISTER);
        assertThat(history.txns().get(0).status()).isEqualTo(TxnStatus.INFO);
        assertThat(history.txns().get(0).name()).isEqualTo("T0");
    }

    @Test
    void registerReadsAreValuesOrNil() throws IOException {
        TxnHistory history = read(
                "{\"type\":\"invoke\",\"process\":0,\"f\":\"txn\",\"value\":[[\"r\",1,null],[\"r\",2,null],[\"w\",3,4]]}",
                "{\"type\":\"ok\",\"process\":0,\"f\":\"txn\",\"value\":[[\"r\",1,null],[\"r\",2,7],[\"w\",3,4]]}");
        assertThat(history.txns().get(0).mops())
                .containsExactly(new Mop.Read(1, new long[0]), new Mop.Read(2, new long[] {7}), new Mop.Write(3, 4));
    }

    @Test
    void badInputIsNamedWithItsLine() {
        assertThatThrownBy(() -> read("{\"type\":\"invoke\",\"process\":0,\"f\":\"txn\",\"value\":[[\"r\",\"x\",null]]}"))
                .isInstanceOf(BadHistoryException.class).hasMessage("line 1: key must be an integer, got \"x\"");
        assertThatThrownBy(() -> read("", "not json"))
                .isInstanceOf(BadHistoryException.class).hasMessageStartingWith("line 2: not JSON");
        assertThatThrownBy(() -> read("{\"type\":\"ok\",\"process\":0,\"f\":\"txn\",\"value\":[]}"))
                .isInstanceOf(BadHistoryException.class)
                .hasMessage("line 1: process 0 completed without an invocation");
        assertThatThrownBy(() -> read(
                "{\"type\":\"invoke\",\"process\":0,\"f\":\"txn\",\"value\":[[\"append\",1,1]]}",
                "{\"type\":\"ok\",\"process\":0,\"f\":\"txn\",\"value\":[[\"r\",1,5]]}"))
                .isInstanceOf(BadHistoryException.class)
                .hasMessage("line 2: a list-append read must be a list, got 5");
    }
}
