package io.stagger.runtime;

import io.stagger.service.FrontDoor;
import io.stagger.service.KvReplica;
import java.util.List;

/** How a node builds its service's front door at {@code init}. */
@FunctionalInterface
public interface FrontDoors {
    /**
     * The product's: the front door over a {@link KvReplica} as the node's options say. (A class, not a lambda: it
     * is made in every start; see MaelstromNode.)
     */
    FrontDoors PRODUCT = new FrontDoors() {
        @Override
        public FrontDoor create(Setup setup, FrontDoor.Out out) {
            return new FrontDoor(new KvReplica(setup.self(), setup.members(), setup.incarnation(),
                    setup.retryMicros(), setup.majorityRule(), setup.snapshotPeriodMicros()),
                    setup.self(), setup.members(), out);
        }
    };

    /** The front door of {@code setup.self()}, writing its effects to {@code out}. */
    FrontDoor create(Setup setup, FrontDoor.Out out);

    /** What the node knows at {@code init} that the service needs (the replica's arguments). */
    record Setup(String self, List<String> members, long incarnation, long retryMicros, boolean majorityRule,
                 long snapshotPeriodMicros) {}
}
