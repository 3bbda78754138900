package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.cli.PlainOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `bin/stagger analyze`'s parse without picocli reads every command line it accepts as picocli does, a row per line. */
class AnalyzeOptionsTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private static AnalyzeCommand picocli(String... args) {
        AnalyzeCommand command = new AnalyzeCommand(NOWHERE, NOWHERE);
        CommandLines.commandLine("analyze", command, NOWHERE).parseArgs(args);
        return command;
    }

    private static String[] words(String line) {
        return line.isEmpty() ? new String[0] : line.split(" ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "store/lin-kv/latest",
        "store --max-configurations 10 --max-seconds 5",
        "--history history.edn --model kv",
        "--history=history.edn --model=kv --format edn --store=scratch",
        "--model register --history etcd_000.log --failed-cas compare-failed --max-seconds=0",
        "--history h.edn --model list-append --consistency-models serializable,snapshot-isolation",
        "--history h.edn --model rw-register --consistency-models read-committed --store s",
        // Accepted by both parsers, rejected by the same checks when the command runs:
        "--history h.edn --model queue",
        "--history h.edn --model kv --failed-cas sometimes --format yaml",
        "store --history h.edn",
    })
    void aCommandLineItAcceptsMeansWhatItMeansToPicocli(String line) {
        AnalyzeCommand plain = new AnalyzeCommand(NOWHERE, NOWHERE);

        assertThat(PlainOptions.parse(words(line), plain)).isTrue();
        assertThat(plain).usingRecursiveComparison().ignoringFields("out", "err").isEqualTo(picocli(words(line)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help", "-V", "--version", "--bogus 1", "--model", "--model kv --model set",
        "one two", "--max-seconds 0x10", "--max-seconds -5", "--max-configurations 010", "--max-seconds 1.5",
        "@args.txt", "--", "--history \"h.edn\"", "--store @dir", "-hV", "--history=", "--model=kv --model set"})
    void whatPicocliMustSeeIsLeftToIt(String line) {
        assertThat(PlainOptions.parse(words(line), new AnalyzeCommand(NOWHERE, NOWHERE))).isFalse();
    }

    /** A run's error (here: the store is a file), read plainly or by picocli (a leading zero is picocli's). */
    @Test
    void anErrorOfTheRunIsTheSameOneLineEitherWay(@TempDir Path scratch) throws IOException {
        Path history = scratch.resolve("history.edn");
        Files.writeString(history, "{:type :invoke, :f :read, :value [0 nil], :process 0, :index 0}\n");
        Path notADirectory = Files.writeString(scratch.resolve("store"), "");
        String[] plain = {"--history", history.toString(), "--model", "kv", "--store", notADirectory.toString()};
        String[] picocli = {"--history", history.toString(), "--model", "kv", "--store", notADirectory.toString(),
            "--max-seconds", "060"};

        assertThat(PlainOptions.parse(picocli, new AnalyzeCommand(NOWHERE, NOWHERE))).isFalse();
        assertThat(errorOf(plain)).startsWith("stagger analyze: " + notADirectory).hasLineCount(1)
                .isEqualTo(errorOf(picocli));
    }

    private static String errorOf(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AnalyzeCommand.execute(NOWHERE, new PrintStream(err, true, StandardCharsets.UTF_8), args);
        assertThat(exit).isEqualTo(RunOutcome.ERROR);
        return err.toString(StandardCharsets.UTF_8);
    }
}
