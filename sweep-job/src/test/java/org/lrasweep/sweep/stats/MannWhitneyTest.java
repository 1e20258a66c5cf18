package org.lrasweep.sweep.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** {@link MannWhitney} against a published example, full enumeration and the approximation's formula. */
class MannWhitneyTest {
    /** Hollander and Wolfe (1973), p. 69: permeability constants of the human chorioamnion, at term and at 12-26 weeks. */
    static final double[] TERM = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    static final double[] EARLY = {1.15, 0.88, 0.90, 0.74, 1.21};

    @Test
    void permeabilityExampleMatchesR() {
        // R's ?wilcox.test example: wilcox.test(x, y, alternative = "g") gives W = 35, p-value = 0.1272;
        // the two-sided exact p is twice that. Both checked against the enumeration of all C(15, 5) = 3003
        // ways to give 5 of the ranks 1..15 to the second sample.
        MannWhitney.Result r = MannWhitney.test(TERM, EARLY);
        assertEquals(35.0, r.u());
        assertEquals(2 * 0.1272, r.pValue(), 1e-4);
        assertEquals(Enumerate.twoSided(Enumerate.rankSum(10, 5), 35), r.pValue(), 1e-12);
        assertTrue(r.exact());
        assertFalse(r.ties());
    }

    @Test
    void exactPValueMatchesEnumerationOnATinySample() {
        // x = 1.1, 3.5, 4.2 against y = 0.3, 2.0, 5.1, 6.4: pairs with x > y: 1.1 > 0.3; 3.5 > 0.3, 2.0;
        // 4.2 > 0.3, 2.0: U = 5 of 12; p over the C(7, 3) = 35 rank splits.
        MannWhitney.Result r = MannWhitney.test(new double[] {1.1, 3.5, 4.2}, new double[] {0.3, 2.0, 5.1, 6.4});
        assertEquals(5.0, r.u());
        assertEquals(Enumerate.twoSided(Enumerate.rankSum(3, 4), 5), r.pValue(), 1e-12);
        // Every split of the ranks 1..m+n, for a few sizes.
        int[][] sizes = {{2, 3}, {4, 5}, {6, 3}, {1, 7}};
        for (int[] size : sizes) {
            int m = size[0];
            int n = size[1];
            long[] counts = Enumerate.rankSum(m, n);
            for (int mask = 0; mask < (1 << (m + n)); mask++) {
                if (Integer.bitCount(mask) != m) {
                    continue;
                }
                double[] x = new double[m];
                double[] y = new double[n];
                int xi = 0;
                int yi = 0;
                int rankSum = 0;
                for (int rank = 1; rank <= m + n; rank++) {
                    if ((mask & (1 << (rank - 1))) != 0) {
                        x[xi++] = rank;
                        rankSum += rank;
                    } else {
                        y[yi++] = rank;
                    }
                }
                int u = rankSum - m * (m + 1) / 2;
                MannWhitney.Result each = MannWhitney.test(x, y);
                assertEquals(u, each.u());
                assertEquals(Enumerate.twoSided(counts, u), each.pValue(), 1e-12, m + " + " + n + ", mask " + mask);
            }
        }
    }

    @Test
    void tiesUseTheTieCorrectedApproximationOfR() {
        // x = 1, 2, 2, 3 against y = 2, 4, 5: U = 0 + 0.5 + 0.5 + 1 = 2 (ties count a half). R's
        // wilcox.test(x, y, exact = FALSE): sigma^2 = (mn/12)((N + 1) - sum(t^3 - t)/(N(N - 1))) with one tie
        // of three 2s: (12/12)(8 - 24/42); z = (2 - 6 + 0.5)/sigma; p = 0.19909.
        MannWhitney.Result r = MannWhitney.test(new double[] {1, 2, 2, 3}, new double[] {2, 4, 5});
        assertEquals(2.0, r.u());
        assertEquals(2 * NormalDistribution.of(0, 1).cumulativeProbability(-3.5 / Math.sqrt(8 - 24.0 / 42)), r.pValue(), 1e-12);
        assertEquals(0.19909, r.pValue(), 5e-6);
        assertTrue(r.ties());
        assertFalse(r.exact());
    }

    @Test
    void rejectsDegenerateInput() {
        assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(new double[] {1}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> MannWhitney.test(new double[] {Double.NaN}, new double[] {1}));
    }
}
