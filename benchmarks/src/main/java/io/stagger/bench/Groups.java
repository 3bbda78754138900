package io.stagger.bench;

import io.stagger.core.Config;
import io.stagger.core.Effects;
import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.RankRule;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.Timer;
import java.util.ArrayList;
import java.util.List;

/** Groups of {@code n} servers {@code n1 … nN} ranked by position, and servers put into a role by real steps. */
final class Groups {
    /** P of {@link Config#defaults()}, in microseconds: the fake clock advances by it between detection ticks. */
    static final long DETECTION_PERIOD_MICROS = 100_000;
    /** T of {@link Config#defaults()}, in microseconds. */
    static final long INQUIRY_TIMEOUT_MICROS = 50_000;

    private Groups() {}

    /** The ids {@code n1 … nN}, rank 1 first. */
    static List<String> ids(int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            ids.add(id(i));
        }
        return ids;
    }

    /** The id of the server of rank {@code rank}. */
    static String id(int rank) {
        return "n" + rank;
    }

    /** A group of {@code n} servers ranked by position. */
    static Group ofSize(int n) {
        return Group.of(ids(n), new RankRule.ByPosition());
    }

    /**
     * The product's default configuration with the start allowance at P (its least): with {@code patient}, a starting
     * BACKUP's first detection tick is then due at P, where the steady state the benchmarks repeat begins.
     */
    static final Config CONFIG = Config.defaults().withStartAllowance(Config.defaults().detectionPeriod());

    /** Server {@code self} of {@code group} with {@link #CONFIG}, after Start at time 0. */
    static Server started(String self, Group group) {
        Server server = new Server(self, group, CONFIG);
        server.step(Event.Start.INSTANCE, 0, Effects.NONE);
        return server;
    }

    /** Fails the benchmark loudly if a state-restoring sequence did not restore {@code server}'s role. */
    static void requireRole(Server server, Role expected) {
        if (server.role() != expected) {
            throw new IllegalStateException("benchmark state drifted: expected " + expected + ", got " + server);
        }
    }

    /** Fails the benchmark loudly if {@code timer} is not armed at {@code expectedMicros}: a step was ignored. */
    static void requireDeadline(Server server, Timer timer, long expectedMicros) {
        if (server.deadlineMicros(timer) != expectedMicros) {
            throw new IllegalStateException("benchmark state drifted: expected " + timer + " at " + expectedMicros
                    + "us, got " + server);
        }
    }
}
