package io.stagger.maelstrom;

/** A timer's action or an init hook, run on the event loop; an exception it throws is logged. */
@FunctionalInterface
public interface Task {
    void run() throws Exception;
}
