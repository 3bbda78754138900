package io.stagger.harness.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines as a node prints them, split between reads anywhere: each comes out whole, once, in order. */
class BoundedLineReaderTest {
    /** A stream that gives at most {@code chunk} bytes per read, as a pipe does when the writer is slow. */
    private static InputStream chunked(String text, int chunk) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static List<String> readAll(InputStream in, int maxBytes) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(in, maxBytes);
        List<String> lines = new ArrayList<>();
        while (reader.read((bytes, offset, length) -> lines.add(new String(bytes, offset, length, StandardCharsets.UTF_8)))) {
            // every read's lines are given during the read
        }
        return lines;
    }

    @Test
    void givesEveryLineWholeWhereverTheReadsSplitIt() throws IOException {
        String text = "{\"a\":1}\r\n\nsecond line é\nlast without end";
        for (int chunk : new int[] {1, 2, 3, 7, 64, 65_536}) {
            assertThat(readAll(chunked(text, chunk), 100)).as("chunks of %d", chunk)
                    .containsExactly("{\"a\":1}", "", "second line é", "last without end");
        }
    }

    @Test
    void aLineLongerThanTheBufferGrowsIt() throws IOException {
        String longLine = "x".repeat(3 * BoundedLineReader.INITIAL_BUFFER_BYTES + 5);
        assertThat(readAll(chunked("a\n" + longLine + "\nb\n", 10_000), 1 << 20)).containsExactly("a", longLine, "b");
    }

    @Test
    void aLineBeyondTheBoundIsAnError() {
        assertThatThrownBy(() -> readAll(chunked("ok\n" + "y".repeat(101) + "\n", 7), 100))
                .isInstanceOf(BoundedLineReader.LineTooLong.class).hasMessage("a line longer than 100 bytes");
        assertThatThrownBy(() -> readAll(chunked("z".repeat(1_000), 1_000), 100))
                .as("unterminated").isInstanceOf(BoundedLineReader.LineTooLong.class);
        assertThat(catchLines("w".repeat(100) + "\n")).containsExactly("w".repeat(100));
    }

    private static List<String> catchLines(String text) {
        try {
            return readAll(chunked(text, 3), 100);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
