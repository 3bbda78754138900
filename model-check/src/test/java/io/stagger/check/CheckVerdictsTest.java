package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TLC on small configurations: the verdicts and the shape of the counterexamples that the README publishes. */
class CheckVerdictsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Run check(String... args) {
        CommandHolder holder = new CommandHolder();
        int code = holder.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, holder.results);
    }

    @Test
    void theDefaultConfigurationPasses() {
        Run run = check("-q");
        assertThat(run.code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run.only().outcome().verdict()).isEqualTo(Verdict.PASS);
        assertThat(run.only().outcome().distinctStates()).isPositive();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("| verdict | pass |");
    }

    @Test
    void theClaimsVariantUnderAPartitionEndsWithTwoMastersThatNeverMeet() {
        Run run = check("-q", "--variants", "none", "--faults", "partition", "--servers", "2");
        assertThat(run.code).isEqualTo(1);
        TlcOutcome outcome = run.only().outcome();
        assertThat(outcome.violated()).isEqualTo("Convergence");
        assertThat(outcome.stutters()).isTrue();
        assertThat(masters(outcome.trace().get(outcome.trace().size() - 1))).isEqualTo(2);
        assertThat(run.only().counterexample()).contains("**Partition**", "**Heal**", "MASTER: n1, n2",
                "never converges");
    }

    @Test
    void theClaimsVariantUnderAPartitionWithThreeServersHasTwoMasters() {
        Run run = check("-q", "--variants", "none", "--faults", "partition", "--servers", "3");
        assertThat(run.code).isEqualTo(1);
        TlcOutcome outcome = run.only().outcome();
        assertThat(outcome.violated()).isEqualTo("Convergence");
        assertThat(outcome.trace()).anySatisfy(state -> assertThat(masters(state)).isEqualTo(2));
    }

    @Test
    void aStaleDeclareMakesTheClaimsVariantElectWhileItsMasterLives() {
        Run run = check("-q", "--variants", "none", "--faults", "crash", "--servers", "4");
        assertThat(run.code).isEqualTo(1);
        assertThat(run.only().outcome().violated()).isEqualTo("NoSpuriousElection");
        List<String> steps = new Counterexample(run.only().outcome(), false).steps();
        assertThat(steps.get(steps.size() - 1)).contains("**InquiryTimeout**", "→ WAITING");
    }

    @Test
    void theEpochViewKeepsTheCounterexamplesOfModelsWithEpochs() {
        Run partition = check("-q", "--variants", "epochs", "--faults", "partition");
        assertThat(partition.code).isEqualTo(1);
        assertThat(partition.only().outcome().violated()).isEqualTo("Convergence");
        assertThat(partition.only().outcome().trace()).anySatisfy(state -> assertThat(masters(state)).isEqualTo(2));
        Run stagger = check("-q", "--variants", "announce,epochs", "--faults", "crash", "--stagger", "--skew", "1");
        assertThat(stagger.code).isEqualTo(1);
        assertThat(stagger.only().outcome().violated()).isEqualTo("AtMostOneMaster");
        assertThat(ModelWriter.cfg(stagger.only().config())).contains("VIEW View");
    }

    @Test
    void simulationSamplesLargerGroups() {
        Run run = check("-q", "--servers", "5", "--faults", "crash,loss", "--simulate", "--depth", "40",
                "--traces", "100", "--seed", "7");
        assertThat(run.code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run.only().verdictText()).isEqualTo("pass (simulated)");
        assertThat(run.only().outcome().statesGenerated()).isPositive();
    }

    @Test
    void badOptionsAreRejectedWithAClearMessage() {
        assertThat(check("--variants", "announce,gossip").code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown variant 'gossip'");
        assertThat(check("--servers", "1").code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--servers must be at least 2");
        assertThat(check("--faults", "restart").code).isEqualTo(2);
    }

    @Test
    void helpExplainsEveryOption() {
        assertThat(check("--help").code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--variants", "--faults", "--servers", "--matrix",
                "--budget", "--P", "--T", "--B", "--D", "--max-delay", "--skew", "--stagger", "--failover-bound",
                "--max-epoch", "--simulate", "--depth", "--traces", "--seed", "--workers", "--timeout", "--spec-dir",
                "--work-dir", "--report", "--java-opts", "--quiet");
    }

    private static long masters(TraceState state) {
        List<TlaValue> roles = state.get("role").items();
        List<TlaValue> up = state.get("up").items();
        long count = 0;
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).asText().equals("MASTER") && up.get(i).asText().equals("TRUE")) {
                count++;
            }
        }
        return count;
    }

    private record Run(int code, List<RunResult> results) {
        RunResult only() {
            assertThat(results).hasSize(1);
            return results.get(0);
        }
    }

    /** Runs the command and keeps its results. */
    private static final class CommandHolder {
        List<RunResult> results = List.of();

        int execute(String[] args, PrintStream out, PrintStream err) {
            CheckCommand command = new CheckCommand(out, err);
            int code = CheckCommand.execute(command, args, out, err);
            results = command.results();
            return code;
        }
    }
}
