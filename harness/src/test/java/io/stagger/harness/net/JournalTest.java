package io.stagger.harness.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.history.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** messages.jsonl holds one line per message routed, each the JSON object that its fields make. */
class JournalTest {
    @TempDir
    Path directory;

    @Test
    void writesEveryMessageAsOneJsonLine() throws IOException {
        Path file = directory.resolve("messages.jsonl");
        Journal journal = new Journal(file);
        Envelope small = Envelope.of("c1", "n1", Json.object().put("type", "echo").put("echo", "é"));
        Envelope large = Envelope.of("n1", "n2", Json.object().put("type", "big")
                .put("text", "x".repeat(3 * Journal.BUFFER_BYTES)));
        int messages = 2 * Journal.BUFFER_BYTES / 60;
        for (int i = 0; i < messages; i++) {
            journal.record(i, i % 1000 == 7 ? large : small, 1_000_000L * i, 1_000_000L * i + 9, i % 3 == 1 ? "loss" : null);
        }
        journal.record(messages, small, 0, Long.MAX_VALUE, null);
        journal.close();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(messages + 1);
        for (int i = 0; i < messages; i++) {
            Envelope envelope = i % 1000 == 7 ? large : small;
            String expected = "{\"id\":" + i + ",\"sent\":" + 1_000_000L * i
                    + (i % 3 == 1 ? ",\"dropped\":\"loss\"" : ",\"recv\":" + (1_000_000L * i + 9))
                    + ",\"msg\":" + envelope.line() + "}";
            assertThat(lines.get(i)).isEqualTo(expected);
        }
        assertThat(Json.parseObject(lines.get(messages)).get("recv").asLong()).isEqualTo(Long.MAX_VALUE);
    }
}
