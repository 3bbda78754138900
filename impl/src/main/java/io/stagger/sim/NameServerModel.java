package io.stagger.sim;

import io.stagger.service.NameServer;
import java.util.Objects;

/**
 * The name server as the harness provides it: its {@code lin-kv} service, a linearizable register under
 * {@link NameServer#KEY}. Each call takes effect at the instant it arrives (its linearization point).
 */
final class NameServerModel {
    private static final int PRECONDITION_FAILED = 22;

    private NameServer.Value value;
    private long writes;

    /** The answer to {@code call}, which takes effect now. */
    NameServer.Reply apply(NameServer.Call call) {
        if (call instanceof NameServer.Cas cas) {
            if (value == null && cas.from() != null) {
                return new NameServer.Failed(NameServer.KEY_DOES_NOT_EXIST);
            }
            if (!Objects.equals(value, cas.from())) {
                return new NameServer.Failed(PRECONDITION_FAILED);
            }
            value = cas.to();
            writes++;
            return new NameServer.CasOk();
        }
        return value == null ? new NameServer.Failed(NameServer.KEY_DOES_NOT_EXIST) : new NameServer.ReadOk(value);
    }

    /** The registration it holds, or null. */
    NameServer.Value value() {
        return value;
    }

    /** How many compare-and-sets took effect. */
    long writes() {
        return writes;
    }
}
