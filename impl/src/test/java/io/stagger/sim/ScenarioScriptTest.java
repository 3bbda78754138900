package io.stagger.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scripted scenarios of {@code src/test/resources/scenarios/}: each {@code NAME.txt} runs through the simulator
 * ({@link ScenarioScript}) and its output must equal the golden {@code NAME.out} beside it; a difference prints the
 * first line that differs and both outputs. {@code -Dstagger.scenarios.update=true} rewrites the golden files (read
 * the diff before committing them).
 */
class ScenarioScriptTest {
    private static final Path DIR = Path.of("src", "test", "resources", "scenarios");

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void runsAsItsGoldenFileSays(String name) throws IOException {
        String output = ScenarioScript.run(Files.readString(DIR.resolve(name + ".txt")));
        Path golden = DIR.resolve(name + ".out");
        if (Boolean.getBoolean("stagger.scenarios.update")) {
            Files.writeString(golden, output);
        }
        assertThat(golden).as("golden output " + golden + " (write it with -Dstagger.scenarios.update=true)")
                .exists();
        String expected = Files.readString(golden);
        assertThat(output).as(() -> firstDifference(expected, output)).isEqualTo(expected);
    }

    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n");
        String[] got = actual.split("\n");
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "(end)";
            String g = i < got.length ? got[i] : "(end)";
            if (!w.equals(g)) {
                return "line " + (i + 1) + " differs:\n  golden: " + w + "\n  now:    " + g;
            }
        }
        return "same lines";
    }
}
