package io.stagger.check;

import tlc2.TLC;
import tlc2.TLCGlobals;
import tlc2.tool.AbstractChecker;
import tlc2.tool.ModelChecker;

/**
 * The entry point of the child JVM that runs TLC: TLC itself reports progress only once a minute, so a daemon
 * thread prints the model checker's counters every {@link #INTERVAL_MILLIS} for the parent to show.
 */
public final class TlcMain {
    /** Marks a progress line: distinct states, states generated, states on the queue. */
    public static final String PROGRESS_PREFIX = "@@stagger-progress ";
    static final long INTERVAL_MILLIS = 2000;

    private TlcMain() {
    }

    /** Runs TLC with {@code args}, as {@code tlc2.TLC} would. */
    public static void main(String[] args) throws Exception {
        Thread reporter = new Thread(TlcMain::reportForever, "stagger-progress");
        reporter.setDaemon(true);
        reporter.start();
        TLC.main(args);
    }

    private static void reportForever() {
        while (true) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            AbstractChecker checker = TLCGlobals.mainChecker;
            if (checker instanceof ModelChecker modelChecker) {
                try {
                    System.out.println(PROGRESS_PREFIX + modelChecker.getDistinctStatesGenerated() + " "
                            + modelChecker.getStatesGenerated() + " " + modelChecker.getStateQueueSize());
                } catch (RuntimeException notReadyYet) {
                    // The checker is still setting up its state queue; the next round will do.
                }
            }
        }
    }
}
