package io.stagger.harness.workload;

import io.stagger.check.Checker;
import io.stagger.harness.nemesis.MasterQuery;

/**
 * A workload as Maelstrom and Jepsen assemble one: its name, its defaults, the generator of operations, the client
 * that completes them from replies, and the checker of the history. One object may play both the generator and the
 * client (they share what the replies teach, such as the sessions of the conference); the checker is always apart.
 */
public record Workload(String name, Defaults defaults, Generator generator, OpClient client, Checker checker) {
    /** A workload with Maelstrom's defaults whose generator and client are one object. */
    public static <T extends Generator & OpClient> Workload of(String name, T generatorAndClient, Checker checker) {
        return new Workload(name, Defaults.MAELSTROM, generatorAndClient, generatorAndClient, checker);
    }

    /** How the nemesis finds this workload's master (election, conference: from the replies), or null if it has none. */
    public MasterQuery masterQuery() {
        return generator instanceof MasterQuery query ? query : null;
    }
}
