package org.lrasweep.kernel.train;

import static org.lrasweep.kernel.param.TrialParameters.BPTT_ALPHA;
import static org.lrasweep.kernel.param.TrialParameters.BPTT_CLIP;
import static org.lrasweep.kernel.param.TrialParameters.BPTT_LEARNING_RATE;

import org.lrasweep.kernel.param.ParamValues;

/**
 * BPTT settings (spec section 3); declared, documented and validated in
 * {@link org.lrasweep.kernel.param.TrialParameters}.
 *
 * @param learningRate SGD step eta ({@code bptt.learning-rate})
 * @param clip         global-norm clipping threshold ({@code bptt.clip}; 0 = off)
 * @param alpha        weight of Pascanu's gradient-flow regularizer on Whh ({@code bptt.alpha}; 0 = off)
 */
public record BpttSettings(double learningRate, double clip, double alpha) implements java.io.Serializable {
    public BpttSettings {
        BPTT_LEARNING_RATE.check(learningRate);
        BPTT_CLIP.check(clip);
        BPTT_ALPHA.check(alpha);
    }

    /** The BPTT settings among the values. */
    public static BpttSettings from(ParamValues v) {
        return new BpttSettings(v.get(BPTT_LEARNING_RATE), v.get(BPTT_CLIP), v.get(BPTT_ALPHA));
    }
}
