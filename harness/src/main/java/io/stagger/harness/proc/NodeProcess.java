package io.stagger.harness.proc;

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

/** One run of a node binary: a reader thread on its stdout, a writer thread on its stdin, its stderr to a log. */
final class NodeProcess {
    /** Bound on one line of a node's stdout. */
    static final int MAX_LINE_BYTES = 8 << 20;
    /** Bound on lines waiting to be written to a node's stdin. */
    static final int STDIN_QUEUE = 100_000;
    /** Size of the stdin writer's buffer: lines are written out when it is full or when no more are queued. */
    static final int STDIN_BUFFER_BYTES = 65_536;
    /** How many of the last stderr lines are kept to explain a crash. */
    static final int STDERR_TAIL = 8;

    /** What a node process tells its owner. */
    interface Listener {
        /** A line the node printed, {@code bytes[offset, offset + length)} in UTF-8 without its line end; reader thread. */
        void line(byte[] bytes, int offset, int length);

        /** Every line of one read from the node's stdout has been given to {@link #line}; reader thread. */
        void endOfRead();

        void problem(String description);

        /** The node's input queue is full; called on the thread that tried to queue one more line. */
        void inputFull(int waiting);

        void exited(int status, List<String> stderrTail);
    }

    private final String nodeId;
    private final Process process;
    private final Listener listener;
    /** Lines handed to the stdin writer, at most {@link #STDIN_QUEUE}; guarded by itself. */
    private final StdinQueue stdin = new StdinQueue();
    /** Lines sent since the last {@link #flush()}; the router thread's own. */
    private final List<byte[]> sent = new ArrayList<>();
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

    /** Sends a line to the node's stdin: it is handed to the stdin writer at the next {@link #flush()}. Router thread. */
    void send(byte[] line) {
        sent.add(line);
    }

    /**
     * Hands the lines sent since the last call to the stdin writer, at once (one wake-up of the writer for them all);
     * a node that stops reading is reported rather than buffered forever: lines beyond {@link #STDIN_QUEUE} waiting
     * are dropped. Router thread.
     */
    void flush() {
        if (sent.isEmpty()) {
            return;
        }
        boolean full;
        synchronized (stdin) {
            int taken = Math.min(sent.size(), STDIN_QUEUE - stdin.queued.size());
            stdin.queued.addAll(taken == sent.size() ? sent : sent.subList(0, taken));
            full = taken < sent.size();
            if (stdin.writerWaits) {
                stdin.notify();
            }
        }
        sent.clear();
        if (full && !stdinOverflowReported) {
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
        BoundedLineReader.Lines lines = (bytes, offset, length) -> {
            if (!destroyed) {
                listener.line(bytes, offset, length);
            }
        };
        try {
            boolean more;
            do {
                more = reader.read(lines);
                listener.endOfRead();
            } while (more && !destroyed);
        } catch (BoundedLineReader.LineTooLong e) {
            listener.endOfRead();
            if (!destroyed) {
                listener.problem(nodeId + " printed " + e.getMessage() + " on stdout");
            }
        } catch (IOException e) {
            // The process was killed: its stdout closes with it.
        }
    }

    /** Lines waiting for the stdin writer, and whether it waits for them. */
    private static final class StdinQueue {
        List<byte[]> queued = new ArrayList<>();
        boolean writerWaits;
    }

    private void writeStdin() {
        byte[] buffer = new byte[STDIN_BUFFER_BYTES];
        int buffered = 0;
        List<byte[]> taken = new ArrayList<>();
        try (OutputStream out = process.getOutputStream()) {
            while (process.isAlive()) {
                synchronized (stdin) {
                    if (stdin.queued.isEmpty() && buffered == 0) {
                        stdin.writerWaits = true;
                        stdin.wait(200);
                        stdin.writerWaits = false;
                    }
                    List<byte[]> queued = stdin.queued;
                    stdin.queued = taken;
                    taken = queued;
                }
                if (taken.isEmpty()) {
                    // Every line queued is in the buffer: written out once the queue is empty.
                    if (buffered > 0) {
                        out.write(buffer, 0, buffered);
                        out.flush();
                        buffered = 0;
                    }
                    continue;
                }
                for (byte[] line : taken) {
                    if (line.length + 1 > buffer.length - buffered) {
                        out.write(buffer, 0, buffered);
                        buffered = 0;
                        if (line.length + 1 > buffer.length) {
                            out.write(line);
                            out.write('\n');
                            continue;
                        }
                    }
                    System.arraycopy(line, 0, buffer, buffered, line.length);
                    buffered += line.length;
                    buffer[buffered++] = '\n';
                }
                taken.clear();
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
