package org.lrasweep.sweep.grid;

import org.lrasweep.kernel.train.Algorithm;
import org.lrasweep.kernel.train.LraSettings;
import org.lrasweep.kernel.train.TrialConfig;

/**
 * A rough single-core cost model of a trial, from {@code bench/run.sh} figures (H = 100, B = 20, one
 * thread, an AMD EPYC on OpenBLAS's Cooperlake kernels; see docs/performance.md): BPTT about
 * 0.026 ms per step of T per iteration; LRA {@code local} 0.29 ms per step (K = 10), {@code released}
 * 0.17 ms per step plus 0.0084 ms per step squared (its O(T^2) chains), 1.3 and 1.7 times that
 * with alpha > 0; one 10,000-sequence evaluation about 4 ms per step. Work scales with H^2 B and
 * with K for LRA's target searches. Used to order trials (longest first) and for {@code plan}'s
 * upper bound.
 */
public final class CostModel {
    private CostModel() {
    }

    /** Milliseconds of one training iteration. */
    public static double iterationMs(TrialConfig c) {
        double t = c.length();
        double scale = Math.pow(c.hidden() / 100.0, 2) * (c.batch() / 20.0);
        if (c.algorithm() == Algorithm.BPTT) {
            return 0.026 * t * scale;
        }
        LraSettings l = c.lra();
        double kScale = Math.max(1, l.k()) / 10.0;
        boolean regularized = l.alpha() > 0;
        double ms = l.variant() == LraSettings.Variant.LOCAL
                ? 0.29 * t * kScale * (regularized ? 1.3 : 1.0)
                : (0.17 * t * kScale + 0.0084 * t * t) * (regularized ? 1.7 : 1.0);
        return ms * scale;
    }

    /** Milliseconds of one test-set evaluation. */
    public static double evaluationMs(TrialConfig c) {
        return 4.0 * c.length() * (c.testSize() / 10_000.0) * Math.pow(c.hidden() / 100.0, 2);
    }

    /** Upper bound: milliseconds if the trial runs its whole budget. */
    public static double worstCaseMs(TrialConfig c) {
        return c.maxIterations() * iterationMs(c) + (c.maxIterations() / c.checkEvery()) * evaluationMs(c);
    }
}
