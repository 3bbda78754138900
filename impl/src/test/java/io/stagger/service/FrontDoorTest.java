package io.stagger.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The front door's decisions, step by step, with its effects recorded: routing, the name server, a change of master. */
class FrontDoorTest {
    private static final List<String> MEMBERS = List.of("n1", "n2", "n3");
    private static final Request READ = new Request("c1", 7, "read", new KvOp.Read("1"));

    /** Every effect, as text, in order. */
    private final List<String> effects = new ArrayList<>();
    private long nextId = 100;
    private final FrontDoor.Out out = new FrontDoor.Out() {
        @Override
        public void send(String to, KvMessage message) {
            effects.add("send " + to + " " + message.type());
        }

        @Override
        public long forward(String master, Request request) {
            effects.add("forward #" + nextId + " to " + master);
            return nextId++;
        }

        @Override
        public void answer(FrontDoor.Handle handle, Answer answer) {
            effects.add("answer " + handle.replyTo() + " " + handle.inReplyTo() + " " + answer.result());
        }

        @Override
        public long callNameServer(NameServer.Call call) {
            effects.add("name server #" + nextId + " " + call);
            return nextId++;
        }

        @Override
        public void armRetry(long deadlineMicros) {}
    };
    private final FrontDoor n2 = new FrontDoor(new KvReplica("n2", MEMBERS, 1, 1_000), "n2", MEMBERS, out);

    private void client(Request request) {
        n2.receive(new ServiceInput.ClientRequest(request), 0);
    }

    @Test
    void aBackupForwardsToItsMasterAndRelaysTheAnswer() {
        n2.election(Role.BACKUP, "n1", 0);
        client(READ);
        Answer value = new Answer(new KvResult.Value("5"), null);
        n2.receive(new ServiceInput.ForwardAnswered(100, value), 0);
        n2.receive(new ServiceInput.ForwardAnswered(100, value), 0); // a duplicate is relayed once
        assertThat(effects).containsExactly("forward #100 to n1", "answer c1 7 Value[value=5]");
    }

    @Test
    void aChangeOfMasterAnswersWhatWasForwardedWithError0AndTheRetryGoesToTheNewMaster() {
        n2.election(Role.BACKUP, "n1", 0);
        client(READ);
        n2.election(Role.WAITING, null, 0);
        n2.receive(new ServiceInput.ForwardAnswered(100, new Answer(KvResult.OK, null)), 0); // too late: dropped
        n2.election(Role.BACKUP, "n3", 0);
        client(READ);
        assertThat(effects).containsExactly("forward #100 to n1",
                "answer c1 7 Indefinite[why=forwarded to n1, which is no longer the master here; it may or may not"
                        + " have happened]",
                "forward #101 to n3");
    }

    @Test
    void withNoMasterItAsksTheNameServerAndForwardsToTheOneRegistered() {
        n2.election(Role.WAITING, null, 0);
        client(READ);
        n2.receive(new ServiceInput.NameServerAnswered(100,
                new NameServer.ReadOk(NameServer.Value.registration("n3", new Ballot(2, "n3", 1)))), 0);
        assertThat(effects).containsExactly("name server #100 Read[]", "forward #101 to n3");
    }

    @Test
    void aLookUpAnsweredAfterTheElectionNamedAMasterGoesToThatMasterNotToTheStaleRegistration() {
        n2.election(Role.WAITING, null, 0);
        client(READ);
        n2.election(Role.BACKUP, "n3", 0);
        n2.receive(new ServiceInput.NameServerAnswered(100,
                new NameServer.ReadOk(NameServer.Value.registration("n1", new Ballot(1, "n1", 1)))), 0);
        assertThat(effects).containsExactly("name server #100 Read[]", "forward #101 to n3");
    }

    @Test
    void aForwardedRequestToANonMasterIsRefusedAsUnavailable() {
        n2.election(Role.BACKUP, "n1", 0);
        n2.receive(new ServiceInput.Forwarded("n3", 9, READ), 0);
        assertThat(effects).containsExactly("answer n3 9 Unavailable[why=n2 is not the master]");
    }
}
