package org.lrasweep.sweep.stats;

import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The two-sided Mann-Whitney U test (Wilcoxon rank-sum test; Mann and Whitney, Ann. Math. Statist.
 * 18:50-60, 1947) of two independent samples, computed by Commons Statistics'
 * {@link MannWhitneyUTest} with its defaults. U is x's statistic, the number of pairs (x_i, y_j)
 * with x_i > y_j plus half the tied pairs (R's W); ties get average ranks. The p-value is exact
 * when both samples have fewer than 50 values and there are no ties across the pooled sample;
 * otherwise it is the normal approximation with tie-corrected variance and a 0.5 continuity
 * correction.
 */
public final class MannWhitney {
    /** Commons' auto mode is exact while both sample sizes are below this. */
    public static final int EXACT_LIMIT = 50;

    private MannWhitney() {
    }

    /**
     * The test result.
     *
     * @param u x's U statistic; y's is {@code x.length * y.length - u}
     * @param pValue the two-sided p-value
     * @param exact whether the p-value is exact (both sizes below 50, no ties)
     * @param ties whether the pooled sample has tied values
     */
    public record Result(double u, double pValue, boolean exact, boolean ties) {
    }

    /** The two-sided test of x against y (each with at least one value, no NaN). */
    public static Result test(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("empty sample: sizes " + x.length + " and " + y.length);
        }
        checkNoNaN(x, "x");
        checkNoNaN(y, "y");
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults().test(x, y);
        boolean exact = Math.max(x.length, y.length) < EXACT_LIMIT && !r.hasTiedValues();
        return new Result(r.getStatistic(), r.getPValue(), exact, r.hasTiedValues());
    }

    private static void checkNoNaN(double[] v, String name) {
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
        }
    }
}
