package io.stagger.harness.report;

import io.stagger.harness.net.Journal;
import io.stagger.harness.net.NetStats;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Figures gathered while a run goes on, for the results: init times, message counts of the main phase. */
public final class RunFigures {
    Map<String, Long> initNanos = Map.of();
    Map<String, Long> restartInitNanos = Map.of();
    long mainStartNanos;
    long mainEndNanos;
    long mainStartMessages;
    long mainEndMessages;
    long mainStartServerMessages;
    long mainEndServerMessages;
    NetStats net;
    Set<String> unknownDestinations = Set.of();
    List<Journal.Entry> journal = List.of();

    public void initNanos(Map<String, Long> initNanos) {
        this.initNanos = initNanos;
    }

    public void restartInitNanos(Map<String, Long> restartInitNanos) {
        this.restartInitNanos = restartInitNanos;
    }

    public void mainPhaseStarts(long nanos, NetStats stats) {
        mainStartNanos = nanos;
        mainStartMessages = stats.all().delivered();
        mainStartServerMessages = stats.servers().delivered();
    }

    public void mainPhaseEnds(long nanos, NetStats stats) {
        mainEndNanos = nanos;
        mainEndMessages = stats.all().delivered();
        mainEndServerMessages = stats.servers().delivered();
    }

    public void net(NetStats stats, Set<String> unknownDestinations) {
        this.net = stats;
        this.unknownDestinations = unknownDestinations;
    }

    public void journal(List<Journal.Entry> entries) {
        this.journal = entries;
    }
}
