package io.stagger.harness.net;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.harness.Json;

/** Message counts by kind, as Maelstrom's net checker reports them; updated by the router thread only. */
public final class NetStats {
  /** Counts of one kind of traffic. */
  public static final class Counts {
    volatile long sent;
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
      json.put("recv-count", delivered);
      json.put("dropped-count", dropped);
      if (seconds > 0) {
        json.put("sent-per-second", Math.round(sent / seconds));
        json.put("recv-per-second", Math.round(delivered / seconds));
      }
      return json;
    }
  }

  final Counts all = new Counts();
  final Counts servers = new Counts();
  final Counts clients = new Counts();

  public Counts all() {
    return all;
  }

  public Counts servers() {
    return servers;
  }

  void sent(boolean betweenServers) {
    all.sent++;
    (betweenServers ? servers : clients).sent++;
  }

  void delivered(boolean betweenServers) {
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
    return json;
  }
}
