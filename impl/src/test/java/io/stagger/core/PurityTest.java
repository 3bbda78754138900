package io.stagger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core is pure: no clock, no threads, no I/O, no JSON, no randomness (checked on its sources). */
class PurityTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "import java\\.io\\.|import java\\.nio\\.|import java\\.net\\.|import java\\.util\\.concurrent"
                    + "|import java\\.time\\.(Clock|Instant|LocalDateTime|ZonedDateTime)|import com\\.fasterxml"
                    + "|import java\\.util\\.Random|System\\.(nanoTime|currentTimeMillis|out|err|in)\\b"
                    + "|\\bThread\\b|\\bsynchronized\\b|Math\\.random|new Random\\(");

    @Test
    void theCoreTouchesNoClockThreadIoOrJson() throws IOException {
        Path core = Path.of("src/main/java/io/stagger/core");
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.list(core)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (FORBIDDEN.matcher(lines.get(i)).find()) {
                        offences.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(Files.isDirectory(core)).isTrue();
        assertThat(offences).as("impure lines in the core").isEmpty();
    }
}
