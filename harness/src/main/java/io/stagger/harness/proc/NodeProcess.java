package io.stagger.harness.proc;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** One run of a node binary: a reader thread on its stdout, a writer thread on its stdin, its stderr to a log. */
final class NodeProcess {
    /** Bound on one line of a node's stdout. */
    static final int MAX_LINE_BYTES = 8 << 20;
    /** Bound on lines waiting to be written to a node's stdin. */
    static final int STDIN_QUEUE = 100_000;
    /** Lines the stdin writer takes from its queue at a time. */
    static final int STDIN_BATCH = 1024;
    /** How many of the last stderr lines are kept to explain a crash. */
    static final int STDERR_TAIL = 8;

    /** What a node process tells its owner. */
    interface Listener {
        void line(String line);

        void problem(String description);

        /** The node's input queue is full; called on the thread that tried to queue one more line. */
        void inputFull(int waiting);

        void exited(int status, List<String> stderrTail);
    }

    private final String nodeId;
    private final Process process;
    private final Listener listener;
    private final BlockingQueue<String> stdin = new ArrayBlockingQueue<>(STDIN_QUEUE);
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private volatile boolean stdinOverflowReported;
    private volatile boolean destroyed;

    NodeProcess(String nodeId, List<String> command, File directory, Path log, boolean echoStderr, Listener listener)
            throws IOException {
        this.nodeId = nodeId;
        this.listener = listener;
        this.process = new ProcessBuilder(ProcessTree.inOwnSession(command)).directory(directory).start();
        startThread("stdout", this::readStdout);
        startThread("stdin", this::writeStdin);
        startThread("stderr", () -> copyStderr(log, echoStderr));
        process.onExit().thenRun(this::awaitStderrThenReport);
    }

    private Thread stderrThread;

    private void startThread(String stream, Runnable body) {
        Thread thread = new Thread(body, nodeId + "-" + stream);
        thread.setDaemon(true);
        if (stream.equals("stderr")) {
            stderrThread = thread;
        }
        thread.start();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Queues a line for the node's stdin; a node that stops reading is reported rather than buffered forever. */
    void send(String line) {
        if (!stdin.offer(line) && !stdinOverflowReported) {
            stdinOverflowReported = true;
            listener.inputFull(STDIN_QUEUE);
        }
    }

    /** Kills the process tree; what it was still writing (perhaps half a line) is dropped, and its exit is expected. */
    void destroy() {
        destroyed = true;
        ProcessTree.destroy(process.toHandle());
    }

    boolean signal(String signal) {
        return ProcessTree.signal(process.toHandle(), signal);
    }

    private void readStdout() {
        BoundedLineReader reader = new BoundedLineReader(process.getInputStream(), MAX_LINE_BYTES);
        try {
            String line;
            while ((line = reader.readLine()) != null && !destroyed) {
                if (!line.isBlank()) {
                    listener.line(line);
                }
            }
        } catch (BoundedLineReader.LineTooLong e) {
            if (!destroyed) {
                listener.problem(nodeId + " printed " + e.getMessage() + " on stdout");
            }
        } catch (IOException e) {
            // The process was killed: its stdout closes with it.
        }
    }

    private void writeStdin() {
        List<String> batch = new ArrayList<>(STDIN_BATCH);
        try (OutputStream out = new BufferedOutputStream(process.getOutputStream(), 65_536)) {
            while (process.isAlive()) {
                String line = stdin.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                // Every line already queued in one go, as UTF-8 bytes; flushed once the queue is empty.
                batch.add(line);
                stdin.drainTo(batch, STDIN_BATCH - 1);
                for (String queued : batch) {
                    out.write(queued.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
                batch.clear();
                if (stdin.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The process exited: nothing more can be written to it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void copyStderr(Path log, boolean echo) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            String line;
            while ((line = err.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                if (echo) {
                    System.err.println(nodeId + " | " + line);
                }
                synchronized (stderrTail) {
                    if (stderrTail.size() == STDERR_TAIL) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line);
                }
            }
        } catch (IOException e) {
            // The process was killed while writing: its log ends here.
        }
    }

    private void awaitStderrThenReport() {
        if (destroyed) {
            return;
        }
        try {
            stderrThread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> tail;
        synchronized (stderrTail) {
            tail = List.copyOf(stderrTail);
        }
        listener.exited(process.exitValue(), tail);
    }
}
