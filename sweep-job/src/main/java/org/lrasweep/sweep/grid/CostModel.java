package org.lrasweep.sweep.grid;

import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.kernel.train.LraSettings;
import org.lrasweep.kernel.train.TrialConfig;

/**
 * A rough single-core cost model of a trial, from {@code submit/kernel bench} figures on the
 * development machine (H = 100, B = 20, one thread; see README): BPTT about 0.045 ms per step of T
 * per iteration; LRA {@code local} 0.72 ms per step (K = 10), {@code released} 0.45 ms per step
 * plus 0.015 ms per step squared (its O(T^2) chains), 1.3 to 1.7 times that with alpha > 0; one
 * 10,000-sequence evaluation about 9 ms per step. Work scales with H^2 B and with K for LRA's
 * target searches. Used to order trials (longest first) and for {@code plan}'s upper bound.
 */
public final class CostModel {
    private CostModel() {
    }

    /** Milliseconds of one training iteration. */
    public static double iterationMs(TrialConfig c) {
        double t = c.length();
        double scale = Math.pow(c.hidden() / 100.0, 2) * (c.batch() / 20.0);
        if (c.algorithm() == Algorithm.BPTT) {
            return 0.045 * t * scale;
        }
        LraSettings l = c.lra();
        double kScale = Math.max(1, l.k()) / 10.0;
        boolean regularized = l.alpha() > 0;
        double ms = l.variant() == LraSettings.Variant.LOCAL
                ? 0.72 * t * kScale * (regularized ? 1.3 : 1.0)
                : (0.45 * t * kScale + 0.015 * t * t) * (regularized ? 1.7 : 1.0);
        return ms * scale;
    }

    /** Milliseconds of one test-set evaluation. */
    public static double evaluationMs(TrialConfig c) {
        return 9.0 * c.length() * (c.testSize() / 10_000.0) * Math.pow(c.hidden() / 100.0, 2);
    }

    /** Upper bound: milliseconds if the trial runs its whole budget. */
    public static double worstCaseMs(TrialConfig c) {
        return c.maxIterations() * iterationMs(c) + (c.maxIterations() / c.checkEvery()) * evaluationMs(c);
    }
}
