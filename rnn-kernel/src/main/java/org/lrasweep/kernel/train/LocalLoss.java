package org.lrasweep.kernel.train;

import org.lrasweep.kernel.param.Named;
import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.linalg.Ops;

/**
 * The local loss between a state and its target (spec section 4), a mean over batch and units.
 * Both are symmetric in their arguments, so {@code d/db L(a, b) = -d/da L(a, b)}. Differences are
 * taken in float32 like the rest of the kernel; values are accumulated in double.
 */
public enum LocalLoss implements Named {
    /** {@code mean (a - b)^2}. */
    MSE("mse"),
    /** {@code mean log(1 + (a - b)^2)}: the reference's default. */
    LOG_PENALTY("log-penalty");

    private final String configName;

    LocalLoss(String configName) {
        this.configName = configName;
    }

    /** The name used in configurations and fixtures. */
    @Override
    public String configName() {
        return configName;
    }

    /**
     * @throws IllegalArgumentException naming {@code lra.local-loss} and the known names
     */
    public static LocalLoss byName(String name) {
        return Named.byName(values(), name, "lra.local-loss");
    }

    /** L(a, b). */
    public double value(Matrix a, Matrix b) {
        double sum = 0;
        for (int i = 0, n = a.size(); i < n; i++) {
            double d = a.get(i) - b.get(i);
            sum += this == MSE ? d * d : StrictMath.log1p(d * d); // StrictMath: the same bits on every JVM
        }
        return sum / a.size();
    }

    /** dL(a, b)/da into dst (which may be a or b). */
    public void gradient(Matrix a, Matrix b, Matrix dst) {
        float scale = 2f / a.size();
        if (this == MSE) {
            Ops.scaledDifference(a, b, scale, dst);
        } else {
            Ops.logPenaltyGradient(a, b, scale, dst);
        }
    }
}
