package io.stagger.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
    @Test
    void splitsLinesDropsCarriageReturnsAndCutsOverlongLines() throws IOException {
        String overlong = "x".repeat(500);
        BoundedLineReader lines = new BoundedLineReader(new StringReader("a\r\nbb\n" + overlong + "\nlast"), 100);
        assertThat(lines.next()).isEqualTo(new Input.Line("a"));
        assertThat(lines.next()).isEqualTo(new Input.Line("bb"));
        assertThat(lines.next()).isEqualTo(new Input.Overlong("x".repeat(80), 500));
        assertThat(lines.next()).isEqualTo(new Input.Line("last"));
        assertThat(lines.next()).isNull();
    }
}
