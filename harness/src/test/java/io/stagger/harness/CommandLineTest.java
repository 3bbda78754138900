package io.stagger.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line: --help lists every Maelstrom option; a bad option is an error (exit 2). */
class CommandLineTest {
    @Test
    void helpExplainsEveryOption() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = TestCommand.execute(System.out, "--help");
        } finally {
            System.setOut(saved);
        }
        String help = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        for (String option : new String[] {"--workload", "--bin", "--node-args", "--node-count", "--time-limit", "--rate",
                "--concurrency", "--latency", "--latency-dist", "--nemesis", "--nemesis-interval", "--nemesis-schedule",
                "--availability",
                "--topology", "--key-count", "--log-stderr", "--log-net-send", "--log-net-recv", "--seed"}) {
            assertThat(help).contains(option);
        }
    }

    @Test
    void unknownWorkloadTopologyOrFaultIsAnError() {
        assertThat(TestCommand.execute(System.out, "-w", "nope", "--bin", "x")).isEqualTo(2);
        assertThat(TestCommand.execute(System.out, "--topology", "ring", "--bin", "x")).isEqualTo(2);
        assertThat(TestCommand.execute(System.out, "--nemesis", "meteor", "--bin", "x")).isEqualTo(2);
        assertThat(TestCommand.execute(System.out, "-w", "echo")).isEqualTo(2);
    }
}
