package org.lrasweep.kernel.train;

import org.lrasweep.kernel.param.Named;

/**
 * What regularized LRA does where Omega's error signal g is exactly zero, so that Omega is 0/0
 * (spec section 4): {@code on} skips that Omega term and counts the event (this project's one
 * deliberate departure from the authors' code); {@code off} computes it as the authors' code does,
 * so that Omega and its derivatives are NaN and the trial ends {@code diverged}.
 */
public enum OmegaGuard implements Named {
    ON("on"), OFF("off");

    private final String configName;

    OmegaGuard(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** @throws IllegalArgumentException naming {@code lra.omega-guard} and the known values */
    public static OmegaGuard byName(String name) {
        return Named.byName(values(), name, "lra.omega-guard");
    }
}
