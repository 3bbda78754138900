package io.stagger.core;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Groups, configurations and servers put into each role by real steps, for the rule tests. */
final class Fixtures {
    static final long P = 100_000;
    static final long T = 50_000;
    static final long B = 100_000;
    static final long D = 20_000;
    static final List<String> IDS = List.of("n1", "n2", "n3", "n4");

    private Fixtures() {}

    static Config config(Set<Variant> variants) {
        return new Config(variants.isEmpty() ? EnumSet.noneOf(Variant.class) : EnumSet.copyOf(variants),
                Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(100),
                new DelayBounds.Uniform(Duration.ofMillis(20)), new RankRule.ByPosition());
    }

    static Group group() {
        return Group.of(IDS, new RankRule.ByPosition());
    }

    /** Server {@code id} after Start at time 0. */
    static Server started(String id, Set<Variant> variants) {
        Server server = new Server(id, group(), config(variants));
        server.start(0, Effects.NONE);
        return server;
    }

    /** A BACKUP of n1 with an inquiry outstanding (sent at P). */
    static Server inquiring(String id, Set<Variant> variants) {
        Server server = started(id, variants);
        server.detectionTick(P, Effects.NONE);
        return server;
    }

    /** A WAITING server: its inquiry to n1 timed out at P + T. */
    static Server waiting(String id, Set<Variant> variants) {
        Server server = inquiring(id, variants);
        server.inquiryTimeout(P + T, Effects.NONE);
        return server;
    }

    /** A MASTER by election (epoch 1 with epochs): n1 failed, the election timer fired. */
    static Server electedMaster(String id, Set<Variant> variants) {
        Server server = waiting(id, variants);
        server.electionTimeout(server.deadlineMicros(Timer.ELECTION), Effects.NONE);
        return server;
    }

    /** The time just after every setup above. */
    static final long LATER = 10_000_000;
}
