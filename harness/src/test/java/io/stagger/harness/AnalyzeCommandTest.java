package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * `bin/stagger analyze --history` on small hand-written histories in Jepsen's forms (history.edn, log lines) and the
 * harness's own, a row per case: file, model, options, exit code, and what the output or the error says.
 */
class AnalyzeCommandTest {
    private static final Path HISTORIES = Paths.get("src", "test", "resources", "histories");

    @TempDir
    Path store;

    record Outcome(int exit, String out, String err) {}

    private Outcome analyze(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--store", store.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = AnalyzeCommand.execute(o, e, all.toArray(String[]::new));
        }
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} as {1} {2}: exit {3}")
    @CsvSource(delimiter = '|', value = {
            "cas-valid.log     | cas-register |                               | 0 | Everything looks good!",
            "cas-valid.log     | cas-register | --failed-cas compare-failed   | 0 | Everything looks good!",
            "cas-invalid.log   | cas-register |                               | 1 | no order of its operations explains read → 1",
            "cas-invalid.log   | register     |                               | 1 | longest linearizable prefix 2 of 3 operations",
            "kv-valid.edn      | kv           |                               | 0 | 2 keys, 4 operations",
            "kv-invalid.edn    | kv           |                               | 1 | key 0 is not linearizable",
            "kv-invalid.jsonl  | kv           |                               | 1 | no order of its operations explains read → 0",
            "kv-valid.edn      | kv           | --max-configurations 1        | 2 | ran out of its budget",
            "set-invalid.edn   | set          |                               | 1 | 1 acknowledged adds are missing from final reads, e.g. [2]",
            "counter-valid.edn | counter      |                               | 0 | Everything looks good!",
            "list-append-valid.edn   | list-append |                         | 0 | Everything looks good!",
            "list-append-invalid.edn | list-append |                         | 1 | G1a (forbidden by strict-serializable)",
            "list-append-invalid.edn | list-append | --consistency-models read-uncommitted | 0 | Everything looks good!"})
    void judgesAHistoryFromElsewhere(String file, String model, String options, int exit, String says) {
        List<String> args = new ArrayList<>(List.of("--history", HISTORIES.resolve(file).toString(), "--model", model));
        if (options != null) {
            args.addAll(List.of(options.split(" ")));
        }
        Outcome outcome = analyze(args.toArray(String[]::new));
        assertThat(outcome.exit()).as(outcome.out() + outcome.err()).isEqualTo(exit);
        assertThat(outcome.out()).contains(says);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "broken.log      | broken.log: line 3: not EDN",
            "broken.edn      | broken.edn: line 4: not EDN",
            "cas-valid.log   | needs --model"})
    void aMalformedFileIsAnErrorNamingItsLine(String file, String says) {
        List<String> args = new ArrayList<>(List.of("--history", HISTORIES.resolve(file).toString()));
        if (!says.contains("--model")) {
            args.addAll(List.of("--model", "cas-register"));
        }
        Outcome outcome = analyze(args.toArray(String[]::new));
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("stagger analyze: ").contains(says);
        assertThat(outcome.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "cas-wrong-shape.log         | cas-register | line 5: not a history of the model cas-register: operation 2: a cas takes [expected, new], not 5",
            "kv-wrong-shape.edn          | kv           | line 5: not a history of the model kv: operation 3: a keyed register's value is [key, value], not 3",
            "kv-valid.edn                | counter      | line 1: not a history of the model counter: operation 0: write is not a counter's add or read",
            "counter-wrong-shape.edn     | counter      | line 3: not a history of the model counter: operation 2: a counter's add takes an integer, not \"two\"",
            "list-append-wrong-shape.edn | list-append  | line 4: not a history of the model list-append: operation 3: a list-append read must be a list, got 7"})
    void aHistoryThatDoesNotFitItsModelIsAnErrorNamingTheLine(String file, String model, String says) throws IOException {
        Outcome outcome = analyze("--history", HISTORIES.resolve(file).toString(), "--model", model);
        assertThat(outcome.exit()).as(outcome.out() + outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("stagger analyze: " + HISTORIES.resolve(file) + ": " + says + System.lineSeparator());
        assertThat(outcome.out()).isEmpty();
        try (Stream<Path> runs = Files.exists(store.resolve("analyze")) ? Files.list(store.resolve("analyze")) : Stream.empty()) {
            assertThat(runs).as("no results are left of a history that was not checked").isEmpty();
        }
    }

    @Test
    void aFileOfAnotherFormatIsNamedByLineToo() {
        Outcome outcome = analyze("--history", HISTORIES.resolve("cas-valid.log").toString(), "--model", "kv",
                "--format", "edn");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).contains("cas-valid.log: line 1: ");
    }

    @Test
    void anUnknownModelIsNamed() {
        assertThat(analyze("--history", HISTORIES.resolve("kv-valid.edn").toString(), "--model", "queue").err())
                .contains("unknown model queue; one of [cas-register, register, kv, set, counter, list-append, rw-register]");
    }

    @Test
    void anInvalidKeyGetsAPageLinkedFromResultsAndTheSummary() throws IOException {
        Outcome outcome = analyze("--history", HISTORIES.resolve("kv-invalid.edn").toString(), "--model", "kv");
        Path run;
        try (Stream<Path> runs = Files.list(store.resolve("analyze"))) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode key = Json.MAPPER.readTree(run.resolve("results.json").toFile()).path("workload").path("keys").path("0");
        assertThat(key.path("page").asText()).isEqualTo("linearizability/key-0.html");
        assertThat(key.path("linearized-prefix")).hasSize(1);
        assertThat(key.path("unplaceable").get(0).path("index").asInt()).isEqualTo(4);
        String page = Files.readString(run.resolve("linearizability/key-0.html"));
        assertThat(page).contains("class=\"op linearized\"", "class=\"op stuck\"", "read → null");
        assertThat(outcome.out()).contains(run.resolve("linearizability/key-0.html").toString());
        assertThat(Files.readString(run.resolve("history.jsonl")).lines()).hasSize(6);
    }

    @Test
    void neitherARunNorAHistoryIsAnError() {
        assertThat(analyze().err()).contains("give a stored run's DIR or --history FILE --model NAME");
        assertThat(analyze(store.toString()).err()).contains("is neither a run (no history.jsonl) nor a store of runs");
    }
}
