package org.lrasweep.kernel.train;

import org.lrasweep.kernel.param.Named;
import org.lrasweep.kernel.linalg.Matrix;

/**
 * How LRA rescales a target step or a per-step update G with threshold c (spec section 4):
 * {@code clip} rescales to norm c when {@code ||G|| >= c}; {@code force} always rescales to norm c
 * (an ablation); {@code off} leaves G alone. c = 0 disables clip and force.
 */
public enum Normalize implements Named {
    CLIP("clip"), FORCE("force"), OFF("off");

    private final String configName;

    Normalize(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /**
     * @throws IllegalArgumentException naming {@code lra.normalize} and the known modes
     */
    public static Normalize byName(String name) {
        return Named.byName(values(), name, "lra.normalize");
    }

    /** The factor this mode multiplies G by: 1 when G is left alone, else c / ||G||. */
    public float factor(Matrix g, double c) {
        if (this == OFF || c <= 0) {
            return 1f;
        }
        double norm = g.norm();
        boolean rescale = this == FORCE ? norm > 0 : norm >= c;
        return rescale ? (float) (c / norm) : 1f;
    }
}
