package io.stagger.maelstrom;

/**
 * Handles one message type on the event loop. Throwing an {@link RpcError} answers the request with that error;
 * any other exception answers it with error 13 (crash, indefinite) and logs the stack trace; the node keeps running.
 */
@FunctionalInterface
public interface Handler {
    void handle(Message message) throws Exception;
}
