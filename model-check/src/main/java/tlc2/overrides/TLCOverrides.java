package tlc2.overrides;

import io.stagger.check.tlc.EpochViewOperators;

/**
 * The class TLC looks up by this name to find Java evaluations of a spec's operators: here those of the View on epochs
 * ({@link EpochViewOperators}). With {@code -Dstagger.tlc.overrides=false} TLC interprets the TLA+ definitions.
 */
public final class TLCOverrides implements ITLCOverrides {
    /** The property that turns the overrides off. */
    public static final String SWITCH = "stagger.tlc.overrides";

    @Override
    public Class[] get() {
        return Boolean.parseBoolean(System.getProperty(SWITCH, "true"))
                ? new Class[] {EpochViewOperators.class} : new Class[0];
    }
}
