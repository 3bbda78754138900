package io.stagger.harness.nemesis;

/**
 * How the nemesis finds the master it targets ({@link ScheduledFault#MASTER}): the run's view of which node most
 * nodes recognise. A run whose workload knows no master has none, and its schedules never name the master.
 */
public interface MasterQuery {
    /** The node that most nodes currently recognise as master, or null when none is known. */
    String likelyMaster();

    /** Told when the nemesis kills a node: what that node recognised is gone with it. */
    default void nodeKilled(String node) {}
}
