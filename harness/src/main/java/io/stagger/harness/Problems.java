package io.stagger.harness;

import java.util.ArrayList;
import java.util.List;

/** Errors that make a run's outcome "error" rather than valid or invalid: a bad node or a harness failure. */
public final class Problems {
    private final List<String> messages = new ArrayList<>();
    private volatile boolean any;

    public synchronized void report(String message) {
        if (messages.size() < 100 && !messages.contains(message)) {
            messages.add(message);
        }
        any = true;
    }

    public boolean any() {
        return any;
    }

    public synchronized List<String> list() {
        return List.copyOf(messages);
    }
}
