package io.stagger.harness.net;

import io.stagger.harness.Problems;
import io.stagger.harness.RunClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The simulated network: one router thread takes every message sent, decides its fate (partition, loss, latency)
 * and delivers it when due from a priority queue keyed by delivery time. Paused nodes' traffic is held.
 */
public final class Network implements AutoCloseable {
    /**
     * Bound on batches of messages waiting to enter the router (a batch: what one read of a node's stdout brought, at
     * most {@code BoundedLineReader}'s buffer of 64 KB of lines but for a single longer line; or one message of a
     * client); senders block when it is full.
     */
    public static final int INBOX_BATCHES = 4_096;
    /** The router takes batches from its inbox until it has this many messages, then delivers what is due. */
    static final int ROUTER_MESSAGES = 4_096;
    /** Bound on messages in flight; beyond it the top sender of the last second is reported as flooding. */
    public static final int MAX_IN_FLIGHT = 500_000;
    /** A sender of this many messages in a second is named as the cause when a node's input queue is full. */
    public static final long FLOOD_HINT_MESSAGES = 10_000;
    /** Bound on the messages one sender may send in one second. */
    public static final long MAX_MESSAGES_PER_SENDER_SECOND = 100_000;

    private record InFlight(long id, long sentNanos, long dueNanos, Envelope envelope, boolean betweenServers) {
        /** Whether this is to be delivered before {@code other}: by delivery time, then in the order sent. */
        boolean before(InFlight other) {
            return dueNanos != other.dueNanos ? dueNanos < other.dueNanos : id < other.id;
        }
    }

    /** What an id is registered as; and whether the router delivered to it since it last told it so. */
    private static final class Registered {
        final Endpoint endpoint;
        final boolean server;
        final boolean client;
        boolean deliveredTo;

        Registered(Endpoint endpoint, boolean server, boolean client) {
            this.endpoint = endpoint;
            this.server = server;
            this.client = client;
        }
    }

    /** Messages sent by one sender in the current second and the one before, for the flood bound and its report. */
    private static final class SenderCount {
        long thisSecond;
        long lastSecond;
    }

    private final RunClock clock;
    private final Latency latency;
    private final SplittableRandom random;
    private final Journal journal;
    private final Problems problems;
    private final Consumer<String> log;
    private final boolean logSend;
    private final boolean logRecv;
    private final NetStats stats = new NetStats();
    private final Map<String, Registered> endpoints = new ConcurrentHashMap<>();
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<List<Envelope>> inbox = new ArrayBlockingQueue<>(INBOX_BATCHES);
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>((a, b) -> a.before(b) ? -1 : 1);
    /**
     * Messages due at the moment they were sent (no latency drawn), in the order sent: they are in order of delivery
     * already, so they skip the priority queue, and are merged with it by {@link InFlight#before}.
     */
    private final ArrayDeque<InFlight> dueWhenSent = new ArrayDeque<>();
    private final List<InFlight> held = new ArrayList<>();
    /** The endpoints delivered to since they were last told {@link Endpoint#delivered()}. */
    private final List<Registered> deliveredTo = new ArrayList<>();
    private final Map<String, SenderCount> sentBySender = new HashMap<>();
    private final Set<String> unknownDestinations = ConcurrentHashMap.newKeySet();
    private final Thread router;
    private volatile Map<String, Set<String>> blocked = Map.of();
    private volatile double lossProbability;
    private volatile long slowNanos;
    private volatile boolean running = true;
    private volatile int resumes;
    private int resumesSeen;
    private long nextId;
    private long secondStartNanos;
    private boolean flooded;

    public Network(RunClock clock, Latency latency, long seed, Journal journal, Problems problems,
            Consumer<String> log, boolean logSend, boolean logRecv) {
        this.clock = clock;
        this.latency = latency;
        this.random = new SplittableRandom(seed);
        this.journal = journal;
        this.problems = problems;
        this.log = log;
        this.logSend = logSend;
        this.logRecv = logRecv;
        this.router = new Thread(this::route, "router");
        this.router.setDaemon(true);
        this.router.start();
    }

    /** Registers an endpoint; a server (node) endpoint is subject to partitions, loss and pauses. */
    public void register(String id, Endpoint endpoint, boolean server) {
        endpoints.put(id, new Registered(endpoint, server, false));
    }

