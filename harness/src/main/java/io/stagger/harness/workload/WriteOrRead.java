package io.stagger.harness.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.stagger.history.Json;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * The shape Maelstrom's broadcast, g-set, g-counter and pn-counter share: each operation is, at even odds, a write
 * ({"type":f, field: an integer}) or a read of the whole state ({"type":"read"} answered by read_ok with readField),
 * and after recovery every live node is read once more. A read_ok without readField of the right kind (an array, or
 * an integer) is a malformed reply: the read fails.
 */
public class WriteOrRead implements Generator, OpClient {
    private final String f;
    private final String field;
    private final ToIntFunction<SplittableRandom> values;
    private final String readField;
    private final boolean readsArray;

    /** Writes f with field set to values' next value; reads expect readField, an array if readsArray, else an integer. */
    public WriteOrRead(String f, String field, ToIntFunction<SplittableRandom> values, String readField,
            boolean readsArray) {
        this.f = f;
        this.field = field;
        this.values = values;
        this.readField = readField;
        this.readsArray = readsArray;
    }

    @Override
    public Request next(int process, SplittableRandom random) {
        if (random.nextBoolean()) {
            int value = values.applyAsInt(random);
            return Request.to(f, IntNode.valueOf(value), Json.object().put("type", f).put(field, value));
        }
        return Request.read(null);
    }

    @Override
    public List<Request> finalRequests(List<String> liveNodes) {
        return liveNodes.stream().map(Request::read).toList();
    }

    @Override
    public Completion complete(Request request, String node, JsonNode reply) {
        if (!OpClient.isOk(request, reply)) {
            return null;
        }
        if (request.f().equals("read")) {
            JsonNode value = reply.get(readField);
            boolean wellFormed = value != null && (readsArray ? value.isArray() : value.isIntegralNumber());
            return wellFormed ? Completion.ok(value)
                    : Completion.malformed(true, "read_ok without " + (readsArray ? "an array " : "an integer ") + readField);
        }
        return Completion.ok(request.value());
    }
}
