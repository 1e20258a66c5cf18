package org.lrasweep.sweep.stats;

import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * The two-sided Wilcoxon signed-rank test on paired samples (Wilcoxon, Biometrics Bulletin
 * 1:80-83, 1945), computed by Commons Statistics' {@link WilcoxonSignedRankTest} with its defaults:
 * the statistic is W+ (R's V), the sum of the ranks of |x_i - y_i| over the pairs with
 * x_i > y_i. The p-value is exact when at most 50 differences are non-zero and no two of their
 * absolute values tie; otherwise it is the normal approximation with tie correction and a 0.5
 * continuity correction.
 *
 * <p>Zeros (pairs with x_i == y_i) are dropped before ranking (Wilcoxon's procedure, as R's
 * {@code wilcox.test}), and the test runs on the remaining pairs, exactly where they allow. Commons
 * would keep them (Pratt 1959), but its normal approximation then also counts the zeros as a tie
 * group in the variance, which the zero correction has already removed, so its variance is too small
 * and its p-value too small once two or more pairs are equal. All pairs equal is rejected.
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
     * @param exact whether the p-value is exact (at most 50 non-zero differences, no ties among them) rather than the normal approximation
     * @param ties whether some |differences| are tied
     * @param zeros whether some differences were zero (and dropped)
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
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            kept += x[i] != y[i] ? 1 : 0;
        }
        double[] a = new double[kept];
        double[] b = new double[kept];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                a[j] = x[i];
                b[j++] = y[i];
            }
        }
        WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().test(a, b);
        boolean exact = kept <= EXACT_LIMIT && !r.hasTiedValues();
        return new Result(r.getStatistic(), r.getPValue(), exact, r.hasTiedValues(), kept < x.length);
    }
}
