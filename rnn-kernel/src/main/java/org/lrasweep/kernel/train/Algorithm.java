package org.lrasweep.kernel.train;

/** The learning algorithms a trial can run. */
public enum Algorithm {
    BPTT("bptt"), LRA("lra");

    private final String configName;

    Algorithm(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** @throws IllegalArgumentException naming {@code algorithm} and the known names */
    public static Algorithm byName(String name) {
        for (Algorithm a : values()) {
            if (a.configName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("algorithm = " + name + ": unknown (known: bptt, lra)");
    }
}
