package org.lrasweep.kernel.train;

import org.lrasweep.kernel.model.Nd;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The local loss between a state and its target (spec section 4), a mean over batch and units.
 * Both are symmetric in their arguments, so {@code d/db L(a, b) = -d/da L(a, b)}. Differences are
 * taken in float32 like the rest of the kernel; values are accumulated in double.
 */
public enum LocalLoss {
    /** {@code mean (a - b)^2}. */
    MSE("mse"),
    /** {@code mean log(1 + (a - b)^2)}: the reference's default. */
    LOG_PENALTY("log-penalty");

    private final String configName;

    LocalLoss(String configName) {
        this.configName = configName;
    }

    /** The name used in configurations and fixtures. */
    public String configName() {
        return configName;
    }

    /**
     * @throws IllegalArgumentException naming {@code lra.local-loss} and the known names
     */
    public static LocalLoss byName(String name) {
        for (LocalLoss l : values()) {
            if (l.configName.equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("lra.local-loss = " + name + ": unknown (known: mse, log-penalty)");
    }

    /** L(a, b). */
    public double value(INDArray a, INDArray b) {
        float[] x = Nd.toFloats(a);
        float[] y = Nd.toFloats(b);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            sum += this == MSE ? d * d : Math.log1p(d * d);
        }
        return sum / x.length;
    }

    /** dL(a, b)/da, shaped like a. */
    public INDArray gradient(INDArray a, INDArray b) {
        float[] x = Nd.toFloats(a);
        float[] y = Nd.toFloats(b);
        float[] g = new float[x.length];
        float scale = 2f / x.length;
        for (int i = 0; i < x.length; i++) {
            float d = x[i] - y[i];
            g[i] = this == MSE ? scale * d : scale * d / (1f + d * d);
        }
        return Nd.matrix(g, a.rows(), a.columns());
    }
}
