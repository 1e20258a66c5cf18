package org.lrasweep.kernel.train;

/**
 * BPTT settings (spec section 3).
 *
 * @param learningRate SGD step eta (> 0)
 * @param clip         global-norm clipping threshold c (0 = off)
 * @param alpha        weight of Pascanu's gradient-flow regularizer on Whh (0 = off)
 */
public record BpttSettings(double learningRate, double clip, double alpha) implements java.io.Serializable {
    public BpttSettings {
        Settings.require(learningRate > 0 && Double.isFinite(learningRate), "bptt.learning-rate", learningRate, "must be > 0");
        Settings.require(clip >= 0 && Double.isFinite(clip), "bptt.clip", clip, "must be >= 0");
        Settings.require(alpha >= 0 && Double.isFinite(alpha), "bptt.alpha", alpha, "must be >= 0");
    }
}