    /** Registers a client (c0, c1, ...): its messages do not count in msgs-per-op's server messages. */
    public void registerClient(String id, Endpoint endpoint) {
        endpoints.put(id, new Registered(endpoint, false, true));
    }

    /** Sends a message; blocks only while the router's inbox is full. */
    public void send(Envelope envelope) {
        send(List.of(envelope));
    }

    /** Sends messages in their order, handed to the router at once; the caller gives up the list. */
    public void send(List<Envelope> envelopes) {
        try {
            inbox.put(envelopes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends from the router thread itself (a service's reply): never blocks on the router's own inbox. */
    public void sendFromRouter(Envelope envelope) {
        admit(envelope, clock.now());
    }

    /** For each destination, the sources whose messages to it are dropped; an empty map heals. */
    public void partition(Map<String, Set<String>> blockedSourcesByDestination) {
        this.blocked = Map.copyOf(blockedSourcesByDestination);
    }

    public void loss(double probability) {
        this.lossProbability = probability;
    }

    /** Every message between nodes sent from now on takes this much more than its latency; 0 ends it. */
    public void slow(long extraNanos) {
        this.slowNanos = extraNanos;
    }

    public void pause(String node) {
        paused.add(node);
    }

    public void resume(String node) {
        paused.remove(node);
        resumes++;
    }

    public NetStats stats() {
        return stats;
    }

    public Set<String> unknownDestinations() {
        return Set.copyOf(unknownDestinations);
    }

    private void route() {
        try {
            while (running) {
                InFlight next = dueWhenSent.isEmpty() ? inFlight.peek() : dueWhenSent.peekFirst();
                long now = clock.now();
                List<Envelope> batch = next == null
                        ? inbox.poll(20, TimeUnit.MILLISECONDS)
                        : next.dueNanos > now ? inbox.poll(next.dueNanos - now, TimeUnit.NANOSECONDS) : inbox.poll();
                now = clock.now();
                int admitted = 0;
                while (batch != null) {
                    for (Envelope envelope : batch) {
                        admit(envelope, now);
                    }
                    admitted += batch.size();
                    batch = admitted < ROUTER_MESSAGES ? inbox.poll() : null;
                }
                deliverDue(clock.now());
                if (resumes != resumesSeen) {
                    resumesSeen = resumes;
                    release();
                }
                for (Registered endpoint : deliveredTo) {
                    endpoint.deliveredTo = false;
                    endpoint.endpoint.delivered();
                }
                deliveredTo.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            problems.report("the network router failed: " + e);
        }
    }

    private void admit(Envelope envelope, long now) {
        long id = nextId++;
        Registered sender = endpoints.get(envelope.sender());
        Registered dest = endpoints.get(envelope.dest());
        Registered src = envelope.src().equals(envelope.sender()) ? sender : endpoints.get(envelope.src());
        boolean betweenServers = sender != null && sender.server && dest != null && dest.server;
        stats.sent(betweenServers, src != null && src.client || dest != null && dest.client, envelope.lineChars());
        countSender(envelope.sender(), now);
        if (logSend) {
            log.accept("send " + envelope.line());
        }
        if (dest == null) {
            if (unknownDestinations.add(envelope.dest())) {
                log.accept("dropping messages to unknown destination " + envelope.dest() + " (first from "
                        + envelope.sender() + ")");
            }
            drop(id, envelope, now, "unknown-dest", betweenServers);
            return;
        }
        if (betweenServers) {
            Set<String> blockedSources = blocked.get(envelope.dest());
            if (blockedSources != null && blockedSources.contains(envelope.sender())) {
                drop(id, envelope, now, "partition", betweenServers);
                return;
            }
            double loss = lossProbability;
            if (loss > 0 && random.nextDouble() < loss) {
                drop(id, envelope, now, "loss", betweenServers);
                return;
            }
        }
        long extraNanos = betweenServers ? slowNanos : 0;
        long dueNanos = now + latency.drawNanos(random) + extraNanos;
        InFlight message = new InFlight(id, now, dueNanos, envelope, betweenServers);
        if (dueNanos == now) {
            dueWhenSent.addLast(message);
        } else {
            inFlight.add(message);
        }
        if (inFlight.size() + dueWhenSent.size() > MAX_IN_FLIGHT && !flooded) {
            flooded = true;
            problems.report(topSender() + " floods the network: more than " + MAX_IN_FLIGHT + " messages in flight");
        }
    }

    private void countSender(String src, long now) {
        if (now - secondStartNanos > 1_000_000_000L) {
            for (SenderCount count : sentBySender.values()) {
                count.lastSecond = count.thisSecond;
                count.thisSecond = 0;
            }
            secondStartNanos = now;
        }
        SenderCount count = sentBySender.get(src);
        if (count == null) {
            count = new SenderCount();
            sentBySender.put(src, count);
        }
        long sent = ++count.thisSecond;
        if (sent > MAX_MESSAGES_PER_SENDER_SECOND && !flooded) {
            flooded = true;
            problems.report(src + " floods the network: more than " + MAX_MESSAGES_PER_SENDER_SECOND
                    + " messages in one second");
        }
    }

    /**
     * Explains why a node's input queue is full, on the router thread (which fills those queues): a flood when some
     * sender sent at least {@link #FLOOD_HINT_MESSAGES} messages in this or the last second, else a node that does
     * not read its input.
     */
    public String explainFullInput(String node, int waiting) {
        String top = null;
        long topCount = 0;
        for (Map.Entry<String, SenderCount> sender : sentBySender.entrySet()) {
            long count = Math.max(sender.getValue().thisSecond, sender.getValue().lastSecond);
            if (top == null || count > topCount) {
                top = sender.getKey();
                topCount = count;
            }
        }
        if (top != null && topCount >= FLOOD_HINT_MESSAGES) {
            return top + " floods the network: " + topCount + " messages in one second, and " + node
                    + " has " + waiting + " messages waiting to be read";
        }
        return node + " does not read its input: " + waiting + " messages are waiting for it";
    }

    private String topSender() {
        return sentBySender.entrySet().stream().filter(e -> e.getValue().thisSecond > 0)
                .max(Comparator.comparingLong(e -> e.getValue().thisSecond))
                .map(e -> e.getKey() + " (" + e.getValue().thisSecond + " messages in the last second)")
                .orElse("a node");
    }

    private void deliverDue(long now) {
        while (true) {
            InFlight queued = inFlight.peek();
            InFlight sentDue = dueWhenSent.peekFirst();
            InFlight next = sentDue != null && (queued == null || sentDue.before(queued)) ? sentDue : queued;
            if (next == null || next.dueNanos > now) {
                return;
            }
            if (next == sentDue) {
                dueWhenSent.pollFirst();
            } else {
                inFlight.poll();
            }
            if (isHeld(next)) {
                held.add(next);
                continue;
            }
            deliver(next, now);
        }
    }

    /** Whether {@code message} waits for its sender or receiver to be resumed. */
    private boolean isHeld(InFlight message) {
        return !paused.isEmpty()
                && (paused.contains(message.envelope.dest()) || paused.contains(message.envelope.sender()));
    }

    private void deliver(InFlight message, long now) {
        Envelope envelope = message.envelope;
        Registered endpoint = endpoints.get(envelope.dest());
        stats.delivered(message.betweenServers, now - message.sentNanos);
        if (logRecv) {
            log.accept("recv " + envelope.line());
        }
        journal.record(message.id, envelope, message.sentNanos, now, null);
        endpoint.endpoint.deliver(envelope);
        if (!endpoint.deliveredTo) {
            endpoint.deliveredTo = true;
            deliveredTo.add(endpoint);
        }
    }

    private void release() {
        List<InFlight> still = new ArrayList<>();
        long now = clock.now();
        for (InFlight message : held) {
            if (isHeld(message)) {
                still.add(message);
            } else {
                deliver(message, now);
            }
        }
        held.clear();
        held.addAll(still);
    }

    private void drop(long id, Envelope envelope, long now, String reason, boolean betweenServers) {
        stats.dropped(betweenServers);
        journal.record(id, envelope, now, now, reason);
    }

    /** Stops the router; messages still in flight are discarded. */
    @Override
    public void close() {
        running = false;
        try {
            router.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
    }
}
