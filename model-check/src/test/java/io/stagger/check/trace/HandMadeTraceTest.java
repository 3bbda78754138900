package io.stagger.check.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.check.CheckCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-made traces of three servers (P = 100 ms, T = 50 ms, B = 100 ms, d = 20 ms, announce + epochs): n1 falls
 * silent, n2 and n3 time out and n2 takes over; then n1 is heard again. The correct trace is accepted; each trace in
 * which one server breaks one rule is rejected, naming that event.
 */
class HandMadeTraceTest {

    /** Events 1-12: the start, n1's last announce, both inquiries unanswered, n2 elected (E(2) = B), n3 follows. */
    static List<String> failover(long electionAt) {
        List<String> events = new ArrayList<>();
        events.add(start(0, 1, "MASTER", 1));
        events.add(start(0, 2, "BACKUP", 1));
        events.add(start(0, 3, "BACKUP", 1));
        events.add(timer(100_000, 1, "AnnounceTick", "announce", "MASTER", 1, 0));
        events.add(timer(100_000, 2, "DetectionTick", "detection", "BACKUP", 1, 0));
        events.add(timer(100_000, 3, "DetectionTick", "detection", "BACKUP", 1, 0));
        events.add(receive(105_000, 2, "ReceiveDeclare", 1, "declare", 1, 0, 0, "BACKUP", 1, 0));
        events.add(receive(106_000, 3, "ReceiveDeclare", 1, "declare", 1, 0, 0, "BACKUP", 1, 0));
        events.add(timer(150_000, 2, "InquiryTimeout", "inquiry", "WAITING", 0, 0));
        events.add(timer(150_000, 3, "InquiryTimeout", "inquiry", "WAITING", 0, 0));
        events.add(timer(electionAt, 2, "ElectionTimeout", "election", "MASTER", 2, 1));
        events.add(receive(electionAt + 10_000, 3, "ReceiveDeclare", 2, "declare", 2, 0, 1, "BACKUP", 2, 1));
        return events;
    }

    @Test
    void aCorrectTraceIsAccepted() throws IOException {
        List<String> events = failover(250_000);
        // n1 is heard again: it receives n2's declare, wins (rank 1) and revokes n2; n2 and n3 recognise n1.
        events.add(receive(262_000, 1, "ReceiveDeclare", 2, "declare", 2, 0, 1, "MASTER", 1, 2));
        events.add(receive(270_000, 2, "ReceiveRevoke", 1, "revoke", 1, 2, 2, "BACKUP", 1, 2));
        events.add(receive(271_000, 3, "ReceiveRevoke", 1, "revoke", 1, 2, 2, "BACKUP", 1, 2));
        events.add(timer(370_000, 2, "DetectionTick", "detection", "BACKUP", 1, 2));

        TraceVerdict verdict = validate("correct", events);

        assertThat(verdict.accepted()).as(verdict.report()).isTrue();
    }

    @Test
    void aMasterThatAcceptsAWeakerRanksDeclareIsRejected() throws IOException {
        List<String> events = failover(250_000);
        // n1 is MASTER and rank 1: n2's declare must make it revoke n2, not follow it.
        events.add(receive(262_000, 1, "ReceiveDeclare", 2, "declare", 2, 0, 1, "BACKUP", 2, 1));

        TraceVerdict verdict = validate("master-follows-weaker", events);

        assertRejectedAt(verdict, 13, "n1 (rank 1) ReceiveDeclare on declare from rank 2");
    }

    @Test
    void aRevokeFromAWeakerRankIsRejected() throws IOException {
        List<String> events = failover(250_000);
        // n1 announces again; n2 (MASTER, rank 2) must yield to rank 1, but it keeps the mastership and revokes n1.
        events.add(timer(300_000, 1, "AnnounceTick", "announce", "MASTER", 1, 0));
        events.add(receive(310_000, 2, "ReceiveDeclare", 1, "declare", 1, 0, 0, "MASTER", 2, 2));
        events.add(receive(320_000, 1, "ReceiveRevoke", 2, "revoke", 2, 1, 2, "BACKUP", 2, 2));

        TraceVerdict verdict = validate("revoke-from-weaker", events);

        assertRejectedAt(verdict, 14, "n2 (rank 2) ReceiveDeclare on declare from rank 1");
    }

