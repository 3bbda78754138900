package io.stagger.harness.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.harness.Problems;
import io.stagger.harness.RunClock;
import io.stagger.harness.client.Client;
import io.stagger.harness.client.Clients;
import io.stagger.harness.net.Journal;
import io.stagger.harness.net.Latency;
import io.stagger.harness.net.Network;
import io.stagger.history.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Maelstrom's services through the network, as a node would use them: lin-kv's errors and cas, lin-tso's order. */
class ServicesTest {
    private Network network;
    private Client client;

    @BeforeEach
    void start() {
        network = new Network(new RunClock(), new Latency(Latency.Shape.UNIFORM, 0.5), 1, new Journal(null),
                new Problems(), line -> { }, false, false);
        Services.registerAll(network);
        client = new Clients(network).create();
    }

    @AfterEach
    void stop() {
        network.close();
    }

    private JsonNode call(String service, String json) throws Exception {
        return client.call(service, (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(json), 1000);
    }

    @Test
    void linKvReadsWritesAndComparesAndSets() throws Exception {
        assertThat(call("lin-kv", "{\"type\":\"read\",\"key\":\"k\"}").get("code").asInt())
                .isEqualTo(Errors.KEY_DOES_NOT_EXIST);
        assertThat(call("lin-kv", "{\"type\":\"cas\",\"key\":\"k\",\"from\":1,\"to\":2}").get("code").asInt())
                .isEqualTo(Errors.KEY_DOES_NOT_EXIST);
        assertThat(call("lin-kv", "{\"type\":\"cas\",\"key\":\"k\",\"from\":1,\"to\":2,\"create_if_not_exists\":true}")
                .get("type").asText()).isEqualTo("cas_ok");
        assertThat(call("lin-kv", "{\"type\":\"cas\",\"key\":\"k\",\"from\":1,\"to\":3}").get("code").asInt())
                .isEqualTo(Errors.PRECONDITION_FAILED);
        assertThat(call("lin-kv", "{\"type\":\"write\",\"key\":\"k\",\"value\":[1,2]}").get("type").asText())
                .isEqualTo("write_ok");
        JsonNode read = call("lin-kv", "{\"type\":\"read\",\"key\":\"k\"}");
        assertThat(read.get("type").asText()).isEqualTo("read_ok");
        assertThat(read.get("value").toString()).isEqualTo("[1,2]");
        assertThat(read.has("in_reply_to")).isTrue();
    }

    @Test
    void theKvServicesAreSeparateStores() throws Exception {
        call("seq-kv", "{\"type\":\"write\",\"key\":1,\"value\":5}");
        assertThat(call("lww-kv", "{\"type\":\"read\",\"key\":1}").get("code").asInt())
                .isEqualTo(Errors.KEY_DOES_NOT_EXIST);
        assertThat(call("seq-kv", "{\"type\":\"read\",\"key\":1}").get("value").asInt()).isEqualTo(5);
    }

    @Test
    void linTsoTimestampsIncrease() throws Exception {
        long first = call("lin-tso", "{\"type\":\"ts\"}").get("ts").asLong();
        long second = call("lin-tso", "{\"type\":\"ts\"}").get("ts").asLong();
        assertThat(second).isGreaterThan(first);
        assertThat(call("lin-tso", "{\"type\":\"read\"}").get("code").asInt()).isEqualTo(Errors.NOT_SUPPORTED);
    }
}
