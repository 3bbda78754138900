package io.stagger.maelstrom;

/** A completion on the event loop (an RPC's reply or error, a service's value); an exception it throws is logged. */
@FunctionalInterface
public interface Callback<T> {
    void accept(T value) throws Exception;
}
