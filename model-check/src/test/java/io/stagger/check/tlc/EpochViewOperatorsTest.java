package io.stagger.check.tlc;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.check.CheckCommand;
import io.stagger.check.RunResult;
import io.stagger.check.TlcOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tlc2.overrides.TLCOverrides;

/**
 * The Java evaluations of the View's operators mean what the spec's definitions mean: TLC reaches the same distinct
 * states and the same verdict with them as when it interprets the definitions ({@code -Dstagger.tlc.overrides=false}),
 * on models whose epochs climb and shift, one that passes and one that fails.
 */
class EpochViewOperatorsTest {

    @Test
    void aPassingModelWithShiftedEpochsHasTheSameStatesEitherWay() {
        assertSameOutcome("--variants", "announce,epochs", "--faults", "crash,restart");
    }

    @Test
    void aFailingModelWithShiftedEpochsHasTheSameStatesAndViolationEitherWay() {
        TlcOutcome outcome = assertSameOutcome("--variants", "epochs", "--faults", "crash,partition");
        assertThat(outcome.violated()).isEqualTo("Convergence");
    }

    private static TlcOutcome assertSameOutcome(String... model) {
        TlcOutcome java = check(model, "");
        TlcOutcome interpreted = check(model, "-D" + TLCOverrides.SWITCH + "=false");
        assertThat(java.distinctStates()).isPositive().isEqualTo(interpreted.distinctStates());
        assertThat(java.statesGenerated()).isEqualTo(interpreted.statesGenerated());
        assertThat(java.verdict()).isEqualTo(interpreted.verdict());
        assertThat(java.violated()).isEqualTo(interpreted.violated());
        return java;
    }

    private static TlcOutcome check(String[] model, String javaOptions) {
        List<String> args = new ArrayList<>(List.of("-q", "--workers", "1"));
        args.addAll(List.of(model));
        if (!javaOptions.isEmpty()) {
            args.addAll(List.of("--java-opts", javaOptions));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CheckCommand command = new CheckCommand(out, new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = CheckCommand.execute(command, args.toArray(String[]::new), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isIn(0, 1);
        List<RunResult> results = command.results();
        assertThat(results).hasSize(1);
        return results.get(0).outcome();
    }
}
