package io.stagger.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The parse without picocli ({@link NodeMain#parseWithoutPicocli}) reads every command line it accepts as picocli does. */
class NodeMainTest {
    /** Picocli's parse of {@code args}: the options, or the text of what is wrong with them. */
    private static Object picocli(String... args) {
        NodeMain main = new NodeMain();
        new CommandLine(main).parseArgs(args);
        return optionsOrError(main);
    }

    private static Object optionsOrError(NodeMain main) {
        Throwable error = catchThrowable(main::options);
        return error == null ? main.options() : error.getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--incarnation 7",
        "--incarnation=7 --boot start",
        "--incarnation 7 --variants announce,epochs,redirect --P 50ms --T 20ms --B 80ms --D 5ms -v",
        "--incarnation 7 --variants none --start-allowance 3s --boot restart --boot-marker-dir markers",
        "--incarnation 7 --delay-matrix n1>n2=10ms,n2>n1=30ms --rank-rule capability --capability n1=4,n2=8,n3=8",
        "--incarnation 7 --service-rule none --snapshot-period 0 --late-timer-slack 2ms --verbose",
        "--incarnation 7 --trace trace.jsonl",
        "--incarnation 0 --snapshot-period=250ms --variants=announce",
        // Accepted by both parsers, rejected by the same validation:
        "--incarnation 7 --P 100",
        "--incarnation 7 --boot sometimes",
        "--incarnation 7 --rank-rule capability",
        "--incarnation 7 --variants announce,bogus",
    })
    void aCommandLineItAcceptsMeansWhatItMeansToPicocli(String line) {
        String[] args = line.split(" ");
        NodeMain direct = new NodeMain();

        assertThat(direct.parseWithoutPicocli(args)).isTrue();
        assertThat(optionsOrError(direct)).isEqualTo(picocli(args));
    }

    @Test
    void noArgumentsMeansPicocliDefaults() {
        NodeMain direct = new NodeMain();
        assertThat(direct.parseWithoutPicocli(new String[0])).isTrue();
        NodeOptions options = direct.options();
        NodeMain parsed = new NodeMain();
        new CommandLine(parsed).parseArgs();
        NodeOptions expected = parsed.options();

        assertThat(options).usingRecursiveComparison().ignoringFields("incarnation").isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help", "-V", "--version", "--bogus 1", "--P", "--P 1ms --P 2ms", "-v -v",
        "--P -1ms", "-v --verbose", "--boot-marker-dir @dir", "--verbose=true", "--incarnation 0x10", "--incarnation 010", "--incarnation -5", "--variants \"none\"",
        "positional", "@args.txt", "-vh", "--", "--break access-check", "--break replication"})
    void whatPicocliMustSeeIsLeftToIt(String line) {
        assertThat(new NodeMain().parseWithoutPicocli(line.split(" "))).isFalse();
    }

    /** The shipped node cannot be started broken: the broken nodes are a test's ({@code BrokenNodeMain}). */
    @ParameterizedTest
    @ValueSource(strings = {"access-check", "replication"})
    void breakIsAnUnknownOption(String what) {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine commandLine = new CommandLine(new NodeMain());
        commandLine.setErr(new java.io.PrintWriter(err, true));
        assertThat(commandLine.execute("--break", what)).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unknown options: '--break', '" + what + "'");
    }

    /** Every option of picocli's model, and nothing else, is known to the parse without it. */
    @Test
    void itKnowsEveryOptionOfTheCommand() {
        List<String> unknown = new ArrayList<>();
        for (OptionSpec option : new CommandLine(new NodeMain()).getCommandSpec().options()) {
            for (String name : option.names()) {
                boolean known = option.arity().max() == 0
                        ? new NodeMain().parseWithoutPicocli(new String[] {name})
                        : new NodeMain().parseWithoutPicocli(new String[] {name, "1"});
                if (known == (option.usageHelp() || option.versionHelp())) {
                    unknown.add(name);
                }
            }
        }
        assertThat(unknown).as("options whose handling differs from picocli's model").isEmpty();
    }
}
