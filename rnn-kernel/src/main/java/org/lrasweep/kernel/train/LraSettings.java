package org.lrasweep.kernel.train;

/**
 * LRA settings (spec section 4); defaults are the reference's.
 *
 * @param variant      {@code released} (the authors' code, quirks included) or {@code local}
 * @param learningRate SGD step eta (> 0)
 * @param beta         target step size (> 0; the reference's "glr")
 * @param k            target steps K (>= 1)
 * @param c            clip threshold (>= 0; 0 = off)
 * @param normalize    how target steps and updates are rescaled with c
 * @param alpha        weight of the gradient-flow regularizer (>= 0; 0 = unregularized LRA)
 * @param localLoss    the local loss
 */
public record LraSettings(Variant variant, double learningRate, double beta, int k, double c,
                          Normalize normalize, double alpha, LocalLoss localLoss) implements java.io.Serializable {
    public static final double DEFAULT_LEARNING_RATE = 0.1;
    public static final double DEFAULT_BETA = 10;
    public static final int DEFAULT_K = 10;
    public static final double DEFAULT_C = 1;

    /** The two LRA variants. */
    public enum Variant {
        RELEASED("released"), LOCAL("local");

        private final String configName;

        Variant(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        /** @throws IllegalArgumentException naming {@code lra.variant} */
        public static Variant byName(String name) {
            for (Variant v : values()) {
                if (v.configName.equals(name)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("lra.variant = " + name + ": unknown (known: released, local)");
        }
    }

    public LraSettings {
        Settings.require(variant != null, "lra.variant", null, "required");
        Settings.require(learningRate > 0 && Double.isFinite(learningRate), "lra.learning-rate", learningRate, "must be > 0");
        Settings.require(beta > 0 && Double.isFinite(beta), "lra.beta", beta, "must be > 0");
        Settings.require(k >= 1, "lra.k", k, "must be >= 1");
        Settings.require(c >= 0 && Double.isFinite(c), "lra.c", c, "must be >= 0");
        Settings.require(alpha >= 0 && Double.isFinite(alpha), "lra.alpha", alpha, "must be >= 0");
        Settings.require(normalize != null, "lra.normalize", null, "required");
        Settings.require(localLoss != null, "lra.local-loss", null, "required");
    }

    /** Settings from configuration names; unknown names get one-line errors naming the setting. */
    public static LraSettings fromNames(String variant, double learningRate, double beta, int k, double c,
                                        String normalize, double alpha, String localLoss) {
        return new LraSettings(Variant.byName(variant), learningRate, beta, k, c, Normalize.byName(normalize),
                alpha, LocalLoss.byName(localLoss));
    }

    /**
     * Rejects shapes a variant cannot run: {@code released}'s diagonal quirk needs B <= H.
     *
     * @throws IllegalArgumentException naming the batch size and hidden size
     */
    public void checkShape(int batch, int hidden) {
        if (variant == Variant.RELEASED && batch > hidden) {
            throw new IllegalArgumentException("batch = " + batch + ": lra.variant = released needs batch <= hidden (" + hidden
                    + ") because of its diagonal s(a) quirk");
        }
    }
}
