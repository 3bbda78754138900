package io.stagger.runtime;

import io.stagger.core.Config;

/** What {@code bin/stagger-node} was told on its command line: the protocol configuration and how to run. */
public record NodeOptions(Config config, BootMode bootMode, String bootMarkerDir, boolean verbose) {

    /** The defaults: {@link Config#defaults()}, boot mode auto, quiet. */
    public static NodeOptions defaults() {
        return new NodeOptions(Config.defaults(), BootMode.AUTO, null, false);
    }
}
