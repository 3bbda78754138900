package io.stagger.sim;

import io.stagger.service.KvOp;
import io.stagger.service.KvResult;

/**
 * One client operation of a service run, as the client saw it: sent to {@code origin} at {@code invokeMicros},
 * answered at {@code completeMicros} with {@code result}, or never answered ({@code completeMicros = -1},
 * {@code result = null}).
 */
public record ClientOperation(long id, String origin, KvOp op, long invokeMicros, long completeMicros, KvResult result) {

    /** The service answered with an outcome (a value, ok, or a definite error of the operation itself). */
    public boolean acknowledged() {
        return result != null && !(result instanceof KvResult.Unavailable) && !(result instanceof KvResult.Indefinite);
    }

    /** The service answered that the operation certainly did not happen. */
    public boolean failed() {
        return result instanceof KvResult.Unavailable;
    }

    /** It may or may not have happened: answered as indefinite, or never answered. */
    public boolean indeterminate() {
        return result == null || result instanceof KvResult.Indefinite;
    }

    /**
     * The completion time for real-time order: never, for an indeterminate operation. Error 0 says "it may or may
     * not have happened", and it may yet: a server that answers it when its master changed may have a forward of it
     * still on its way to the old master, which can serve it after the client's answer.
     */
    long completeOrNever() {
        return indeterminate() ? Long.MAX_VALUE : completeMicros;
    }

    @Override
    public String toString() {
        return "op" + id + " " + op + " at " + origin + " [" + invokeMicros + "us, "
                + (result == null ? "no answer" : completeMicros + "us " + result) + "]";
    }
}
