package org.lrasweep.kernel.train;

import static org.lrasweep.kernel.param.TrialParameters.LRA_ALPHA;
import static org.lrasweep.kernel.param.TrialParameters.LRA_BETA;
import static org.lrasweep.kernel.param.TrialParameters.LRA_C;
import static org.lrasweep.kernel.param.TrialParameters.LRA_K;
import static org.lrasweep.kernel.param.TrialParameters.LRA_LEARNING_RATE;
import static org.lrasweep.kernel.param.TrialParameters.LRA_LOCAL_LOSS;
import static org.lrasweep.kernel.param.TrialParameters.LRA_MOMENTUM;
import static org.lrasweep.kernel.param.TrialParameters.LRA_NORMALIZE;
import static org.lrasweep.kernel.param.TrialParameters.LRA_OMEGA_GUARD;
import static org.lrasweep.kernel.param.TrialParameters.LRA_VARIANT;

import org.lrasweep.kernel.param.Named;
import org.lrasweep.kernel.param.ParamValues;

/**
 * LRA settings (spec section 4); declared, documented and validated in
 * {@link org.lrasweep.kernel.param.TrialParameters}.
 *
 * @param variant      {@code released} (the authors' code, quirks included) or {@code local}
 * @param learningRate SGD step eta
 * @param beta         target step size (the reference's "glr")
 * @param k            target steps K
 * @param c            normalization threshold (0 = off)
 * @param normalize    how target steps and updates are rescaled with c
 * @param alpha        weight of the gradient-flow regularizer (0 = unregularized LRA)
 * @param localLoss    the local loss
 * @param momentum     heavy-ball momentum of the SGD step (0 = plain SGD)
 * @param omegaGuard   whether an Omega term whose error signal is exactly zero is skipped (on) or NaN (off)
 */
public record LraSettings(Variant variant, double learningRate, double beta, int k, double c,
                          Normalize normalize, double alpha, LocalLoss localLoss, double momentum, OmegaGuard omegaGuard) implements java.io.Serializable {
    /** The two LRA variants. */
    public enum Variant implements Named {
        RELEASED("released"), LOCAL("local");

        private final String configName;

        Variant(String configName) {
            this.configName = configName;
        }

        @Override
        public String configName() {
            return configName;
        }

        /** @throws IllegalArgumentException naming {@code lra.variant} */
        public static Variant byName(String name) {
            return Named.byName(values(), name, LRA_VARIANT.key());
        }
    }

    public LraSettings {
        LRA_VARIANT.check(variant == null ? null : variant.configName());
        LRA_LEARNING_RATE.check(learningRate);
        LRA_BETA.check(beta);
        LRA_K.check(k);
        LRA_C.check(c);
        LRA_NORMALIZE.check(normalize == null ? null : normalize.configName());
        LRA_ALPHA.check(alpha);
        LRA_LOCAL_LOSS.check(localLoss == null ? null : localLoss.configName());
        LRA_MOMENTUM.check(momentum);
        LRA_OMEGA_GUARD.check(omegaGuard == null ? null : omegaGuard.configName());
    }

    /** The LRA settings among the values. */
    public static LraSettings from(ParamValues v) {
        return new LraSettings(Variant.byName(v.get(LRA_VARIANT)), v.get(LRA_LEARNING_RATE), v.get(LRA_BETA), v.get(LRA_K),
                v.get(LRA_C), Normalize.byName(v.get(LRA_NORMALIZE)), v.get(LRA_ALPHA), LocalLoss.byName(v.get(LRA_LOCAL_LOSS)),
                v.get(LRA_MOMENTUM), OmegaGuard.byName(v.get(LRA_OMEGA_GUARD)));
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
