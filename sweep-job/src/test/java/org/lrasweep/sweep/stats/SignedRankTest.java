package org.lrasweep.sweep.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** {@link WilcoxonSignedRank} against a published example, full enumeration and the approximation's formula. */
class SignedRankTest {
    /** Hollander and Wolfe (1973), p. 29: Hamilton depression scale factor IV, first and second visit. */
    static final double[] DEPRESSION_X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    static final double[] DEPRESSION_Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

    @Test
    void depressionExampleMatchesR() {
        // R's ?wilcox.test example: wilcox.test(x, y, paired = TRUE) gives V = 40, p-value = 0.03906.
        // By hand: |d| ranks 1..9 with the negative differences -0.08 (rank 2) and -0.147 (rank 3), so
        // W- = 5, W+ = 45 - 5 = 40, and p = 2 P(W+ <= 5) = 2 * 10/512 (the subsets of 1..9 summing to <= 5
        // are {}, 1, 2, 3, 12, 4, 13, 5, 14, 23).
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(DEPRESSION_X, DEPRESSION_Y);
        assertEquals(40.0, r.wPlus());
        assertEquals(20.0 / 512, r.pValue(), 1e-12);
        assertEquals(0.03906, r.pValue(), 5e-6);
        assertTrue(r.exact());
        assertFalse(r.ties());
        assertFalse(r.zeros());
    }

    @Test
    void exactPValueMatchesEnumerationOfAllSignAssignments() {
        double[] d = {1.5, -0.3, 2.2, 0.9, -1.1, 3.4, 0.5, -2.7};
        // |d| ranks: 0.3->1, 0.5->2, 0.9->3, 1.1->4, 1.5->5, 2.2->6, 2.7->7, 3.4->8; W+ = 2+3+5+6+8 = 24.
        long[] counts = Enumerate.signedRank(d.length);
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(d, new double[d.length]);
        assertEquals(24.0, r.wPlus());
        assertEquals(Enumerate.twoSided(counts, 24), r.pValue(), 1e-12);
        assertTrue(r.exact());
        // Every sign assignment for n = 1..10, against the enumeration, by building samples with the
        // chosen positive ranks.
        for (int n = 1; n <= 10; n++) {
            long[] all = Enumerate.signedRank(n);
            for (int mask = 0; mask < (1 << n); mask++) {
                double[] z = new double[n];
                int w = 0;
                for (int rank = 1; rank <= n; rank++) {
                    boolean positive = (mask & (1 << (rank - 1))) != 0;
                    z[rank - 1] = positive ? rank : -rank;
                    w += positive ? rank : 0;
                }
                WilcoxonSignedRank.Result each = WilcoxonSignedRank.test(z, new double[n]);
                assertEquals(w, each.wPlus());
                assertEquals(Enumerate.twoSided(all, w), each.pValue(), 1e-12, "n = " + n + ", mask " + mask);
            }
        }
    }

    @Test
    void zerosAreDroppedAsWilcoxonAndRDoAndTheRestIsExact() {
        // d = 0, 0, 1, 2, 3, -4, 5, 6: the two zeros are dropped, leaving n = 6 with W+ = 1+2+3+5+6 = 17. Exactly:
        // W+ >= 17 means W- <= 4, which 7 of the 64 sign patterns give ({}, {1}, {2}, {3}, {4}, {1,2}, {1,3}),
        // so p = 2 * 7/64 (R's wilcox.test on the six non-zero differences: V = 17, p = 0.2188). Commons' own
        // handling (Pratt, normal approximation) counts the two zeros as a tie group too and gives less.
        double[] x = {0, 0, 1, 2, 3, -4, 5, 6};
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(x, new double[8]);
        assertEquals(17.0, r.wPlus());
        assertEquals(14.0 / 64, r.pValue(), 1e-12);
        assertTrue(r.zeros());
        assertTrue(r.exact());
    }

    @Test
    void tiesUseTheTieCorrectedApproximationOfR() {
        // d = 1, 1, 2, -3, 4, 5: average ranks 1.5, 1.5, 3, 4, 5, 6; W+ = 17. R's wilcox.test(d, exact = FALSE)
        // (Lehmann 1975): sigma^2 = n(n+1)(2n+1)/24 - sum(t^3 - t)/48 = 546/24 - 6/48 = 22.625,
        // z = (17 - 10.5 - 0.5)/sigma, p = 0.20716.
        double[] d = {1, 1, 2, -3, 4, 5};
        WilcoxonSignedRank.Result r = WilcoxonSignedRank.test(d, new double[6]);
        assertEquals(17.0, r.wPlus());
        assertEquals(2 * NormalDistribution.of(0, 1).survivalProbability(6 / Math.sqrt(22.625)), r.pValue(), 1e-12);
        assertEquals(0.20716, r.pValue(), 5e-6);
        assertTrue(r.ties());
        assertFalse(r.exact());
    }

    @Test
    void largeSamplesUseTheApproximation() {
        double[] d = new double[51];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 3 == 0 ? -1 : 1) * (i + 1);
        }
        assertFalse(WilcoxonSignedRank.test(d, new double[51]).exact());
        assertTrue(WilcoxonSignedRank.test(java.util.Arrays.copyOf(d, 50), new double[50]).exact());
    }

    @Test
    void rejectsDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> WilcoxonSignedRank.test(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> WilcoxonSignedRank.test(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> WilcoxonSignedRank.test(new double[] {1, 2}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> WilcoxonSignedRank.test(new double[] {Double.NaN}, new double[] {1}));
    }
}
