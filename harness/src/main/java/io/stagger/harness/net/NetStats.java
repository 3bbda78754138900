package io.stagger.harness.net;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Message counts by kind, as Maelstrom's net checker reports them; updated by the router thread only, which writes
 * each count with release semantics (no fence per message), read by others as volatile fields.
 */
public final class NetStats {
    /** Counts of one kind of traffic. */
    public static final class Counts {
        private static final VarHandle SENT = handle("sent");
        private static final VarHandle SENT_BYTES = handle("sentBytes");
        private static final VarHandle DELIVERED = handle("delivered");
        private static final VarHandle DROPPED = handle("dropped");

        volatile long sent;
        volatile long sentBytes;
        volatile long delivered;
        volatile long dropped;

        private static VarHandle handle(String field) {
            try {
                return MethodHandles.lookup().findVarHandle(Counts.class, field, long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** One message of {@code bytes} sent; router thread. */
        void countSent(int bytes) {
            SENT.setRelease(this, sent + 1);
            SENT_BYTES.setRelease(this, sentBytes + bytes);
        }

        void countDelivered() {
            DELIVERED.setRelease(this, delivered + 1);
        }

        void countDropped() {
            DROPPED.setRelease(this, dropped + 1);
        }

        public long sent() {
            return sent;
        }

        public long delivered() {
            return delivered;
        }

        ObjectNode toJson(double seconds) {
            ObjectNode json = Json.object();
            json.put("send-count", sent);
            json.put("send-bytes", sentBytes);
            json.put("recv-count", delivered);
            json.put("dropped-count", dropped);
            if (seconds > 0) {
                json.put("sent-per-second", Math.round(sent / seconds));
                json.put("sent-bytes-per-second", Math.round(sentBytes / seconds));
                json.put("recv-per-second", Math.round(delivered / seconds));
            }
            return json;
        }
    }

    /** Bound of the delivery-time histogram, in milliseconds; slower deliveries count in the last bucket. */
    static final int MAX_DELIVERY_MILLIS = 10_000;

    final Counts all = new Counts();
    /** Deliveries by whole milliseconds from send to delivery: the latency drawn plus any lag of the router. */
    private final long[] deliveryMillis = new long[MAX_DELIVERY_MILLIS + 1];
    final Counts servers = new Counts();
    final Counts clients = new Counts();
    /**
     * Messages that involve no client: between nodes, and between nodes and services. Maelstrom's net checker calls
     * these "servers" and divides their count by the client operations for msgs-per-op.
     */
    final Counts withoutClients = new Counts();

    public Counts all() {
        return all;
    }

    public Counts servers() {
        return servers;
    }

    public Counts withoutClients() {
        return withoutClients;
    }

    /** A message of {@code bytes} (its JSON line's length) was sent. */
    void sent(boolean betweenServers, boolean involvesClient, int bytes) {
        all.countSent(bytes);
        (betweenServers ? servers : clients).countSent(bytes);
        if (!involvesClient) {
            withoutClients.countSent(bytes);
        }
    }

    void delivered(boolean betweenServers, long sendToDeliveryNanos) {
        deliveryMillis[(int) Math.min(MAX_DELIVERY_MILLIS, sendToDeliveryNanos / 1_000_000)]++;
        all.countDelivered();
        (betweenServers ? servers : clients).countDelivered();
    }

    void dropped(boolean betweenServers) {
        all.countDropped();
        (betweenServers ? servers : clients).countDropped();
    }

    public ObjectNode toJson(double seconds) {
        ObjectNode json = Json.object();
        json.set("all", all.toJson(seconds));
        json.set("servers", servers.toJson(seconds));
        json.set("clients", clients.toJson(seconds));
        json.set("delivery-ms", deliverySummary());
        return json;
    }

    /** Percentiles (ms, rounded down to whole ms) of the time from send to delivery of every delivered message. */
    private ObjectNode deliverySummary() {
        long total = 0;
        for (long count : deliveryMillis) {
            total += count;
        }
        ObjectNode json = Json.object().put("count", total);
        if (total == 0) {
            return json;
        }
        double[] quantiles = {0.5, 0.99, 0.999};
        String[] names = {"p50", "p99", "p999"};
        long seen = 0;
        int q = 0;
        int max = 0;
        for (int ms = 0; ms < deliveryMillis.length; ms++) {
            seen += deliveryMillis[ms];
            while (q < quantiles.length && seen >= Math.ceil(quantiles[q] * total)) {
                json.put(names[q++], ms);
            }
            if (deliveryMillis[ms] > 0) {
                max = ms;
            }
        }
        json.put("max", max);
        return json;
    }
}
