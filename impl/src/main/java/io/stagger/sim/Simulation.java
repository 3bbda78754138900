package io.stagger.sim;

import io.stagger.core.Action;
import io.stagger.core.Effects;
import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Message;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.StepObserver;
import io.stagger.core.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A deterministic simulation of the group in the manner of TigerBeetle's VOPR: n protocol cores ({@link Server}), a
 * virtual clock in microseconds, one event queue and one random generator seeded by the {@link Scenario}, and the
 * scenario's faults injected by the simulator. The same scenario gives the same run, event for event. Safety is
 * checked on every step; convergence (one MASTER among the live servers, recognised by all of them) is tracked.
 */
public final class Simulation {
    private static final int TIMER_KINDS = Timer.values().length;

    private final Scenario scenario;
    private final Group group;
    private final List<String> ids;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final Server[] servers;
    private final ServerEffects[] effects;
    private final boolean[] live;
    private final boolean[] startsLate; // a LateStart is scheduled: the server is down until it
    private final long[] pausedUntilMicros; // a server is paused while the clock reads less than its entry
    private final long[] timerGeneration;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>(Pending.ORDER);
    private final SplittableRandom random;
    private final Network network;
    private final SafetyMonitor safety;
    private final List<StepObserver> observers = new ArrayList<>();
    private final Counters counters = new Counters();
    private Layer layer; // a service run over the election (ServiceSimulation), or null

    private Timeline timeline;
    private boolean started;
    private long nowMicros;
    private long nextSequence;
    private long lastFaultMicros;
    private long convergedSinceMicros = -1;
    private Role roleBefore;
    private long epochBefore;

    /** A simulation of {@code scenario}; nothing happens until one of the {@code run} methods. */
    public Simulation(Scenario scenario) {
        this.scenario = scenario;
        this.group = scenario.group();
        this.ids = scenario.ids();
        int n = ids.size();
        this.servers = new Server[n];
        this.effects = new ServerEffects[n];
        this.live = new boolean[n];
        this.startsLate = new boolean[n];
        this.pausedUntilMicros = new long[n];
        this.timerGeneration = new long[n * TIMER_KINDS];
        this.random = new SplittableRandom(scenario.seed());
        this.network = new Network(ids, scenario.config().delayBounds(), scenario.faults());
        this.safety = new SafetyMonitor(group);
        StepObserver dispatcher = this::stepped;
        for (int i = 0; i < n; i++) {
            indexOf.put(ids.get(i), i);
            servers[i] = new Server(ids.get(i), group, scenario.config());
            servers[i].observeWith(dispatcher);
            effects[i] = new ServerEffects(i);
        }
        for (Fault fault : scenario.faults()) {
            schedule(fault);
        }
    }

    private void markLateStart(Fault fault) {
        if (fault instanceof Fault.LateStart start) {
            if (started) {
                throw new IllegalArgumentException("a late start must be scheduled before the run starts: " + fault);
            }
            startsLate[indexOf.get(start.server())] = true;
        }
    }

    /** Records the run as a {@link Timeline}; call before the run starts. */
    public Simulation recordTimeline() {
        if (started) {
            throw new IllegalStateException("the timeline must be switched on before the run starts");
        }
        timeline = new Timeline();
        return this;
    }

    /** Tells {@code observer} of every step of every server, after the step (traces, extra checks). */
    public Simulation observe(StepObserver observer) {
        observers.add(observer);
        return this;
    }

    /** Runs {@code newLayer} over the election (package-private: {@link ServiceSimulation} does it). */
    void attach(Layer newLayer) {
        if (started || layer != null) {
            throw new IllegalStateException("a layer must be attached once, before the run starts");
        }
        layer = newLayer;
    }

