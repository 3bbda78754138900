package io.stagger.harness;

import io.stagger.harness.net.Network;
import io.stagger.history.History;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on stderr: phase, elapsed time, operations and messages so far. */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private static final long REFRESH_MILLIS = 250;

    private final PrintStream err;
    private final RunClock clock;
    private final History history;
    private final Network network;
    private final Thread thread;
    private volatile String phase = "starting nodes";
    private volatile long phaseStartNanos;
    private volatile double phaseSeconds;
    private volatile boolean running = true;

    ProgressBar(PrintStream err, RunClock clock, History history, Network network, boolean enabled) {
        this.err = err;
        this.clock = clock;
        this.history = history;
        this.network = network;
        this.thread = new Thread(this::loop, "progress");
        this.thread.setDaemon(true);
        if (enabled) {
            thread.start();
        }
    }

    void phase(String name, double seconds) {
        phaseStartNanos = clock.now();
        phaseSeconds = seconds;
        phase = name;
    }

    private void loop() {
        try {
            while (running) {
                err.print("\r" + line());
                err.flush();
                Thread.sleep(REFRESH_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String line() {
        double elapsed = (clock.now() - phaseStartNanos) / 1e9;
        double fraction = phaseSeconds > 0 ? Math.min(1, elapsed / phaseSeconds) : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %-10s %5.1f/%.0fs  ops %d (%d ok)  msgs %d   ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), phase, elapsed, phaseSeconds, history.invocations(),
                history.oks(), network.stats().all().delivered());
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        if (thread.isAlive()) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.println("\r" + line());
        }
    }
}
