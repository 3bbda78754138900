package io.stagger.harness.nemesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.stagger.harness.RunClock;
import io.stagger.harness.net.Network;
import io.stagger.harness.proc.Cluster;
import io.stagger.harness.proc.NodeHandle;
import io.stagger.harness.workload.Generator;
import io.stagger.history.History;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Injects faults: every interval (randomised between half and one and a half times it) it alternately starts the
 * next fault of the list, round-robin, and heals it. Every other choice of a node to kill, pause, skew or isolate
 * takes the node that most nodes recognise as master (when the workload knows one), so that an election workload
 * sees failovers; the others take a random live node.
 */
public final class Nemesis {
  public static final double LOSS_PROBABILITY = 0.3;
  /** How much of every {@link #CLOCK_PERIOD_MILLIS} a skewed node spends stopped: its clock runs 30 % slow. */
  public static final long CLOCK_STOPPED_MILLIS = 30;
  public static final long CLOCK_PERIOD_MILLIS = 100;

  private final List<Fault> faults;
  private final double intervalSeconds;
  private final Cluster cluster;
  private final Network network;
  private final History history;
  private final Generator workload;
  private final RunClock clock;
  private final Random random;
  private final List<NodeHandle> killed = new ArrayList<>();
  private final List<NodeHandle> paused = new ArrayList<>();
  private final Map<String, Long> restartInitNanos = new HashMap<>();
  private volatile NodeHandle skewed;
  private Thread skewer;
  private boolean partitioned;
  private boolean lossy;
  private int nextFault;
  private int targets;

  public Nemesis(List<Fault> faults, double intervalSeconds, Cluster cluster, Network network, History history,
      Generator workload, RunClock clock, long seed) {
    this.faults = faults;
    this.intervalSeconds = intervalSeconds;
    this.cluster = cluster;
    this.network = network;
    this.history = history;
    this.workload = workload;
    this.clock = clock;
    this.random = new Random(seed);
  }

  /** Runs the schedule until the run's clock reaches endNanos or the thread is interrupted. */
  public void runUntil(long endNanos) {
    if (faults.isEmpty()) {
      return;
    }
    boolean faulty = false;
    try {
      while (true) {
        long waitNanos = (long) (intervalSeconds * 1e9 * (0.5 + random.nextDouble()));
        long wakeAt = clock.now() + waitNanos;
        if (wakeAt >= endNanos) {
          return;
        }
        Thread.sleep(waitNanos / 1_000_000);
        if (faulty) {
          healAll();
        } else {
          start(faults.get(nextFault++ % faults.size()));
        }
        faulty = !faulty;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Map<String, Long> restartInitNanos() {
    return Map.copyOf(restartInitNanos);
  }

  private void start(Fault fault) {
    switch (fault) {
      case PARTITION:
        partition();
        break;
      case KILL:
        NodeHandle victim = target();
        workload.nodeKilled(victim.id());
        victim.kill();
        killed.add(victim);
        record("kill", nodes(victim));
        break;
      case PAUSE:
        NodeHandle sleeper = target();
        sleeper.pause();
        paused.add(sleeper);
        record("pause", nodes(sleeper));
        break;
      case LOSS:
        network.loss(LOSS_PROBABILITY);
        lossy = true;
        record("start-loss", Json.MAPPER.valueToTree(LOSS_PROBABILITY));
        break;
      default:
        skew(target());
    }
  }

  /** Ends every fault: heals partitions and loss, continues paused and skewed nodes, restarts killed ones. */
  public synchronized void healAll() {
    if (partitioned) {
      network.partition(Map.of());
      partitioned = false;
      record("stop-partition", NullNode.instance);
    }
    if (lossy) {
      network.loss(0);
      lossy = false;
      record("stop-loss", NullNode.instance);
    }
    for (NodeHandle node : paused) {
      node.resume();
      record("resume", nodes(node));
    }
    paused.clear();
    stopSkew();
    for (NodeHandle node : killed) {
      long initNanos = node.start();
      restartInitNanos.put(node.id(), initNanos);
      record("restart", nodes(node));
    }
    killed.clear();
  }

  /** The likely master every other time (when the workload knows one), else a random live node. */
  private NodeHandle target() {
    List<NodeHandle> up = cluster.nodes().stream().filter(NodeHandle::up).toList();
    String master = workload.likelyMaster();
    if (master != null && targets++ % 2 == 0) {
      for (NodeHandle node : up) {
        if (node.id().equals(master)) {
          return node;
        }
      }
    }
    List<NodeHandle> pool = up.isEmpty() ? cluster.nodes() : up;
    return pool.get(random.nextInt(pool.size()));
  }

  private void partition() {
    List<String> ids = new ArrayList<>(cluster.ids());
    Set<String> side = new HashSet<>();
    if (random.nextBoolean()) {
      side.add(target().id());
    } else {
      Collections.shuffle(ids, random);
      side.addAll(ids.subList(0, Math.max(1, ids.size() / 2)));
    }
    Map<String, Set<String>> blocked = new HashMap<>();
    Set<String> other = new HashSet<>(cluster.ids());
    other.removeAll(side);
    for (String node : side) {
      blocked.put(node, other);
    }
    for (String node : other) {
      blocked.put(node, side);
    }
    network.partition(blocked);
    partitioned = true;
    ArrayNode components = Json.MAPPER.createArrayNode();
    side.stream().sorted().forEach(components.addArray()::add);
    other.stream().sorted().forEach(((ArrayNode) components.addArray())::add);
    record("start-partition", components);
  }

  private void skew(NodeHandle node) {
    skewed = node;
    record("start-clock", nodes(node));
    skewer = new Thread(() -> {
      try {
        while (skewed == node) {
          node.stall(true);
          Thread.sleep(CLOCK_STOPPED_MILLIS);
          node.stall(false);
          Thread.sleep(CLOCK_PERIOD_MILLIS - CLOCK_STOPPED_MILLIS);
        }
      } catch (InterruptedException e) {
        node.stall(false);
      }
    }, "clock-skew");
    skewer.setDaemon(true);
    skewer.start();
  }

  private void stopSkew() {
    NodeHandle node = skewed;
    if (node == null) {
      return;
    }
    skewed = null;
    try {
      skewer.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    node.stall(false);
    record("stop-clock", nodes(node));
  }

  private static JsonNode nodes(NodeHandle node) {
    return Json.MAPPER.createArrayNode().add(node.id());
  }

  private void record(String f, JsonNode value) {
    history.add(Op.NEMESIS, Op.Type.INFO, f, value, null, null, false);
  }
}
