package org.lrasweep.sweep.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Hodges-Lehmann estimate of a location shift (Hodges and Lehmann, Ann. Math. Statist.
 * 34:598-611, 1963) with its distribution-free 95% interval (Bauer, JASA 67:687-690, 1972; Hollander
 * and Wolfe, Nonparametric Statistical Methods, secs. 3.2 and 4.3), in the paired (one-sample) and
 * the two-sample form. Written here because Commons Statistics has neither the estimator nor the
 * interval; the exact null distributions are computed here too (Commons keeps its own private).
 *
 * <p>Paired: the estimate is the median of the n(n+1)/2 Walsh averages {@code (d_i + d_j)/2},
 * i <= j, of the differences {@code d = x - y}, all of them (zero differences included, as in
 * Hollander and Wolfe; R's {@code wilcox.test} drops zeros first). The interval is
 * {@code [W_(k), W_(M+1-k)]} of the sorted Walsh averages, with k from the null distribution of the
 * signed-rank statistic W+. Two-sample: the median of the m*n differences {@code x_i - y_j}, the
 * interval {@code [D_(k), D_(mn+1-k)]} with k from the null distribution of the Mann-Whitney U.
 *
 * <p>k is the largest integer with {@code 2 P(stat <= k - 1) <= 0.05}, so the achieved level
 * {@code 1 - 2 P(stat <= k - 1)} is the smallest one at or above 95%; the distribution is exact
 * (enumerated by dynamic programming) for n <= 50 pairs, or both samples below 50 (the same
 * ranges where Commons' {@link WilcoxonSignedRank} and {@link MannWhitney} p-values are exact), and
 * the continuity-corrected normal approximation beyond. The result reports the achieved level:
 * with exactness it is discrete (e.g. 96.1% for 9 pairs), and for samples too small for any order
 * statistic to reach 95% (at most 5 pairs; two samples with {@code 2/C(m+n, m) > 0.05}) the
 * interval is the full range [min, max] at an achieved level below 95%. The distributions assume
 * no ties (as R's exact branch does); with tied data (integer outcomes) the reported level is
 * approximate. Memory is O(n^2) (all Walsh averages or differences).
 */
public final class HodgesLehmann {
    private static final double ALPHA = 1 - WilsonInterval.LEVEL;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    /** Exact distribution while the number of pairs is at most this. */
    private static final int PAIRED_EXACT_LIMIT = WilcoxonSignedRank.EXACT_LIMIT;
    /** Exact distribution while both sample sizes are below this. */
    private static final int TWO_SAMPLE_EXACT_LIMIT = MannWhitney.EXACT_LIMIT;

    private HodgesLehmann() {
    }

    /**
     * The estimate with its interval.
     *
     * @param estimate the Hodges-Lehmann estimate
     * @param lower lower limit, the k-th smallest Walsh average (paired) or difference (two-sample)
     * @param upper upper limit, the k-th largest
     * @param k the order statistic used
     * @param achievedLevel the interval's confidence level under the no-ties null distribution
     * @param exact whether k came from the exact null distribution rather than the normal approximation
     */
    public record Estimate(double estimate, double lower, double upper, int k, double achievedLevel, boolean exact) {
    }

    /** The paired estimate of the shift of x over y, from the differences {@code x_i - y_i}. */
    public static Estimate paired(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + x.length + " and " + y.length);
        }
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - y[i];
        }
        return oneSample(d);
    }

    /** The one-sample estimate of the centre of symmetry of d (paired differences), n >= 1. */
    public static Estimate oneSample(double[] d) {
        checkSample(d, "differences");
        int n = d.length;
        int m = checkedSize(n * (n + 1L) / 2);
        double[] walsh = new double[m];
        int w = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[w++] = (d[i] + d[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        int k;
        double achieved;
        boolean exact = n <= PAIRED_EXACT_LIMIT;
        if (exact) {
            long[] counts = signedRankCounts(n);
            double total = Math.scalb(1.0, n);
            double[] cdf = cumulative(counts, total);
            k = criticalOrder(cdf);
            achieved = 1 - 2 * cdf[k - 1];
        } else {
            double sigma = Math.sqrt(n * (n + 1.0) * (2.0 * n + 1) / 24);
            k = normalOrder(m / 2.0, sigma);
            achieved = 1 - 2 * STANDARD_NORMAL.cumulativeProbability((k - 0.5 - m / 2.0) / sigma);
        }
        return new Estimate(median(walsh), walsh[k - 1], walsh[m - k], k, achieved, exact);
    }

    /** The two-sample estimate of the shift of x over y (the median of all x_i - y_j), m, n >= 1. */
    public static Estimate twoSample(double[] x, double[] y) {
        checkSample(x, "x");
        checkSample(y, "y");
        int nx = x.length;
        int ny = y.length;
        int m = checkedSize((long) nx * ny);
        double[] diffs = new double[m];
        int w = 0;
        for (double xi : x) {
            for (double yj : y) {
                diffs[w++] = xi - yj;
            }
        }
        Arrays.sort(diffs);
        int k;
        double achieved;
        boolean exact = Math.max(nx, ny) < TWO_SAMPLE_EXACT_LIMIT;
        if (exact) {
            BigInteger[] counts = rankSumCounts(nx, ny);
            double[] cdf = cumulative(counts);
            k = criticalOrder(cdf);
            achieved = 1 - 2 * cdf[k - 1];
        } else {
            double sigma = Math.sqrt(nx * (double) ny * (nx + ny + 1.0) / 12);
            k = normalOrder(m / 2.0, sigma);
            achieved = 1 - 2 * STANDARD_NORMAL.cumulativeProbability((k - 0.5 - m / 2.0) / sigma);
        }
        return new Estimate(median(diffs), diffs[k - 1], diffs[m - k], k, achieved, exact);
    }

    /** The largest k >= 1 with {@code 2 cdf[k-1] <= alpha}, or 1 when even k = 1 falls short. */
    private static int criticalOrder(double[] cdf) {
        int k = 1;
        // Small relative slack so that a tail exactly at alpha/2 is not lost to rounding.
        while (k < cdf.length && cdf[k] <= ALPHA / 2 * (1 + 1e-12)) {
            k++;
        }
        return k;
    }

    /** The largest k >= 1 with {@code Phi((k - 1 + 0.5 - mu)/sigma) <= alpha/2}. */
    private static int normalOrder(double mu, double sigma) {
        double z = STANDARD_NORMAL.inverseSurvivalProbability(ALPHA / 2);
        return (int) Math.max(1, Math.floor(mu + 0.5 - z * sigma));
    }

    /**
     * The number of the 2^n sign assignments giving each value t = 0..n(n+1)/2 of W+ (no ties), by
     * the recursion u_n(t) = u_{n-1}(t) + u_{n-1}(t - n). Exact in a long for n <= 62.
     */
    static long[] signedRankCounts(int n) {
        if (n < 1 || n > 62) {
            throw new IllegalArgumentException("signed-rank distribution needs 1 <= n <= 62, got " + n);
        }
        int max = n * (n + 1) / 2;
        long[] u = new long[max + 1];
        u[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int t = r * (r + 1) / 2; t >= r; t--) {
                u[t] += u[t - r];
            }
        }
        return u;
    }

    /**
     * The number of the C(m+n, m) rank assignments giving each value u = 0..mn of the Mann-Whitney U
     * (no ties): the coefficients of the Gaussian binomial [m+n choose m]_q, as
     * prod_{i=1..m} (1 - q^{n+i}) / (1 - q^i) in exact integer arithmetic.
     */
    static BigInteger[] rankSumCounts(int m, int n) {
        if (m < 1 || n < 1) {
            throw new IllegalArgumentException("rank-sum distribution needs m, n >= 1, got " + m + ", " + n);
        }
        int max = m * n;
        BigInteger[] c = new BigInteger[max + 1];
        Arrays.fill(c, BigInteger.ZERO);
        c[0] = BigInteger.ONE;
        // All arithmetic is modulo q^(mn+1); the final quotient is a polynomial of degree mn.
        for (int i = 1; i <= m; i++) {
            int shift = n + i;
            for (int u = max; u >= shift; u--) {
                c[u] = c[u].subtract(c[u - shift]);
            }
            for (int u = i; u <= max; u++) {
                c[u] = c[u].add(c[u - i]);
            }
        }
        return c;
    }

    private static double[] cumulative(long[] counts, double total) {
        double[] cdf = new double[counts.length];
        long sum = 0;
        for (int t = 0; t < counts.length; t++) {
            sum += counts[t];
            cdf[t] = sum / total;
        }
        return cdf;
    }

    private static double[] cumulative(BigInteger[] counts) {
        BigInteger total = BigInteger.ZERO;
        for (BigInteger c : counts) {
            total = total.add(c);
        }
        double[] cdf = new double[counts.length];
        BigInteger sum = BigInteger.ZERO;
        for (int t = 0; t < counts.length; t++) {
            sum = sum.add(counts[t]);
            cdf[t] = new BigDecimal(sum).divide(new BigDecimal(total), MathContext.DECIMAL64).doubleValue();
        }
        return cdf;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int checkedSize(long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many pairwise averages or differences to hold: " + size);
        }
        return (int) size;
    }

    private static void checkSample(double[] v, String name) {
        if (v.length == 0) {
            throw new IllegalArgumentException("empty sample: " + name);
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + v[i]);
            }
        }
    }
}
