package org.lrasweep.sweep.stats;

import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * The two-sided Wilcoxon signed-rank test on paired samples (Wilcoxon, Biometrics Bulletin
 * 1:80-83, 1945), computed by Commons Statistics' {@link WilcoxonSignedRankTest} with its defaults:
 * the statistic is W+ (R's V), the sum of the ranks of |x_i - y_i| over the pairs with
 * x_i > y_i. The p-value is exact when n <= 50 and there are neither ties among the |differences|
 * nor zero differences; otherwise it is the normal approximation with tie correction and a 0.5
 * continuity correction.
 *
 * <p>Zeros (pairs with x_i == y_i): Commons keeps them in the ranking but out of W+ (Pratt's 1959
 * "signed-rank zero procedure", with the Cureton correction of the normal approximation), and any
 * zero forces the normal approximation. R's {@code wilcox.test} instead drops zeros first (Wilcoxon's
 * procedure), so the two differ when there are equal pairs. All pairs equal is rejected.
 */
public final class WilcoxonSignedRank {
    /** Commons' limit for its exact p-value in its default (auto) mode. */
    public static final int EXACT_LIMIT = 50;

    private WilcoxonSignedRank() {
    }

    /**
     * The test result.
     *
     * @param wPlus W+, the sum of the ranks of the positive differences x - y
     * @param pValue the two-sided p-value
     * @param exact whether the p-value is exact (n <= 50, no ties, no zeros) rather than the normal approximation
     * @param ties whether some |differences| are tied
     * @param zeros whether some differences are zero
     */
    public record Result(double wPlus, double pValue, boolean exact, boolean ties, boolean zeros) {
    }

    /** The two-sided test of x against y, pair by pair (equal lengths >= 1, not all pairs equal). */
    public static Result test(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + x.length + " and " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("no pairs");
        }
        boolean allEqual = true;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                throw new IllegalArgumentException("pair " + i + " has a NaN");
            }
            allEqual &= x[i] == y[i];
        }
        if (allEqual) {
            throw new IllegalArgumentException("every pair is equal: the signed-rank test is undefined");
        }
        WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().test(x, y);
        boolean exact = x.length <= EXACT_LIMIT && !r.hasTiedValues() && !r.hasZeroValues();
        return new Result(r.getStatistic(), r.getPValue(), exact, r.hasTiedValues(), r.hasZeroValues());
    }
}
