package io.stagger.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path temp;

    @Test
    void helpNamesEveryOption() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            assertThat(ServeCommand.execute(out, "--help")).isZero();
        } finally {
            System.setOut(saved);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("--store", "--reports", "--port", "--host",
                "127.0.0.1", "8080");
    }

    @Test
    void aMissingStoreABadPortOrAPortInUseIsAnErrorNotACrash() throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(ServeCommand.execute(out, "--store", temp.resolve("missing").toString())).isEqualTo(2);
        assertThat(ServeCommand.execute(out, "--store", temp.toString(), "--port", "70000")).isEqualTo(2);
        assertThat(ServeCommand.execute(out, "--store", temp.toString(), "--reports", temp.resolve("no").toString()))
                .isEqualTo(2);
        assertThat(ServeCommand.execute(out, "--store", temp.toString(), "--port", "many")).isEqualTo(2);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(ServeCommand.execute(out, "--store", temp.toString(), "--port",
                    Integer.toString(taken.getLocalPort()))).isEqualTo(2);
        }
    }
}
