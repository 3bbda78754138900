package io.stagger.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagramsTest {
    private static final Path REPORT = Path.of("src/test/resources/serve/reports/n4-none-crash/report.md");

    @Test
    void aCounterexampleMatchesEachReceiveToItsSendAndTracksEveryRole() throws Exception {
        List<String> steps = CounterexampleDiagram.steps(Files.readAllLines(REPORT, StandardCharsets.UTF_8));
        assertThat(steps).hasSize(35);
        SequenceDiagram diagram = CounterexampleDiagram.of(steps);
        assertThat(diagram.steps()).hasSize(35);
        // Step 9 crashes n1; step 12 n4 times out; after step 23 n4 follows n2.
        assertThat(diagram.steps().get(8).states()).containsExactly("down", "BACKUP of n1", "BACKUP of n1",
                "BACKUP of n1");
        assertThat(diagram.steps().get(11).actor()).isEqualTo(4);
        assertThat(diagram.steps().get(22).states()).containsExactly("down", "MASTER", "BACKUP of n2", "BACKUP of n2");
        String svg = diagram.svg();
        // Sends: 3 inquiries (steps 3-5), 2 inquiry_ok (6, 7), declare(n2) x2, declare(n4) x2, revoke x2, 2 inquiries,
        // 1 inquiry_ok: 14 arrows; the inquiry n4 sent to n1 before n1 crashed is never received (dashed).
        assertThat(count(svg, "class=\"message\"")).isEqualTo(14);
        assertThat(count(svg, "stroke-dasharray=\"4,3\"")).isEqualTo(1);
        // The declare(n2) received by n3 at step 22 was sent at step 20: from row 19 to row 21 (0-based).
        assertThat(svg).contains(">declare(n2)</text>");
    }

    @Test
    void aLoopIsMarkedAndStepsWithoutAStartAreNoDiagram() {
        SequenceDiagram diagram = CounterexampleDiagram.of(List.of(
                "Start: n1 MASTER, n2 BACKUP of n1 (epoch 0) — MASTER: n1",
                "**DetectionTick**: n2 (BACKUP of n1 (epoch 0)) fires its timer; sends inquiry to n1 — MASTER: n1",
                "**ReceiveInquiry**: n1 receives inquiry from n2; sends inquiry_ok(master n1, epoch 0) to n2 — MASTER: n1",
                "and again from step 2, forever: the group never converges"));
        assertThat(diagram.steps().get(1).actor()).isEqualTo(2);
        assertThat(diagram.svg()).contains(">forever</text>").contains(">inquiry</text>");
        assertThat(CounterexampleDiagram.of(List.of("time passes: 1 tick"))).isNull();
    }

    @Test
    void aTraceIsDrawnEventByEventWithTheRejectedEventMarked() {
        List<TraceDiagram.Event> events = TraceDiagram.events(List.of(
                "---- MODULE TraceData ----",
                "TraceLog == <<",
                "    [t |-> 0, srv |-> 2, action |-> \"Start\", from |-> 0, type |-> \"\", mmaster |-> 0, mrevoked |-> 0, "
                        + "mepoch |-> 0, role |-> \"BACKUP\", master |-> 1, epoch |-> 0]  \\* 1 n2.jsonl:1",
                "  , [t |-> 10946, srv |-> 1, action |-> \"Start\", from |-> 0, type |-> \"\", mmaster |-> 0, mrevoked |-> 0, "
                        + "mepoch |-> 0, role |-> \"MASTER\", master |-> 1, epoch |-> 0]  \\* 2 n1.jsonl:1",
                "  , [t |-> 100877, srv |-> 2, action |-> \"DetectionTick\", from |-> 0, type |-> \"\", mmaster |-> 0, "
                        + "mrevoked |-> 0, mepoch |-> 0, role |-> \"BACKUP\", master |-> 1, epoch |-> 0]  \\* 3 n2.jsonl:2",
                "  , [t |-> 105013, srv |-> 1, action |-> \"ReceiveInquiry\", from |-> 2, type |-> \"inquiry\", mmaster |-> 0, "
                        + "mrevoked |-> 0, mepoch |-> 0, role |-> \"MASTER\", master |-> 1, epoch |-> 0]  \\* 4 n1.jsonl:2",
                ">>"));
        assertThat(events).hasSize(4);
        SequenceDiagram diagram = TraceDiagram.of(events, 0, 4, 3);
        assertThat(diagram.steps().get(3).text()).contains("n1 ReceiveInquiry: inquiry from n2").contains("[n1.jsonl:2]");
        assertThat(diagram.steps().get(3).highlighted()).isTrue();
        assertThat(diagram.steps().get(1).states()).containsExactly("MASTER (epoch 0)", "BACKUP of n1 (epoch 0)");
        assertThat(count(diagram.svg(), "class=\"message\"")).isEqualTo(1);
        assertThat(count(diagram.svg(), "class=\"highlight\"")).isEqualTo(1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