    @Test
    void aRevokeThatNoStepSentIsRejected() throws IOException {
        List<String> events = failover(250_000);
        // n3 receives a revoke of n1 by n2 (rank 2 revoking rank 1): no step of the spec sends such a message.
        events.add(receive(300_000, 3, "ReceiveRevoke", 2, "revoke", 2, 1, 2, "BACKUP", 2, 2));

        TraceVerdict verdict = validate("revoke-never-sent", events);

        assertRejectedAt(verdict, 13, "n3 (rank 3) ReceiveRevoke on revoke from rank 2 (master 2, revoked 1, epoch 2)");
    }

    @Test
    void anElectionTimerThatFiresTooEarlyIsRejected() throws IOException {
        // E(2) without the failed n1 is B = 100 ms after the inquiry time-out at 150 ms: 250 ms, not 240 ms.
        TraceVerdict verdict = validate("election-too-early", failover(240_000));

        assertRejectedAt(verdict, 11, "n2 (rank 2) ElectionTimeout on election timer at t=240000us");
    }

    @Test
    void checkTraceExitsWithOneAndNamesTheEvent() throws IOException {
        Path dir = SimulatedTraceTest.workDir("hand-command");
        Path traces = dir.resolve("traces");
        Files.createDirectories(traces);
        Files.write(traces.resolve("hand.jsonl"), failover(240_000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = CheckCommand.execute(new String[] {"--trace", traces.toString(), "--work-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("REJECTED at event 11 of 12",
                "n2 (rank 2) ElectionTimeout", "[hand.jsonl:11]");
    }

    private static void assertRejectedAt(TraceVerdict verdict, int index, String described) {
        System.out.print(verdict.report());
        assertThat(verdict.error()).as(verdict.report()).isNull();
        assertThat(verdict.accepted()).as(verdict.report()).isFalse();
        assertThat(verdict.firstRejected()).as(verdict.report()).isEqualTo(index);
        assertThat(verdict.rejectedEvent().describe(0)).startsWith(described);
        assertThat(verdict.stateBefore()).contains("role |->");
    }

    private static TraceVerdict validate(String name, List<String> events) throws IOException {
        Path dir = SimulatedTraceTest.workDir("hand-" + name);
        Path traces = dir.resolve("traces");
        Files.createDirectories(traces);
        Files.write(traces.resolve("hand.jsonl"), events);
        return new TraceValidator(null, 60).validate(traces, dir);
    }

    private static String start(long t, int rank, String role, int master) {
        return event(t, rank, "Start", "\"cause\":\"start\"", role, master, 0);
    }

    private static String timer(long t, int rank, String action, String timer, String role, int master, long epoch) {
        return event(t, rank, action, "\"cause\":\"timer\",\"timer\":\"" + timer + "\"", role, master, epoch);
    }

    private static String receive(long t, int rank, String action, int from, String type, int msgMaster,
                                  int msgRevoked, long msgEpoch, String role, int master, long epoch) {
        return event(t, rank, action, "\"cause\":\"receive\",\"from\":\"n" + from + "\",\"fromRank\":" + from
                + ",\"type\":\"" + type + "\",\"msgMaster\":" + msgMaster + ",\"msgRevoked\":" + msgRevoked
                + ",\"msgEpoch\":" + msgEpoch, role, master, epoch);
    }

    private static String event(long t, int rank, String action, String cause, String role, int master, long epoch) {
        return "{\"t\":" + t + ",\"server\":\"n" + rank + "\",\"rank\":" + rank + ",\"action\":\"" + action + "\","
                + cause + ",\"role\":\"" + role + "\",\"master\":\"" + (master == 0 ? "" : "n" + master)
                + "\",\"masterRank\":" + master + ",\"epoch\":" + epoch + ",\"inquiryOut\":false,\"n\":3,"
                + "\"variants\":\"announce,epochs\",\"P\":100000,\"T\":50000,\"B\":100000,\"D\":20000}";
    }
}
