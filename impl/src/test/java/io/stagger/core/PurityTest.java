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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The state machines and the simulator are pure: no clock, no threads, no I/O, no JSON (checked on their sources).
 * The core and the service take no randomness either; the simulator's comes from its seed ({@code SplittableRandom}).
 */
class PurityTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "import java\\.io\\.|import java\\.nio\\.|import java\\.net\\.|import java\\.util\\.concurrent"
                    + "|import java\\.time\\.(Clock|Instant|LocalDateTime|ZonedDateTime)|import com\\.fasterxml"
                    + "|import io\\.stagger\\.(json|runtime)\\b"
                    + "|import java\\.util\\.Random|System\\.(nanoTime|currentTimeMillis|out|err|in)\\b"
                    + "|\\bThread\\b|\\bsynchronized\\b|Math\\.random|new Random\\(");

    @ParameterizedTest
    @ValueSource(strings = {"core", "service", "sim"})
    void touchesNoClockThreadIoOrJson(String pkg) throws IOException {
        Path dir = Path.of("src/main/java/io/stagger", pkg);
        assertThat(Files.isDirectory(dir)).isTrue();
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (FORBIDDEN.matcher(lines.get(i)).find()) {
                        offences.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(offences).as("impure lines in io.stagger." + pkg).isEmpty();
    }

    /** The scan finds what it must: a test that cannot fail proves nothing. */
    @Test
    void theScanCatchesEachKindOfImpurity() {
        List<String> impure = List.of("import com.fasterxml.jackson.databind.JsonNode;", "import io.stagger.json.Json;",
                "import java.io.IOException;", "import java.util.concurrent.TimeUnit;", "long t = System.nanoTime();",
                "import java.time.Instant;", "new Thread(r).start();", "import java.util.Random;");
        assertThat(impure).allSatisfy(line -> assertThat(FORBIDDEN.matcher(line).find()).as(line).isTrue());
        assertThat(FORBIDDEN.matcher("import java.util.SplittableRandom;").find()).isFalse();
        assertThat(FORBIDDEN.matcher("import io.stagger.service.KvReplica;").find()).isFalse();
    }
}