    /** Adds a fault to the schedule; it must not lie in the past. */
    public void schedule(Fault fault) {
        if (fault.atMicros() < nowMicros) {
            throw new IllegalArgumentException("fault in the past at " + Timeline.time(nowMicros) + ": " + fault);
        }
        markLateStart(fault);
        network.addWindow(fault);
        lastFaultMicros = Math.max(lastFaultMicros, fault.lastEffectMicros());
        queue.add(new Pending(fault.atMicros(), Pending.FAULT, nextSequence++, -1, fault, 0));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Running.

    /** Processes every event up to and including {@code untilMicros}; the clock then reads {@code untilMicros}. */
    public void runUntil(long untilMicros) {
        startIfNeeded();
        while (!queue.isEmpty() && queue.peek().atMicros() <= untilMicros) {
            process(queue.poll());
        }
        nowMicros = Math.max(nowMicros, untilMicros);
    }

    /** Runs until the group has converged or {@code deadlineMicros} has come; returns whether it converged. */
    public boolean runUntilConverged(long deadlineMicros) {
        startIfNeeded();
        while (!converged() && !queue.isEmpty() && queue.peek().atMicros() <= deadlineMicros) {
            process(queue.poll());
        }
        if (!converged()) {
            nowMicros = Math.max(nowMicros, deadlineMicros);
        }
        return converged();
    }

    /**
     * For benchmarks: runs to {@code crashAtMicros}, crashes the master there, and runs until every live server
     * recognises one new master. Returns the failover time in microseconds, or -1 if there was no master to crash
     * or no convergence within {@code timeoutMicros}.
     */
    public long failoverMicros(long crashAtMicros, long timeoutMicros) {
        runUntil(crashAtMicros);
        String master = master();
        if (master == null) {
            return -1;
        }
        schedule(new Fault.Crash(crashAtMicros, master));
        runUntil(crashAtMicros);
        return runUntilConverged(crashAtMicros + timeoutMicros) ? nowMicros - crashAtMicros : -1;
    }

    private void startIfNeeded() {
        if (started) {
            return;
        }
        started = true;
        for (int i = 0; i < servers.length; i++) {
            if (!startsLate[i]) {
                live[i] = true;
                step(i, Event.Start.INSTANCE);
            }
        }
        updateConvergence();
    }

    private void process(Pending pending) {
        nowMicros = pending.atMicros();
        int i = pending.server(); // -1 for faults and client arrivals
        if (i >= 0 && pausedUntilMicros[i] > nowMicros) {
            // A paused process takes nothing in: whatever comes due for it waits until it wakes, in order.
            enqueue(pausedUntilMicros[i], pending.order(), i, pending.what(), pending.generation());
            return;
        }
        counters.eventsProcessed++;
        if (pending.what() instanceof Fault fault) {
            inject(fault);
        } else if (pending.what() instanceof Delivery delivery) {
            if (live[i] && network.connected(delivery.from(), i)) {
                step(i, new Event.Receive(ids.get(delivery.from()), delivery.message()));
            } else {
                counters.messagesLost++;
            }
        } else if (pending.what() instanceof Timer timer) {
            if (live[i] && timerGeneration[i * TIMER_KINDS + timer.ordinal()] == pending.generation()) {
                step(i, new Event.TimerFired(timer));
            }
        } else if (layer != null) {
            layer.fire(pending);
        }
    }

    private void inject(Fault fault) {
        if (timeline != null) {
            timeline.fault(nowMicros, fault);
        }
        if (fault instanceof Fault.LateStart start) {
            int i = indexOf.get(start.server());
            if (startsLate[i] && !live[i]) { // once, and not if a restart brought it up meanwhile
                startsLate[i] = false;
                live[i] = true;
                step(i, Event.Start.INSTANCE);
            }
        } else if (fault instanceof Fault.Crash crash) {
            crash(indexOf.get(crash.server()));
        } else if (fault instanceof Fault.Restart restart) {
            int i = indexOf.get(restart.server());
            crash(i);
            live[i] = true;
            pausedUntilMicros[i] = 0;
            step(i, Event.Restart.INSTANCE);
        } else if (fault instanceof Fault.Pause pause) {
            int i = indexOf.get(pause.server());
            pausedUntilMicros[i] = Math.max(pausedUntilMicros[i], pause.untilMicros());
        } else if (fault instanceof Fault.Partition partition) {
            network.partition(partition.sides(), indexOf);
        } else if (fault instanceof Fault.Heal) {
            network.heal();
        }
        updateConvergence();
    }

    /** A crashed server receives nothing, and the timers it had armed are dropped. */
    private void crash(int i) {
        live[i] = false;
        pausedUntilMicros[i] = 0;
        if (layer != null) {
            layer.crashed(i);
        }
        for (int t = 0; t < TIMER_KINDS; t++) {
            timerGeneration[i * TIMER_KINDS + t]++;
        }
    }

    private void step(int i, Event event) {
        Server server = servers[i];
        roleBefore = server.role();
        epochBefore = server.epoch();
        try {
            server.step(event, nowMicros, effects[i]);
        } catch (RuntimeException | AssertionError e) {
            throw new IllegalStateException("the core failed at " + Timeline.time(nowMicros) + " in " + ids.get(i)
                    + " on " + event + ": " + e.getMessage() + "\n  replay: " + scenario, e);
        }
        if (layer != null) {
            layer.afterStep(i, event);
        }
        updateConvergence();
    }

    private void stepped(Server server, Action action, Event cause, long stepMicros) {
        counters.steps++;
        if (action == Action.ELECTION_TIMEOUT) {
            counters.electionsWon++;
        } else if (action == Action.INQUIRY_TIMEOUT) {
            counters.inquiryTimeouts++;
        }
        safety.afterStep(stepMicros, server, action, roleBefore, epochBefore);
        if (timeline != null) {
            timeline.step(stepMicros, server, action.specName(), cause);
        }
        for (StepObserver observer : observers) {
            observer.stepped(server, action, cause, stepMicros);
        }
    }

    private void updateConvergence() {
        if (isConvergedNow()) {
            if (convergedSinceMicros < 0) {
                convergedSinceMicros = nowMicros;
            }
        } else {
            convergedSinceMicros = -1;
        }
    }

    /** Exactly one live MASTER, recognised by every live server; runs after every step, so it allocates nothing. */
    private boolean isConvergedNow() {
        String master = null;
        for (int i = 0; i < servers.length; i++) {
            if (live[i] && servers[i].role() == Role.MASTER) {
                if (master != null) {
                    return false;
                }
                master = ids.get(i);
            }
        }
        if (master == null) {
            return false;
        }
        for (int i = 0; i < servers.length; i++) {
            if (live[i] && !master.equals(servers[i].master())) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Queries.

    /** The one MASTER among the live servers, or {@code null} if there is none or more than one. */
    public String master() {
        List<String> masters = masters();
        return masters.size() == 1 ? masters.get(0) : null;
    }

    /** Every live server whose role is MASTER. */
    public List<String> masters() {
        List<String> masters = new ArrayList<>(1);
        for (int i = 0; i < servers.length; i++) {
            if (live[i] && servers[i].role() == Role.MASTER) {
                masters.add(ids.get(i));
            }
        }
        return masters;
    }

    /** Whether there is exactly one MASTER among the live servers and every live server recognises it. */
    public boolean converged() {
        return convergedSinceMicros >= 0;
    }

    /** Since when the group has been converged without a break, or -1 if it is not converged now. */
    public long convergedSinceMicros() {
        return convergedSinceMicros;
    }

    /** How long after the last fault the group converged (0 if it stayed converged), or -1 if it is not converged. */
    public long convergenceAfterLastFaultMicros() {
        return converged() ? Math.max(0, convergedSinceMicros - lastFaultMicros) : -1;
    }

    /** When the last fault of the schedule has had its last effect ({@link Fault#lastEffectMicros()}), or 0. */
    public long lastFaultMicros() {
        return lastFaultMicros;
    }

    /** The virtual clock. */
    public long nowMicros() {
        return nowMicros;
    }

    /** The scenario this simulation runs. */
    public Scenario scenario() {
        return scenario;
    }

    /** The members. */
    public List<String> ids() {
        return ids;
    }

    /** The live members. */
    public List<String> liveIds() {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < servers.length; i++) {
            if (live[i]) {
                result.add(ids.get(i));
            }
        }
        return result;
    }

    /** The protocol core of member {@code id}, for reading its state. */
    public Server server(String id) {
        return servers[indexOf.get(id)];
    }

    /** Whether member {@code id} is up. */
    public boolean isLive(String id) {
        return live[indexOf.get(id)];
    }

    /** The safety violations seen so far, each with its time; empty on a correct core. */
    public List<String> violations() {
        return safety.violations();
    }

    /** The recorded run, or {@code null} if {@link #recordTimeline} was not called. */
    public Timeline timeline() {
        return timeline;
    }

    /** Counts of what happened so far. */
    public Counters counters() {
        return counters;
    }

    // ---------------------------------------------------------------------------------------------------------
    // For a layer: the same queue, network, generator and liveness as the election's messages.

    /** Queues an event of the layer's own ({@code what}) for server {@code server}; it comes back in {@link Layer#fire}. */
    void enqueue(long atMicros, int order, int server, Object what, long generation) {
        queue.add(new Pending(atMicros, order, nextSequence++, server, what, generation));
    }

    /** The delay of a message sent now from server {@code from} to {@code to}, or {@link Network#LOST}. */
    long delayMicros(int from, int to) {
        return network.delayMicros(from, to, nowMicros, random);
    }

    /** The delay of a message between server {@code server} and a harness's service, either way. */
    long serviceDelayMicros(int server) {
        return network.serviceDelayMicros(server, random);
    }

    /** Whether a message from server {@code from} reaches {@code to} now (no partition between them). */
    boolean connected(int from, int to) {
        return network.connected(from, to);
    }

    /** Whether server {@code index} is up. */
    boolean live(int index) {
        return live[index];
    }

    /** The protocol core of server {@code index}. */
    Server serverAt(int index) {
        return servers[index];
    }

    /** The index of member {@code id}. */
    int indexOf(String id) {
        return indexOf.get(id);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What the core of server {@code index} decides goes to the network and the event queue. */
    private final class ServerEffects implements Effects {
        private final int index;

        ServerEffects(int index) {
            this.index = index;
        }

        @Override
        public void send(String to, Message message) {
            counters.count(message);
            safety.sent(nowMicros, ids.get(index), message);
            int target = indexOf.get(to);
            long delay = network.delayMicros(index, target, nowMicros, random);
            if (delay == Network.LOST) {
                counters.messagesLost++;
                return;
            }
            queue.add(new Pending(nowMicros + delay, Pending.DELIVERY, nextSequence++, target,
                    new Delivery(index, message), 0));
        }

        @Override
        public void arm(Timer timer, long deadlineMicros) {
            long generation = ++timerGeneration[index * TIMER_KINDS + timer.ordinal()];
            queue.add(new Pending(deadlineMicros, Pending.TIMER, nextSequence++, index, timer, generation));
        }

        @Override
        public void cancel(Timer timer) {
            timerGeneration[index * TIMER_KINDS + timer.ordinal()]++;
        }
    }
}
