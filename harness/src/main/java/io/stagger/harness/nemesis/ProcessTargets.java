package io.stagger.harness.nemesis;

import io.stagger.harness.net.Network;
import io.stagger.harness.proc.Cluster;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The nemesis's hold on a run: the nodes' processes of a {@link Cluster} and the simulated {@link Network}. */
public final class ProcessTargets implements FaultTargets {
    private final Cluster cluster;
    private final Network network;

    public ProcessTargets(Cluster cluster, Network network) {
        this.cluster = cluster;
        this.network = network;
    }

    @Override
    public List<String> ids() {
        return cluster.ids();
    }

    @Override
    public void kill(String node) {
        cluster.node(node).kill();
    }

    @Override
    public long restart(String node) {
        return cluster.node(node).start();
    }

    @Override
    public void pause(String node) {
        cluster.node(node).pause();
    }

    @Override
    public void resume(String node) {
        cluster.node(node).resume();
    }

    @Override
    public void stall(String node, boolean stopped) {
        cluster.node(node).stall(stopped);
    }

    @Override
    public void partition(Map<String, Set<String>> blockedSourcesByDestination) {
        network.partition(blockedSourcesByDestination);
    }

    @Override
    public void loss(double probability) {
        network.loss(probability);
    }

    @Override
    public void slow(long extraNanos) {
        network.slow(extraNanos);
    }
}
