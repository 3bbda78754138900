package io.stagger.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.history.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code --validate-trace}: the nodes write their steps to {@code <run>/traces/<node>.jsonl} ({@code --trace}); at the
 * end of the run {@code stagger check --trace} decides whether the spec admits them, and the verdict goes into
 * results.json under {@code trace-validation} (it does not change the run's own verdict) and into
 * {@code <run>/trace-validation.txt}. See model-check/TRACES.md.
 */
final class TraceValidation {
    static final String TRACES = "traces";
    private static final long TIMEOUT_SECONDS = 600;

    private TraceValidation() {
    }

    /** The node arguments that make every node write its trace into the run's directory (created here). */
    static List<String> nodeArgs(Path runDirectory) throws IOException {
        Path traces = Files.createDirectories(runDirectory.resolve(TRACES));
        return List.of("--trace", traces.toString());
    }

    /** Validates the run's traces with the checker's jar and records the verdict in {@code results}. */
    static void validate(Path runDirectory, ObjectNode results, java.io.PrintStream out)
            throws IOException, InterruptedException {
        ObjectNode verdict = results.putObject("trace-validation");
        Path jar = checkerJar();
        if (jar == null) {
            verdict.put("verdict", "error");
            verdict.put("report", "model-check/target/stagger-check.jar not found; build with mvn package");
        } else {
            Path report = runDirectory.resolve("trace-validation.txt");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--trace", runDirectory.resolve(TRACES).toString(),
                    "--work-dir", runDirectory.resolve("trace-check").toString(), "--quiet")
                    .redirectErrorStream(true).redirectOutput(report.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            String text = Files.readString(report, StandardCharsets.UTF_8);
            int exit = process.isAlive() ? -1 : process.exitValue();
            verdict.put("verdict", exit == 0 ? "accepted" : exit == 1 ? "rejected" : "error");
            verdict.put("report", text.strip());
        }
        Files.writeString(runDirectory.resolve("results.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n", StandardCharsets.UTF_8);
        out.print("trace         " + verdict.path("verdict").asText() + " (" + runDirectory.resolve("trace-validation.txt")
                + ")\n" + verdict.path("report").asText() + "\n");
    }

    /** The checker's jar in the repository that {@code bin/stagger} runs from (stagger.root), or beside this jar. */
    private static Path checkerJar() {
        String root = System.getProperty("stagger.root");
        Path base = root != null ? Path.of(root) : repositoryAroundJar();
        if (base == null) {
            return null;
        }
        Path jar = base.resolve("model-check").resolve("target").resolve("stagger-check.jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    private static Path repositoryAroundJar() {
        try {
            Path location = Path.of(TraceValidation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = location.getParent();
            return target == null || target.getParent() == null ? null : target.getParent().getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
