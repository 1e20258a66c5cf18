package org.lrasweep.kernel.train;

import org.lrasweep.kernel.param.Named;

/** The learning algorithms a trial can run. */
public enum Algorithm implements Named {
    BPTT("bptt"), LRA("lra");

    private final String configName;

    Algorithm(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** @throws IllegalArgumentException naming {@code algorithm} and the known names */
    public static Algorithm byName(String name) {
        return Named.byName(values(), name, "algorithm");
    }
}
