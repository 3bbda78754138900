package io.stagger.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Action;
import io.stagger.core.Event;
import io.stagger.core.Message;
import io.stagger.core.Role;
import io.stagger.core.Server;
import io.stagger.core.Variant;
import io.stagger.properties.FaultSchedules.Kinds;
import io.stagger.sim.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * PROTOCOL.md §6 and rule 6, seen from outside the simulator's own monitor: a {@code revoke} only ever comes from
 * a stronger rank, a MASTER yields its mastership only to a stronger rank, and with {@code epochs} a server's epoch
 * never decreases (between its restarts: rule 9 loses the state, epoch included).
 */
class RankAndEpochProperties {

    @Property
    void revokeComesOnlyFromAStrongerRank(@ForAll("anyVariantsUnderAllFaults") Scenario scenario) {
        List<String> broken = new ArrayList<>();
        Run run = Run.until(scenario, Run.settledEnd(scenario), sim -> sim.observe((server, action, cause, now) -> {
            if (cause instanceof Event.Receive receive && receive.message() instanceof Message.Revoke revoke
                    && server.group().rank(revoke.master()) >= server.group().rank(revoke.revoked())) {
                broken.add(now + "us: " + server.self() + " received " + revoke);
            }
        }));
        assertThat(broken).as(run::report).isEmpty();
        assertThat(run.safe()).as(run::report).isTrue();
    }

    @Property
    void aMasterYieldsOnlyToAStrongerRank(@ForAll("anyVariantsUnderAllFaults") Scenario scenario) {
        Map<String, Role> lastRole = new HashMap<>();
        List<String> broken = new ArrayList<>();
        Run run = Run.until(scenario, Run.settledEnd(scenario), sim -> sim.observe((server, action, cause, now) -> {
            if (lastRole.get(server.self()) == Role.MASTER && server.role() == Role.BACKUP
                    && server.group().rank(server.master()) > server.rank()) {
                broken.add(now + "us: " + server.self() + " yielded to the weaker " + server.master());
            }
            lastRole.put(server.self(), server.role());
        }));
        assertThat(broken).as(run::report).isEmpty();
    }

    @Property
    void epochNeverDecreases(@ForAll("epochsUnderAllFaults") Scenario scenario) {
        Map<String, Long> lastEpoch = new HashMap<>();
        List<String> broken = new ArrayList<>();
        Run run = Run.until(scenario, Run.settledEnd(scenario), sim -> sim.observe((server, action, cause, now) -> {
            checkEpoch(server, action, lastEpoch, broken, now);
        }));
        assertThat(broken).as(run::report).isEmpty();
        assertThat(run.safe()).as(run::report).isTrue();
    }

    private static void checkEpoch(Server server, Action action, Map<String, Long> lastEpoch, List<String> broken,
            long now) {
        Long before = lastEpoch.get(server.self());
        if (action != Action.RESTART && before != null && server.epoch() < before) {
            broken.add(now + "us: " + server.self() + "'s epoch went from " + before + " to " + server.epoch());
        }
        lastEpoch.put(server.self(), server.epoch());
    }

    @Provide
    Arbitrary<Scenario> anyVariantsUnderAllFaults() {
        return FaultSchedules.scenarios(Setups.setups(Setups.anyVariants()), Kinds.ALL);
    }

    @Provide
    Arbitrary<Scenario> epochsUnderAllFaults() {
        return FaultSchedules.scenarios(Setups.setups(Setups.anyVariantsWith(Variant.EPOCHS)), Kinds.ALL);
    }
}
