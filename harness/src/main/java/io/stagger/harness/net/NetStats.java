package io.stagger.harness.net;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;

/** Message counts by kind, as Maelstrom's net checker reports them; updated by the router thread only. */
public final class NetStats {
    /** Counts of one kind of traffic. */
    public static final class Counts {
        volatile long sent;
        volatile long sentBytes;
        volatile long delivered;
        volatile long dropped;

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
        all.sent++;
        all.sentBytes += bytes;
        Counts kind = betweenServers ? servers : clients;
        kind.sent++;
        kind.sentBytes += bytes;
        if (!involvesClient) {
            withoutClients.sent++;
            withoutClients.sentBytes += bytes;
        }
    }

    void delivered(boolean betweenServers, long sendToDeliveryNanos) {
        deliveryMillis[(int) Math.min(MAX_DELIVERY_MILLIS, sendToDeliveryNanos / 1_000_000)]++;
        all.delivered++;
        (betweenServers ? servers : clients).delivered++;
    }

    void dropped(boolean betweenServers) {
        all.dropped++;
        (betweenServers ? servers : clients).dropped++;
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
