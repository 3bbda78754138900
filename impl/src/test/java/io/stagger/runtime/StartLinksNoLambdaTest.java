package io.stagger.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's start links no lambda, method reference or other invokedynamic call site: on JDK 17 the first one of a
 * process links the method-handle machinery in the interpreter, about 7 ms of a start's 44 ms of CPU
 * (benchmarks/RESULTS.md). A real node process, booting as under a harness ({@code --boot auto}) with the JVM's
 * class-loading log on, is given {@code init} and then end of input.
 */
class StartLinksNoLambdaTest {
    private static final String INIT = "{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
            + "\"node_id\":\"n1\",\"node_ids\":[\"n1\",\"n2\",\"n3\"]}}\n";

    @Test
    void aStartToInitOkLoadsNoLambdaAndSpinsNoMethodHandleClass(@TempDir Path dir) throws Exception {
        Path classLog = dir.resolve("classes.log");
        Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + classLog, "-cp", System.getProperty("java.class.path"),
                NodeMain.class.getName(), "--boot", "auto", "--boot-marker-dir", dir.resolve("boots").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream stdin = node.getOutputStream()) {
            stdin.write(INIT.getBytes(StandardCharsets.UTF_8));
        }
        String stdout = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).isZero();
        assertThat(stdout).contains("\"type\":\"init_ok\"");

        List<String> linked = new ArrayList<>();
        for (String line : Files.readAllLines(classLog)) {
            if (line.contains("$$Lambda") || line.contains("LambdaForm$MH") || line.contains("LambdaMetafactory ")) {
                linked.add(line);
            }
        }
        assertThat(linked).as("classes of invokedynamic call sites loaded by a start").isEmpty();
    }
}
