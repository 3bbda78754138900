package io.stagger.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lines of bytes: split at newlines, carriage returns dropped, lines over the bound cut to a head and a length. */
class BoundedLineReaderTest {
    private static BoundedLineReader reader(String text, int maxBytes) {
        return new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes);
    }

    private static String text(Input.Item line) {
        return ((Input.Line) line).text();
    }

    @Test
    void splitsLinesDropsCarriageReturnsAndCutsOverlongLines() throws IOException {
        BoundedLineReader lines = reader("a\r\n\nné\n" + "x".repeat(500) + "\nlast", 100);

        assertThat(text(lines.next())).isEqualTo("a");
        assertThat(text(lines.next())).isEmpty();
        assertThat(text(lines.next())).isEqualTo("né");
        assertThat(lines.next()).isEqualTo(new Input.Overlong("x".repeat(80), 500));
        assertThat(text(lines.next())).isEqualTo("last");
        assertThat(lines.next()).isNull();
    }

    @Test
    void aLineLongerThanTheReadBufferComesWholeAndAnOverlongOneAtEofIsCut() throws IOException {
        String longLine = "y".repeat(200_000);
        BoundedLineReader lines = reader(longLine + "\n" + "z".repeat(300_001), 300_000);

        assertThat(text(lines.next())).isEqualTo(longLine);
        assertThat(lines.next()).isEqualTo(new Input.Overlong("z".repeat(80), 300_001));
        assertThat(lines.next()).isNull();
    }
}
