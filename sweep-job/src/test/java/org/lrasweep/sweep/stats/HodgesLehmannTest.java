package org.lrasweep.sweep.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link HodgesLehmann} against R's wilcox.test(..., conf.int = TRUE) on the published examples, brute
 * force over the Walsh averages and differences with null distributions enumerated in full, and
 * published tables of critical values.
 */
class HodgesLehmannTest {
    @Test
    void pairedDepressionExample() {
        // R: wilcox.test(x, y, paired = TRUE, conf.int = TRUE) on the Hollander and Wolfe depression data
        // gives (pseudo)median 0.46 and 95 percent confidence interval 0.010 0.786 (R's exact branch:
        // diffs[qsignrank(0.025, 9)] and diffs[45 - 6 + 1] of the 45 sorted Walsh averages). The interval
        // [0.175, 0.855] sometimes quoted for this example is not what these data give.
        // Brute force: the 45 Walsh averages, and k from all 2^9 sign assignments.
        double[] d = new double[9];
        for (int i = 0; i < 9; i++) {
            d[i] = SignedRankTest.DEPRESSION_X[i] - SignedRankTest.DEPRESSION_Y[i];
        }
        double[] walsh = new double[45];
        int w = 0;
        for (int i = 0; i < 9; i++) {
            for (int j = i; j < 9; j++) {
                walsh[w++] = (d[i] + d[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        long[] counts = Enumerate.signedRank(9);
        int k = Enumerate.criticalOrder(counts, 0.05);
        // P(W+ <= 5) = 10/512 <= 0.025 < P(W+ <= 6) = 14/512, so k = 6 and the level is 1 - 20/512.
        assertEquals(6, k);

        HodgesLehmann.Estimate e = HodgesLehmann.paired(SignedRankTest.DEPRESSION_X, SignedRankTest.DEPRESSION_Y);
        assertEquals(walsh[22], e.estimate(), 1e-12);
        assertEquals(walsh[k - 1], e.lower(), 1e-12);
        assertEquals(walsh[45 - k], e.upper(), 1e-12);
        assertEquals(0.46, e.estimate(), 1e-9);
        assertEquals(0.010, e.lower(), 1e-9);
        assertEquals(0.786, e.upper(), 1e-9);
        assertEquals(6, e.k());
        assertEquals(1 - 20.0 / 512, e.achievedLevel(), 1e-12);
        assertTrue(e.exact());
    }

    @Test
    void twoSamplePermeabilityExample() {
        // R: wilcox.test(x, y, conf.int = TRUE) on the Hollander and Wolfe permeability data: difference in
        // location 0.305, 95 percent confidence interval -0.15 0.76. Brute force: the 50 differences, and k
        // from all C(15, 5) rank splits: P(U <= 8) <= 0.025 < P(U <= 9), so k = 9.
        double[] diffs = new double[50];
        int w = 0;
        for (double x : MannWhitneyTest.TERM) {
            for (double y : MannWhitneyTest.EARLY) {
                diffs[w++] = x - y;
            }
        }
        Arrays.sort(diffs);
        long[] counts = Enumerate.rankSum(10, 5);
        int k = Enumerate.criticalOrder(counts, 0.05);
        assertEquals(9, k);

        HodgesLehmann.Estimate e = HodgesLehmann.twoSample(MannWhitneyTest.TERM, MannWhitneyTest.EARLY);
        assertEquals((diffs[24] + diffs[25]) / 2, e.estimate(), 1e-12);
        assertEquals(diffs[k - 1], e.lower(), 1e-12);
        assertEquals(diffs[50 - k], e.upper(), 1e-12);
        assertEquals(0.305, e.estimate(), 1e-9);
        assertEquals(-0.15, e.lower(), 1e-9);
        assertEquals(0.76, e.upper(), 1e-9);
        assertEquals(1 - 2 * Enumerate.cdf(counts, k - 1), e.achievedLevel(), 1e-12);
        assertTrue(e.exact());
    }

    @Test
    void nullDistributionsMatchEnumeration() {
        for (int n = 1; n <= 12; n++) {
            assertArrayEquals(Enumerate.signedRank(n), HodgesLehmann.signedRankCounts(n), "n = " + n);
        }
        for (int m = 1; m <= 7; m++) {
            for (int n = 1; n <= 7; n++) {
                BigInteger[] dp = HodgesLehmann.rankSumCounts(m, n);
                long[] asLongs = Arrays.stream(dp).mapToLong(BigInteger::longValueExact).toArray();
                assertArrayEquals(Enumerate.rankSum(m, n), asLongs, "m = " + m + ", n = " + n);
            }
        }
    }

    @Test
    void criticalValuesMatchPublishedTables() {
        // Two-sided 5% critical values (reject when the statistic <= c), so k = c + 1.
        // Wilcoxon signed-rank (e.g. Hollander and Wolfe Table A.4; standard textbook tables): n = 10: 8,
        // n = 20: 52, n = 30: 137, n = 50: 434.
        int[][] signedRank = {{10, 8}, {20, 52}, {30, 137}, {50, 434}};
        for (int[] row : signedRank) {
            assertEquals(row[1] + 1, HodgesLehmann.oneSample(spread(row[0])).k(), "n = " + row[0]);
        }
        // Mann-Whitney U (standard tables of critical U): (5, 10): 8, (8, 8): 13, (10, 10): 23, (20, 20): 127.
        int[][] rankSum = {{5, 10, 8}, {8, 8, 13}, {10, 10, 23}, {20, 20, 127}};
        for (int[] row : rankSum) {
            HodgesLehmann.Estimate e = HodgesLehmann.twoSample(spread(row[0]), spread(row[1]));
            assertEquals(row[2] + 1, e.k(), "m = " + row[0] + ", n = " + row[1]);
            assertTrue(e.exact());
            assertTrue(e.achievedLevel() >= 0.95);
        }
    }

    @Test
    void normalApproximationBeyondTheExactRange() {
        // n = 60 pairs: k = floor(M/2 + 0.5 - 1.96 sigma), M = 1830, sigma^2 = 60*61*121/24 = 18452.5:
        // floor(915.5 - 266.24) = 649, which is also the exact k (critical value 648, computed outside this
        // code by enumerating the recursion in exact integers).
        HodgesLehmann.Estimate paired = HodgesLehmann.oneSample(spread(60));
        assertFalse(paired.exact());
        assertEquals(649, paired.k());
        assertEquals(0.95, paired.achievedLevel(), 1e-3);
        // 50 against 50: k = floor(1250.5 - 1.96 sqrt(2500*101/12)) = 966; the exact critical value is 965.
        HodgesLehmann.Estimate twoSample = HodgesLehmann.twoSample(spread(50), spread(50));
        assertFalse(twoSample.exact());
        assertEquals(966, twoSample.k());
    }

    @Test
    void tooFewPairsGiveTheFullRangeAtTheirAchievedLevel() {
        // n = 5: P(W+ = 0) = 1/32 > 0.025, so no order statistic reaches 95%: [min, max], level 1 - 2/32.
        HodgesLehmann.Estimate e = HodgesLehmann.oneSample(new double[] {-1, 2, 3, 5, 8});
        assertEquals(1, e.k());
        assertEquals(-1.0, e.lower());
        assertEquals(8.0, e.upper());
        assertEquals(1 - 2.0 / 32, e.achievedLevel(), 1e-15);
        // Zero differences count (Hollander and Wolfe): d = 0, 1, 2 has Walsh averages 0, 0.5, 1, 1, 1.5, 2
        // and estimate 1; R, dropping the zero, would give 1.5.
        assertEquals(1.0, HodgesLehmann.paired(new double[] {3, 5, 7}, new double[] {3, 4, 5}).estimate());
        // A single difference: its own value, level 0.
        HodgesLehmann.Estimate one = HodgesLehmann.oneSample(new double[] {0.25});
        assertEquals(0.25, one.estimate());
        assertEquals(0.25, one.lower());
        assertEquals(0.25, one.upper());
        assertEquals(0.0, one.achievedLevel(), 1e-15);
        // Two samples of 3 and 3: 2/C(6, 3) = 0.1 > 0.05, so the full range of the 9 differences.
        HodgesLehmann.Estimate small = HodgesLehmann.twoSample(new double[] {1, 2, 3}, new double[] {0, 5, 6});
        assertEquals(-5.0, small.lower());
        assertEquals(3.0, small.upper());
        assertEquals(-3.0, small.estimate());
        assertEquals(0.9, small.achievedLevel(), 1e-15);
    }

    @Test
    void rejectsDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> HodgesLehmann.paired(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> HodgesLehmann.paired(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> HodgesLehmann.twoSample(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> HodgesLehmann.twoSample(new double[] {1}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> HodgesLehmann.oneSample(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> HodgesLehmann.twoSample(new double[] {1}, new double[] {Double.POSITIVE_INFINITY}));
    }

    /** n distinct values (the critical value depends only on the sizes). */
    private static double[] spread(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * 1.5 - n / 3.0;
        }
        return v;
    }
}
