package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checkers read the history, nothing else: no source file of this module (the checkers and the history) names a
 * project class outside it, by import or by full name: no workload, nemesis, service, client, network, process or
 * report class of the harness, nothing of the simulator or the node. Only the checkers, the history and the
 * transactional checker (txn-checker) are allowed. The module's dependencies enforce most of it at compile time; this
 * scan also catches a class named in a string or a comment's link, and says why.
 */
class CheckerDependenciesTest {
    private static final Path SOURCES = Paths.get("src", "main", "java", "io", "stagger");
    private static final Pattern PROJECT_NAME = Pattern.compile("io\\.stagger\\.([A-Za-z_][\\w.]*)");
    private static final Pattern ALLOWED = Pattern.compile("(check|history|txn)(\\.[\\w.]+)?");

    @Test
    void noCheckerNamesAWorkloadNemesisOrServiceClass() throws IOException {
        List<String> offences = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                String source = Files.readString(file);
                Matcher name = PROJECT_NAME.matcher(source);
                while (name.find()) {
                    if (!ALLOWED.matcher(name.group(1)).matches()) {
                        offences.add(SOURCES.relativize(file) + " names io.stagger." + name.group(1));
                    }
                }
            }
        }
        assertThat(files).as("checker sources found").isGreaterThan(10);
        assertThat(offences).isEmpty();
    }

    @Test
    void theScanSeesAnImportOfAWorkloadClass() {
        Matcher name = PROJECT_NAME.matcher("import io.stagger.harness.workload.Request;");
        assertThat(name.find()).isTrue();
        assertThat(ALLOWED.matcher(name.group(1)).matches()).isFalse();
        Matcher service = PROJECT_NAME.matcher("op.f().equals(io.stagger.harness.service.KvService.NAME_KEY)");
        assertThat(service.find()).isTrue();
        assertThat(ALLOWED.matcher(service.group(1)).matches()).isFalse();
        Matcher sim = PROJECT_NAME.matcher("import io.stagger.sim.ServiceHistory;");
        assertThat(sim.find()).isTrue();
        assertThat(ALLOWED.matcher(sim.group(1)).matches()).isFalse();
        Matcher history = PROJECT_NAME.matcher("import io.stagger.history.Op;");
        assertThat(history.find()).isTrue();
        assertThat(ALLOWED.matcher(history.group(1)).matches()).isTrue();
    }
}
