package org.lrasweep.kernel.train;

import org.lrasweep.kernel.model.Nd;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How LRA rescales a target step or a per-step update G with threshold c (spec section 4):
 * {@code clip} rescales to norm c when {@code ||G|| >= c}; {@code force} always rescales to norm c
 * (an ablation); {@code off} leaves G alone. c = 0 disables clip and force.
 */
public enum Normalize {
    CLIP("clip"), FORCE("force"), OFF("off");

    private final String configName;

    Normalize(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /**
     * @throws IllegalArgumentException naming {@code lra.normalize} and the known modes
     */
    public static Normalize byName(String name) {
        for (Normalize n : values()) {
            if (n.configName.equals(name)) {
                return n;
            }
        }
        throw new IllegalArgumentException("lra.normalize = " + name + ": unknown (known: clip, force, off)");
    }

    /** G rescaled as this mode prescribes: g itself when unchanged, else a new array. */
    public INDArray apply(INDArray g, double c) {
        if (this == OFF || c <= 0) {
            return g;
        }
        double norm = Nd.norm(g);
        boolean rescale = this == FORCE ? norm > 0 : norm >= c;
        return rescale ? g.mul(c / norm) : g;
    }
}
