package io.stagger.maelstrom;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An input stream as {@link Input}: a daemon thread turns bytes into lines and puts them in a bounded queue, which
 * the event loop takes from with a time-out (Java has no timed read on a stream). The thread touches nothing else.
 */
final class StdinInput implements Input {
    private final BlockingQueue<Item> queue;

    StdinInput(InputStream in, int maxLineChars, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        Thread reader = new Thread(() -> read(in, maxLineChars), "stdin-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public Item next(long maxWaitNanos) throws InterruptedException {
        return maxWaitNanos == FOREVER ? queue.take() : queue.poll(maxWaitNanos, TimeUnit.NANOSECONDS);
    }

    private void read(InputStream in, int maxLineChars) {
        BoundedLineReader lines = new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8), maxLineChars);
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
