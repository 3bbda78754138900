package io.stagger.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.history.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Runs `stagger test` in-process for a test, with a test node, and reads back the run's results.json. */
record HarnessRun(int exitCode, JsonNode results, Path directory, String output) {

    /** Skips the calling test where python3, which runs the test nodes, is not installed. */
    static void assumePython() {
        boolean found;
        try {
            found = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            found = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(found, "python3 runs the test nodes; it is not on the PATH");
    }

    /** A python test node under src/test/resources/nodes, by file name. */
    static String pythonNode(String file) {
        return Paths.get(System.getProperty("harness.nodes", "src/test/resources/nodes")).resolve(file).toAbsolutePath()
                .toString();
    }

    /** The node arguments that run a Java test node class with this JVM's test classpath. */
    static String javaNodeArgs(Class<?> main, String... args) {
        return "-Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp " + System.getProperty("java.class.path")
                + " " + main.getName() + " " + String.join(" ", args);
    }

    /** bin/stagger-node, the product's node; skips the calling test where impl's jar is not built. */
    static String productNode() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Paths.get("..", "impl", "target", "stagger-node.jar")),
                "impl/target/stagger-node.jar is not built: run the whole build (mvn verify) from the root");
        return Paths.get("..", "bin", "stagger-node").toAbsolutePath().normalize().toString();
    }

    /**
     * The product's node's arguments that keep its boots apart from other runs in this JVM: with --boot auto a node
     * takes an init for a restart (rule 9) when its id already booted under the same parent process, which every run
     * of a test JVM shares; a marker directory per test makes each run's first boots starts again.
     */
    static String bootMarkers(Path directory) {
        return "--boot-marker-dir " + directory.toAbsolutePath();
    }

    static HarnessRun run(Path store, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--store", store.toString(), "--no-progress", "--seed", "7"));
        all.addAll(List.of(args));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = TestCommand.execute(out, all.toArray(String[]::new));
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        Path directory = null;
        JsonNode results = null;
        try (var workloads = Files.list(store)) {
            for (Path workload : workloads.toList()) {
                Path latest = workload.resolve("latest");
                if (Files.exists(latest.resolve("results.json"))) {
                    directory = latest.toRealPath();
                    results = Json.MAPPER.readTree(latest.resolve("results.json").toFile());
                }
            }
        }
        if (directory != null) {
            reanalyse(store.resolve("latest"), directory, exit, results);
        }
        return new HarnessRun(exit, results, directory, output);
    }

    /**
     * `bin/stagger analyze STORE/latest` (the run just made) reproduces its verdict, exit code and workload verdict:
     * every test that runs the harness checks the stored run again this way, so every workload's stored runs are
     * covered, valid and invalid.
     */
    private static void reanalyse(Path latest, Path directory, int exit, JsonNode stored) throws IOException {
        if (!Files.isSymbolicLink(latest) || !latest.toRealPath().equals(directory)) {
            throw new AssertionError(latest + " does not point at the run just made, " + directory);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int again;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            again = AnalyzeCommand.execute(out, latest.toString());
        }
        JsonNode results = Json.MAPPER.readTree(directory.resolve("results.json").toFile());
        String what = "bin/stagger analyze " + latest + "\n" + bytes.toString(StandardCharsets.UTF_8);
        if (again != exit || !results.get("valid?").equals(stored.get("valid?"))
                || !results.path("workload").path("valid?").equals(stored.path("workload").path("valid?"))) {
            throw new AssertionError("analyzing the stored run again gave exit " + again + " and " + results.get("valid?")
                    + " (workload " + results.path("workload").path("valid?") + "), not exit " + exit + " and "
                    + stored.get("valid?") + " (workload " + stored.path("workload").path("valid?") + "): " + what);
        }
    }

    String reason() {
        return results.path("reason").asText("");
    }
}
