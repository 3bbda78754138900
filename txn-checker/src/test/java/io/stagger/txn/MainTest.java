package io.stagger.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
    @TempDir
    Path dir;

    private static final String READ_SKEW = String.join("\n",
            "{\"type\":\"invoke\",\"process\":0,\"f\":\"txn\",\"value\":[[\"append\",1,1],[\"append\",2,1]],\"time\":0}",
            "{\"type\":\"invoke\",\"process\":1,\"f\":\"txn\",\"value\":[[\"r\",1,null],[\"r\",2,null]],\"time\":1}",
            "{\"type\":\"ok\",\"process\":0,\"f\":\"txn\",\"value\":[[\"append\",1,1],[\"append\",2,1]],\"time\":2}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"txn\",\"value\":[[\"r\",1,[]],[\"r\",2,[1]]],\"time\":3}",
            "{\"type\":\"invoke\",\"process\":1,\"f\":\"txn\",\"value\":[[\"r\",1,null]],\"time\":4}",
            "{\"type\":\"ok\",\"process\":1,\"f\":\"txn\",\"value\":[[\"r\",1,[1]]],\"time\":5}");

    @Test
    void aReadSkewIsInvalidUnderSerializableWithAnSvgAndValidUnderReadCommitted() throws IOException {
        Path history = Files.writeString(dir.resolve("history.jsonl"), READ_SKEW);
        Path svgs = dir.resolve("svg");
        Path json = dir.resolve("result.json");
        int serializable = new CommandLine(new Main()).execute(history.toString(), "--consistency-models",
                "serializable", "--svg-dir", svgs.toString(), "--json", json.toString());
        assertThat(serializable).isEqualTo(1);
        assertThat(Files.readString(svgs.resolve("G-single-1.svg"))).startsWith("<svg").contains("rw", "wr");
        assertThat(Files.readString(json)).contains("\"valid\" : \"invalid\"", "\"G-single\" : 1");
        int readCommitted = new CommandLine(new Main()).execute(history.toString(), "--consistency-models",
                "read-committed");
        assertThat(readCommitted).isZero();
    }

    @Test
    void badInputExitsWithThree() throws IOException {
        Path history = Files.writeString(dir.resolve("bad.jsonl"), "{\"type\":\"invoke\",\"process\":0,\"f\":\"txn\"}");
        assertThat(new CommandLine(new Main()).execute(history.toString())).isEqualTo(3);
        assertThat(new CommandLine(new Main()).execute(history.toString(), "--consistency-models", "linearizable"))
                .isEqualTo(3);
    }
}
