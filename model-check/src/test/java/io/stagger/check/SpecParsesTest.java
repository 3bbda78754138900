package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tla2sany.drivers.SANY;
import tla2sany.modanalyzer.SpecObj;
import util.SimpleFilenameToStream;

/** Every module in spec/ parses and passes SANY's semantic analysis: a spec that does not parse fails the build. */
class SpecParsesTest {
    @Test
    void everyModuleInSpecParses() throws Exception {
        Path specDir = Path.of(System.getProperty("stagger.spec.dir"));
        List<Path> modules = modules(specDir);
        assertThat(modules).extracting(path -> path.getFileName().toString()).contains(SpecSource.SPEC_FILE);
        for (Path module : modules) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            SpecObj spec = new SpecObj(module.toString(),
                    new SimpleFilenameToStream(specDir.toAbsolutePath().toString()));
            int code = SANY.frontEndMain(spec, module.toString(), new PrintStream(log, true, StandardCharsets.UTF_8));
            assertThat(code).as("SANY on %s:%n%s", module, log).isZero();
            assertThat(spec.getErrorLevel()).as("SANY on %s:%n%s", module, log).isZero();
        }
    }

    private static List<Path> modules(Path specDir) throws IOException {
        try (Stream<Path> files = Files.list(specDir)) {
            return files.filter(path -> path.toString().endsWith(".tla")).sorted().toList();
        }
    }
}
