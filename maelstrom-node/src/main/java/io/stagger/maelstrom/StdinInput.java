package io.stagger.maelstrom;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An input stream as {@link Input}: a daemon thread splits bytes into lines and puts them in a bounded queue, which
 * the event loop takes from with a time-out (Java has no timed read on a stream), every line already there in one
 * hand-off. The thread touches nothing else.
 */
final class StdinInput implements Input {
    private final BlockingQueue<Item> queue;
    /** Lines taken from the queue in one hand-off and not yet returned; only the event loop touches it. */
    private final ArrayDeque<Item> taken = new ArrayDeque<>();

    StdinInput(InputStream in, int maxLineBytes, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        // A class, not a lambda: on JDK 17 a process's first lambda links the method-handle machinery in the
        // interpreter, milliseconds of a node's start.
        Thread reader = new Thread("stdin-reader") {
            @Override
            public void run() {
                read(in, maxLineBytes);
            }
        };
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public Item next(long maxWaitNanos) throws InterruptedException {
        if (taken.isEmpty()) {
            queue.drainTo(taken);
        }
        Item item = taken.poll();
        if (item != null || maxWaitNanos == 0) {
            return item;
        }
        if (maxWaitNanos != FOREVER) {
            return queue.poll(maxWaitNanos, TimeUnit.NANOSECONDS);
        }
        // Timed waits, not take(): on JDK 17 an untimed wait goes through ForkJoinPool, whose classes and common pool
        // would cost a node's start (it waits so for init).
        while (item == null) {
            item = queue.poll(1, TimeUnit.SECONDS);
        }
        return item;
    }

    private void read(InputStream in, int maxLineBytes) {
        BoundedLineReader lines = new BoundedLineReader(in, maxLineBytes);
        try {
            for (Item line = lines.next(); line != null; line = lines.next()) {
                queue.put(line);
            }
        } catch (IOException e) {
            System.err.println("stdin failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            queue.put(End.END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
