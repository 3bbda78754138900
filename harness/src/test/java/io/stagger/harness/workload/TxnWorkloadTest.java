package io.stagger.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The transactional workloads' requests and completions, without a network. */
class TxnWorkloadTest {
    private static final TxnWorkload.Options OPTIONS = new TxnWorkload.Options(4, 3, List.of("serializable"));

    @Test
    void writesAreUniquePerKeyAndAKeyIsRetiredAfterItsWrites() {
        TxnWorkload workload = new TxnWorkload(io.stagger.txn.Workload.LIST_APPEND, 2, OPTIONS);
        SplittableRandom random = new SplittableRandom(1);
        Map<Long, Set<Long>> written = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            Request request = workload.next(i % 3, random);
            assertThat(request.body().path("type").asText()).isEqualTo("txn");
            assertThat(request.value().size()).isBetween(1, 4);
            for (JsonNode mop : request.value()) {
                if (mop.get(0).asText().equals("append")) {
                    assertThat(written.computeIfAbsent(mop.get(1).asLong(), k -> new HashSet<>()).add(mop.get(2).asLong()))
                            .as("value %s appended twice to key %s", mop.get(2), mop.get(1)).isTrue();
                } else {
                    assertThat(mop.get(2).isNull()).isTrue();
                }
            }
        }
        assertThat(written.values()).allMatch(values -> values.size() <= 3);
        assertThat(written.size()).isGreaterThan(20);
    }

    @Test
    void aTxnOkIsTheRequestWithItsReadsFilledIn() throws Exception {
        TxnWorkload workload = new TxnWorkload(io.stagger.txn.Workload.RW_REGISTER, 2, OPTIONS);
        JsonNode txn = Json.MAPPER.readTree("[[\"r\",0,null],[\"w\",1,1]]");
        Request request = Request.to("txn", txn, Json.object().put("type", "txn"));
        Completion ok = workload.complete(request, "n1",
                Json.MAPPER.readTree("{\"type\":\"txn_ok\",\"txn\":[[\"r\",0,5],[\"w\",1,1]]}"));
        assertThat(ok.type()).isEqualTo(Op.Type.OK);
        assertThat(ok.value().get(0).get(2).asInt()).isEqualTo(5);
        Completion changed = workload.complete(request, "n1",
                Json.MAPPER.readTree("{\"type\":\"txn_ok\",\"txn\":[[\"r\",0,5],[\"w\",1,2]]}"));
        assertThat(changed.type()).isEqualTo(Op.Type.INFO);
        assertThat(changed.error()).isEqualTo(
                "txn_ok does not match the request: micro-operation 1 was [\"w\",1,1], came back [\"w\",1,2]");
        assertThat(workload.complete(request, "n1", Json.MAPPER.readTree("{\"type\":\"error\",\"code\":30}"))).isNull();
    }

    @Test
    void unknownModelsAndBadLimitsAreRefused() {
        assertThatThrownBy(() -> new TxnWorkload(io.stagger.txn.Workload.LIST_APPEND, 2,
                new TxnWorkload.Options(4, 16, List.of("linearizable")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown consistency model 'linearizable'");
        assertThatThrownBy(() -> new TxnWorkload.Options(0, 16, List.of()))
                .hasMessage("--max-txn-length must be positive");
    }
}
