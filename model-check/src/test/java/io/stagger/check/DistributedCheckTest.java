package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLC's distributed mode as {@code bin/stagger check --distributed-server} and {@code --distributed-worker}: a
 * server and two workers on this machine exhaust the default model and find as many distinct states as one process.
 */
class DistributedCheckTest {
    @TempDir
    Path work;

    @Test
    void aServerAndTwoWorkersFindTheStatesOfOneProcess() throws Exception {
        int port = freePort();
        String[] model = {"--faults", "crash,partition"};
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CheckCommand server = new CheckCommand(sink(), sink());
            Future<Integer> served = pool.submit(() -> CheckCommand.execute(server, args(model, "-q",
                    "--distributed-server", "--port", Integer.toString(port), "--rmi-host", "localhost",
                    "--work-dir", work.resolve("distributed").toString(), "--timeout", "120"), sink(), sink()));
            List<Future<Integer>> workers = List.of(worker(pool, port), worker(pool, port));
            assertThat(served.get(150, TimeUnit.SECONDS)).isZero();
            for (Future<Integer> worker : workers) {
                assertThat(worker.get(30, TimeUnit.SECONDS)).isZero();
            }
            RunResult distributed = server.results().get(0);
            assertThat(distributed.mode()).isEqualTo(RunResult.Mode.DISTRIBUTED);
            assertThat(distributed.outcome().verdict()).isEqualTo(Verdict.PASS);

            CheckCommand single = new CheckCommand(sink(), sink());
            // Distributed TLC ignores a VIEW: the server checks the model without it, so the comparison is too.
            assertThat(CheckCommand.execute(single, args(model, "-q", "--workers", "1", "--no-view",
                    "--work-dir", work.resolve("single").toString()), sink(), sink())).isZero();
            assertThat(distributed.outcome().distinctStates())
                    .isPositive()
                    .isEqualTo(single.results().get(0).outcome().distinctStates());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnnamedViolationOfDistributedTlcIsAViolation() {
        TlcOutcome outcome = new TlcOutputParser(List.of()).parse(List.of(
                "Error: The behavior up to this point is:", "State 1: <Initial predicate>", "/\\ x = 1", "",
                "7 states generated, 5 distinct states found, 1 states left on queue."), 12, false);
        assertThat(outcome.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(outcome.violated()).isEqualTo("an invariant or action property");
    }

    private Future<Integer> worker(ExecutorService pool, int port) {
        return pool.submit(() -> CheckCommand.execute(new String[] {"-q", "--distributed-worker", "localhost",
                "--port", Integer.toString(port), "--rmi-host", "localhost", "--workers", "1", "--timeout", "120"},
                sink(), sink()));
    }

    private static String[] args(String[] model, String... more) {
        String[] all = new String[model.length + more.length];
        System.arraycopy(more, 0, all, 0, more.length);
        System.arraycopy(model, 0, all, more.length, model.length);
        return all;
    }

    private static PrintStream sink() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
