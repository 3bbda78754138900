package io.stagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plain forms, a row per command line: what a command with one flag, two options and one parameter is given. */
class PlainOptionsTest {
    /** A command with the flag -q/--quiet, the options --name and --size, and at most one parameter; records calls. */
    static final class Recorder implements PlainOptions.Target {
        final List<String> calls = new ArrayList<>();
        private boolean quiet;
        private boolean parameter;

        @Override
        public boolean setFlag(String name) {
            if (quiet || !(name.equals("-q") || name.equals("--quiet"))) {
                return false;
            }
            quiet = true;
            calls.add("flag " + name);
            return true;
        }

        @Override
        public boolean setOption(String name, String value) {
            boolean known = name.equals("--name") || (name.equals("--size") && PlainOptions.isPlainNatural(value));
            if (known) {
                calls.add(name + "=" + value);
            }
            return known;
        }

        @Override
        public boolean setParameter(String value) {
            if (parameter) {
                return false;
            }
            parameter = true;
            calls.add("parameter " + value);
            return true;
        }
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "                            | plain: []",
        "--name a                    | plain: [--name=a]",
        "--name=a --size 3           | plain: [--name=a, --size=3]",
        "-q dir --size=0             | plain: [flag -q, parameter dir, --size=0]",
        "--quiet --name a=b          | plain: [flag --quiet, --name=a=b]",
        "--name                      | picocli's",
        "--name a --name b           | picocli's",
        "--name=a --name b           | picocli's",
        "-q --quiet                  | picocli's",
        "-q -q                       | picocli's",
        "--quiet=true                | picocli's",
        "--name -a                   | picocli's",
        "--name=                     | picocli's",
        "--name @file                | picocli's",
        "@file                       | picocli's",
        "dir other                   | picocli's",
        "--size 010                  | picocli's",
        "--size 1e3                  | picocli's",
        "--size 1234567890123456789  | picocli's",
        "--bogus 1                   | picocli's",
        "-qv                         | picocli's",
        "--                          | picocli's",
        "--name \"a\"                | picocli's",
        "--name 'a'                  | picocli's",
    })
    void readsThePlainFormsAndLeavesTheRestToPicocli(String line, String expected) {
        String[] args = line == null ? new String[0] : line.split(" ");
        Recorder recorder = new Recorder();

        boolean plain = PlainOptions.parse(args, recorder);

        assertThat(plain ? "plain: " + recorder.calls : "picocli's").isEqualTo(expected);
    }
}
