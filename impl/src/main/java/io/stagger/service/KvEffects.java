package io.stagger.service;

/** Where the replicated service puts what a step decided; the runtime and the simulator apply it. */
public interface KvEffects {

    /** Send {@code message} to server {@code to}. */
    void send(String to, KvMessage message);

    /** Answer the client request {@code request} (an opaque handle of the driver's) with {@code result}. */
    void answer(Object request, KvResult result);

    /** Call {@link KvReplica#retry} at {@code deadlineMicros} (re-prepare, re-replicate after a loss). */
    void armRetry(long deadlineMicros);

    /** The service is now led by this server under {@code ballot}: register it with the name server. */
    void serving(Ballot ballot);

    /** A restarted server has loaded the replicated state, at {@code version}, from a majority of the others. */
    default void recovered(long version) {}
}
