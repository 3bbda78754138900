package io.stagger.harness.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.harness.Problems;
import io.stagger.harness.RunClock;
import io.stagger.harness.service.Errors;
import io.stagger.harness.workload.Completion;
import io.stagger.harness.workload.Generator;
import io.stagger.harness.workload.OpClient;
import io.stagger.harness.workload.Request;
import io.stagger.history.History;
import io.stagger.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;

/**
 * The client processes: `concurrency` threads, worker w bound to node w mod n as in Maelstrom, each invoking the
 * generator's requests at the shared rate and recording invocations and completions. A process whose operation
 * ends indeterminate (info) is replaced by a fresh process id, as Jepsen does.
 */
public final class Workers {
    private final Generator generator;
    private final OpClient opClient;
    private final List<String> nodeIds;
    private final History history;
    private final RunClock clock;
    private final Problems problems;
    private final long timeoutMillis;
    private final Pacer pacer;
    private final List<Worker> workers = new ArrayList<>();

    public Workers(Generator generator, OpClient opClient, Clients clients, List<String> nodeIds, History history, RunClock clock,
            Problems problems, double rate, int concurrency, long seed, long timeoutMillis) {
        this.generator = generator;
        this.opClient = opClient;
        this.nodeIds = nodeIds;
        this.history = history;
        this.clock = clock;
        this.problems = problems;
        this.timeoutMillis = timeoutMillis;
        this.pacer = new Pacer(clock, rate, seed);
        for (int w = 0; w < concurrency; w++) {
            workers.add(new Worker(w, clients.create(), new SplittableRandom(seed * 31 + w), concurrency));
        }
    }

    /** Runs every worker until the run's clock reaches endNanos (or a problem stops the run). */
    public void runUntil(long endNanos) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Worker worker : workers) {
            Thread thread = new Thread(() -> worker.loop(endNanos), "client-" + worker.index);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /**
     * Runs the given requests (each naming its node), spread over the workers, and waits for them all; each request
     * is followed by the workload's follow-ups ({@link Generator#followUp}) on the same worker.
     */
    public void runAll(List<Request> requests, boolean isFinal) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Worker worker : workers) {
            List<Request> mine = new ArrayList<>();
            for (int i = worker.index; i < requests.size(); i += workers.size()) {
                mine.add(requests.get(i));
            }
            Thread thread = new Thread(() -> mine.forEach(r -> worker.invokeWithFollowUps(r, isFinal)),
                    "client-" + worker.index);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private final class Worker {
        final int index;
        final Client client;
        final SplittableRandom random;
        final int concurrency;
        int process;

        Worker(int index, Client client, SplittableRandom random, int concurrency) {
            this.index = index;
            this.client = client;
            this.random = random;
            this.concurrency = concurrency;
            this.process = index;
        }

        void loop(long endNanos) {
            try {
                while (!problems.any()) {
                    long slot = pacer.nextSlot();
                    if (slot >= endNanos) {
                        return;
                    }
                    long waitNanos = slot - clock.now();
                    if (waitNanos > 0) {
                        Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                    }
                    invoke(generator.next(process, random), false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void invokeWithFollowUps(Request first, boolean isFinal) {
            Request request = first;
            while (request != null && !problems.any()) {
                request = generator.followUp(request, invoke(request, isFinal));
            }
        }

        Completion invoke(Request request, boolean isFinal) {
            String node = request.node() != null ? request.node() : nodeIds.get(index % nodeIds.size());
            history.add(process, Op.Type.INVOKE, request.f(), request.value(), node, null, isFinal);
            Completion completion;
            try {
                JsonNode reply = client.call(node, request.body().deepCopy(), timeoutMillis, problems::any);
                completion = opClient.complete(request, node, reply);
                if (completion == null) {
                    completion = generic(request, reply);
                }
            } catch (TimeoutException e) {
                completion = opClient.idempotent(request.f()) ? Completion.fail("timeout") : Completion.info("timeout");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                completion = Completion.info("interrupted");
            }
            JsonNode value = completion.value() != null ? completion.value() : request.value();
            history.add(process, completion.type(), request.f(), value, node, completion.error(), isFinal);
            generator.update(process, request, completion);
            if (completion.type() == Op.Type.INFO) {
                process += concurrency;
            }
            return completion;
        }

        private Completion generic(Request request, JsonNode reply) {
            if (!reply.path("type").asText().equals("error")) {
                return OpClient.unexpected(request, reply);
            }
            int code = reply.path("code").asInt(-1);
            String error = "error " + code + ": " + reply.path("text").asText("");
            if (Errors.definite(code) || opClient.idempotent(request.f())) {
                return Completion.fail(error);
            }
            return Completion.info(error);
        }
    }
}
