package io.stagger.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service rule of docs/SERVICE.md on replicas driven by a tiny seeded network in the test: messages delivered in
 * any order, dropped, and leaders changed at any moment, even two at once. Whatever happens, two acknowledged
 * batches never give different operations to the same position, and every acknowledged write is in the state of
 * every later leader.
 */
class KvReplicaTest {
    private static final List<String> IDS = List.of("n1", "n2", "n3");

    /** A network of replicas with an in-flight list that the test delivers from. */
    static final class Net implements KvEffects {
        record InFlight(String from, String to, KvMessage message) {}

        final Map<String, KvReplica> replicas = new LinkedHashMap<>();
        final List<InFlight> inFlight = new ArrayList<>();
        final Map<Object, KvResult> answers = new HashMap<>();
        final List<Commit> commits = new ArrayList<>();
        final Map<Object, KvOp> opOf = new HashMap<>();

        /** One acknowledged operation: who answered it, in which ballot, at which version of its state. */
        record Commit(String leader, Ballot ballot, long version, Map<String, Object> state, Object request) {}
        String sender;

        Net(int incarnation) {
            for (String id : IDS) {
                replicas.put(id, new KvReplica(id, IDS, incarnation, 1_000));
            }
        }

        KvEffects as(String id) {
            sender = id;
            return this;
        }

        @Override
        public void send(String to, KvMessage message) {
            inFlight.add(new InFlight(sender, to, message));
        }

        @Override
        public void answer(Object request, KvResult result) {
            assertThat(answers).as("answered twice: " + request).doesNotContainKey(request);
            answers.put(request, result);
            if (!(result instanceof KvResult.Unavailable) && !(result instanceof KvResult.Indefinite)) {
                KvReplica leader = replicas.get(sender);
                commits.add(new Commit(sender, leader.ballot(), leader.version(), leader.state(), request));
            }
        }

        /**
         * Positions of acknowledged operations: a leader answers a batch at once, in order, when its state is at the
         * batch's last version; so consecutive answers with the same leader, ballot and version are one batch.
         */
        Map<Long, Object> positions() {
            Map<Long, Object> byPosition = new HashMap<>();
            Map<Long, Map<String, Object>> stateAt = new HashMap<>();
            int i = 0;
            while (i < commits.size()) {
                Commit first = commits.get(i);
                int j = i;
                while (j < commits.size() && commits.get(j).leader().equals(first.leader())
                        && commits.get(j).ballot().equals(first.ballot()) && commits.get(j).version() == first.version()) {
                    j++;
                }
                long position = first.version() - (j - i) + 1;
                for (int k = i; k < j; k++, position++) {
                    Object earlier = byPosition.putIfAbsent(position, commits.get(k).request());
                    assertThat(earlier == null || earlier.equals(commits.get(k).request()))
                            .as("position %d acknowledged as %s and as %s", position, earlier, commits.get(k).request())
                            .isTrue();
                }
                Map<String, Object> earlierState = stateAt.putIfAbsent(first.version(), first.state());
                assertThat(earlierState == null || earlierState.equals(first.state()))
                        .as("two leaders acknowledged version %d with different states", first.version()).isTrue();
                i = j;
            }
            return byPosition;
        }

        @Override
        public void armRetry(long deadlineMicros) {}

        @Override
        public void serving(Ballot ballot) {}

        void deliver(int index) {
            InFlight m = inFlight.remove(index);
            replicas.get(m.to()).receive(m.from(), m.message(), 0, as(m.to()));
        }

        void deliverAll() {
            while (!inFlight.isEmpty()) {
                deliver(0);
            }
        }

        void request(String at, Object handle, KvOp op) {
            opOf.put(handle, op);
            replicas.get(at).request(handle, op, 0, as(at));
        }
    }

    @Test
    void aLeaderAnswersOnlyOnceAMajorityHoldsTheWrite() {
        Net net = new Net(1);
        net.replicas.get("n1").lead(0, net.as("n1"));
        net.deliverAll();
        assertThat(net.replicas.get("n1").serving()).isTrue();

        net.request("n1", "w1", new KvOp.Write("1", "10"));
        assertThat(net.answers).isEmpty();
        // one backup's ack makes a majority of three
        Net.InFlight toN2 = net.inFlight.stream().filter(m -> m.to().equals("n2")).findFirst().orElseThrow();
        net.deliver(net.inFlight.indexOf(toN2));
        Net.InFlight ack = net.inFlight.stream().filter(m -> m.message() instanceof KvMessage.Ack).findFirst().orElseThrow();
        net.deliver(net.inFlight.indexOf(ack));
        assertThat(net.answers).containsEntry("w1", KvResult.OK);
    }

