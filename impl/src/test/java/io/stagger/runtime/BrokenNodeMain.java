package io.stagger.runtime;

import io.stagger.service.ConferenceOp;
import io.stagger.service.ConferenceState;
import io.stagger.service.FrontDoor;
import io.stagger.service.KvMessage;
import io.stagger.service.KvReplica;
import io.stagger.service.KvResult;
import io.stagger.service.ReplicatedOp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately broken node, built from the product's classes, for the tests that show the harness's checkers catch
 * what they claim to catch (docs/CONFERENCE.md, "Broken variants"). The shipped node has no such option:
 * {@code java -cp impl/target/test-classes:impl/target/stagger-node.jar io.stagger.runtime.BrokenNodeMain
 * --break access-check|replication [node options]}.
 */
public final class BrokenNodeMain {
    /** What is broken. */
    enum Break {
        /** {@code doc_write} skips the access check (on every replica alike). */
        ACCESS_CHECK,
        /** The master answers at once and sends its backups neither batches nor snapshots. */
        REPLICATION
    }

    private BrokenNodeMain() {}

    public static void main(String[] args) {
        Set<Break> breaks = EnumSet.noneOf(Break.class);
        List<String> nodeArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--break=") ? args[i].substring("--break=".length())
                    : args[i].equals("--break") && i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                nodeArgs.add(args[i]);
                continue;
            }
            for (String what : value.split(",")) {
                switch (what.strip()) {
                    case "access-check" -> breaks.add(Break.ACCESS_CHECK);
                    case "replication" -> breaks.add(Break.REPLICATION);
                    default -> {
                        System.err.println("broken-node: --break must be access-check or replication, not '"
                                + what.strip() + "'");
                        System.exit(2);
                    }
                }
            }
        }
        System.err.println("DELIBERATELY BROKEN (--break " + breaks + "): for testing the checkers only");
        System.exit(NodeMain.execute(nodeArgs.toArray(String[]::new), frontDoors(breaks)));
    }

    /** The product's front door over a replica broken as {@code breaks} say. */
    static FrontDoors frontDoors(Set<Break> breaks) {
        boolean replication = breaks.contains(Break.REPLICATION);
        ReplicatedOp.Application application = breaks.contains(Break.ACCESS_CHECK)
                ? BrokenNodeMain::withoutAccessCheck : ReplicatedOp.Application.AS_SPECIFIED;
        return (setup, out) -> new FrontDoor(new KvReplica(setup.self(), setup.members(), setup.incarnation(),
                setup.retryMicros(), setup.majorityRule() && !replication, setup.snapshotPeriodMicros(), application),
                setup.self(), setup.members(), replication ? new WithoutReplication(out) : out);
    }

    /** A {@code doc_write} applied as if its client had access to the document; everything else as specified. */
    static KvResult withoutAccessCheck(ReplicatedOp op, Map<String, Object> state) {
        if (!(op instanceof ConferenceOp write) || write.kind() != ConferenceOp.Kind.DOC_WRITE
                || !(state.get(ConferenceOp.metaKey(write.conference())) instanceof ConferenceState before)) {
            return op.applyTo(state);
        }
        String key = ConferenceOp.metaKey(write.conference());
        List<String> access = new ArrayList<>(before.access());
        if (!access.contains(write.client())) {
            access.add(write.client());
        }
        state.put(key, before.withAccess(access));
        KvResult result = op.applyTo(state);
        state.put(key, ((ConferenceState) state.get(key)).withAccess(before.access()));
        return result;
    }

    /** The front door's effects, but the master's batches and snapshots never leave. */
    private record WithoutReplication(FrontDoor.Out out) implements FrontDoor.Out {
        @Override
        public void send(String to, KvMessage message) {
            if (!(message instanceof KvMessage.Replicate) && !(message instanceof KvMessage.Sync)) {
                out.send(to, message);
            }
        }

        @Override
        public long forward(String master, io.stagger.service.Request request) {
            return out.forward(master, request);
        }

        @Override
        public void answer(FrontDoor.Handle handle, io.stagger.service.Answer answer) {
            out.answer(handle, answer);
        }

        @Override
        public long callNameServer(io.stagger.service.NameServer.Call call) {
            return out.callNameServer(call);
        }

        @Override
        public void armRetry(long deadlineMicros) {
            out.armRetry(deadlineMicros);
        }

        @Override
        public void log(String text) {
            out.log(text);
        }

        @Override
        public void served(FrontDoor.Handle handle, KvResult result) {
            out.served(handle, result);
        }

        @Override
        public void serving(io.stagger.service.Ballot ballot) {
            out.serving(ballot);
        }
    }
}
