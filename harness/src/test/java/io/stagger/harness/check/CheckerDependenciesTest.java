package io.stagger.harness.check;

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
 * Checkers read the history, nothing else: no source file of the check package (and its subpackages) names a class of the workload,
 * nemesis or service packages (nor the client, network, process or report ones), by import or by full name. Only
 * the history, the check package itself and the JSON helper are allowed.
 */
class CheckerDependenciesTest {
  private static final Path CHECK_SOURCES = Paths.get("src", "main", "java", "io", "stagger", "harness", "check");
  private static final Pattern HARNESS_NAME = Pattern.compile("io\\.stagger\\.harness\\.([A-Za-z_][\\w.]*)");
  private static final Pattern ALLOWED = Pattern.compile("(check|history)\\.[\\w.]+|Json");

  @Test
  void noCheckerNamesAWorkloadNemesisOrServiceClass() throws IOException {
    List<String> offences = new ArrayList<>();
    int files = 0;
    try (Stream<Path> paths = Files.walk(CHECK_SOURCES)) {
      for (Path file : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        files++;
        String source = Files.readString(file);
        Matcher name = HARNESS_NAME.matcher(source);
        while (name.find()) {
          if (!ALLOWED.matcher(name.group(1)).matches() && !name.group(1).equals("check")) {
            offences.add(CHECK_SOURCES.relativize(file) + " names io.stagger.harness." + name.group(1));
          }
        }
      }
    }
    assertThat(files).as("checker sources found").isGreaterThan(10);
    assertThat(offences).isEmpty();
  }

  @Test
  void theScanSeesAnImportOfAWorkloadClass() {
    Matcher name = HARNESS_NAME.matcher("import io.stagger.harness.workload.Request;");
    assertThat(name.find()).isTrue();
    assertThat(ALLOWED.matcher(name.group(1)).matches()).isFalse();
    Matcher service = HARNESS_NAME.matcher("op.f().equals(io.stagger.harness.service.KvService.NAME_KEY)");
    assertThat(service.find()).isTrue();
    assertThat(ALLOWED.matcher(service.group(1)).matches()).isFalse();
  }
}