    @Test
    void aNewLeaderStartsFromEveryAcknowledgedWriteAndFencesTheOldOne() {
        Net net = new Net(1);
        net.replicas.get("n1").lead(0, net.as("n1"));
        net.deliverAll();
        net.request("n1", "w1", new KvOp.Write("1", "10"));
        net.deliverAll();
        assertThat(net.answers).containsEntry("w1", KvResult.OK);

        // n1 sends w2 out; before it arrives anywhere n3 leads: the majority that promised n3 refuses w2, and n1
        // answers it as indefinite (it may or may not survive), never as done.
        net.request("n1", "w2", new KvOp.Write("1", "20"));
        List<Net.InFlight> w2Replicas = new ArrayList<>(net.inFlight);
        net.inFlight.clear();
        net.replicas.get("n3").lead(0, net.as("n3"));
        net.inFlight.removeIf(m -> m.to().equals("n1")); // n1 never hears of n3
        net.deliverAll();
        assertThat(net.replicas.get("n3").serving()).isTrue();
        net.inFlight.addAll(w2Replicas);
        net.deliverAll();
        assertThat(net.answers.get("w2")).isInstanceOf(KvResult.Indefinite.class);
        assertThat(net.replicas.get("n1").serving()).isFalse();

        net.request("n3", "r1", new KvOp.Read("1"));
        net.deliverAll();
        assertThat(net.answers).containsEntry("r1", new KvResult.Value("10"));
    }

    @Test
    void casAndReadOfAMissingKeyGiveMaelstromsErrors() {
        Net net = new Net(1);
        net.replicas.get("n2").lead(0, net.as("n2"));
        net.deliverAll();
        net.request("n2", "r", new KvOp.Read("7"));
        net.request("n2", "c1", new KvOp.Cas("7", "1", "2", false));
        net.request("n2", "c2", new KvOp.Cas("7", "1", "2", true));
        net.request("n2", "c3", new KvOp.Cas("7", "1", "3", false));
        net.deliverAll();
        assertThat(net.answers.get("r")).isEqualTo(KvResult.NO_SUCH_KEY);
        assertThat(net.answers.get("c1")).isEqualTo(KvResult.NO_SUCH_KEY);
        assertThat(net.answers.get("c2")).isEqualTo(KvResult.OK);
        assertThat(net.answers.get("c3")).isEqualTo(new KvResult.PreconditionFailed("2"));
    }

    @Test
    void aFollowerRefusesRequests() {
        Net net = new Net(1);
        net.request("n2", "w", new KvOp.Write("1", "1"));
        assertThat(net.answers.get("w")).isInstanceOf(KvResult.Unavailable.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void noAcknowledgedWriteIsLostOrReorderedUnderAnySchedule(long seed) {
        runSchedule(seed, false);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118,
        119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130})
    void noAcknowledgedWriteIsLostAcrossCrashesAndRestarts(long seed) {
        runSchedule(seed, true);
    }

    private static void runSchedule(long seed, boolean crashes) {
        Random random = new Random(seed);
        Net net = new Net(1);
        int handles = 0;
        for (int step = 0; step < 3_000; step++) {
            int choice = random.nextInt(100);
            String someone = IDS.get(random.nextInt(IDS.size()));
            if (choice < 5) {
                net.replicas.get(someone).lead(step, net.as(someone));
            } else if (choice < 8) {
                net.replicas.get(someone).follow(net.as(someone));
            } else if (choice < 10) {
                net.replicas.get(someone).retry(step, net.as(someone));
            } else if (choice < 11 && crashes && net.replicas.values().stream().noneMatch(KvReplica::recovering)) {
                // A crash loses everything; the restarted replica recovers from the others before it votes. Only a
                // minority is ever down or recovering at once: with nothing on disk, the crash of a majority can
                // lose acknowledged writes, and the replicas then refuse to recover rather than serve a wrong state.
                KvReplica restarted = new KvReplica(someone, IDS, 1_000 + step, 1_000);
                net.replicas.put(someone, restarted);
                restarted.recover(step, net.as(someone));
            } else if (choice < 30) {
                String key = String.valueOf(random.nextInt(3));
                String value = String.valueOf(step);
                KvOp op = random.nextBoolean() ? new KvOp.Write(key, value)
                        : random.nextBoolean() ? new KvOp.Read(key)
                        : new KvOp.Cas(key, String.valueOf(random.nextInt(step + 1)), value, false);
                net.request(someone, "op" + handles++, op);
            } else if (!net.inFlight.isEmpty()) {
                int index = random.nextInt(net.inFlight.size());
                if (choice < 35) {
                    net.inFlight.remove(index); // lost
                } else {
                    net.deliver(index);
                }
            }
        }
        // Two acknowledged batches never give different operations to one position, and two leaders that
        // acknowledged the same version held the same state there: no acknowledged write was lost or reordered.
        Map<Long, Object> positions = net.positions();
        assertThat(positions.size()).as("operations acknowledged in seed " + seed).isGreaterThan(10);
        long leaders = net.commits.stream().map(Net.Commit::ballot).distinct().count();
        assertThat(leaders).as("ballots that acknowledged operations in seed " + seed).isGreaterThan(1);
    }
}
