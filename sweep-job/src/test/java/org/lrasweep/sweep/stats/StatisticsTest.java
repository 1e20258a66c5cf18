package org.lrasweep.sweep.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Against published values, not against the implementations themselves. */
class StatisticsTest {
    @Test
    void wilsonMatchesNewcombesTable() {
        // Newcombe (1998), Stat. Med. 17:857-872, Table II, method 3 (score, no continuity correction).
        assertArrayEquals(new double[] {0.2553, 0.3662}, WilsonInterval.of(81, 263), 5e-5);
        assertArrayEquals(new double[] {0.0624, 0.1605}, WilsonInterval.of(15, 148), 5e-5);
        assertArrayEquals(new double[] {0.0, 0.1611}, WilsonInterval.of(0, 20), 5e-5);
        assertArrayEquals(new double[] {0.0061, 0.1718}, WilsonInterval.of(1, 29), 5e-5);
    }

    @Test
    void newcombeDifferenceMatchesHisTable() {
        // Newcombe (1998), Stat. Med. 17:873-890, Table II, method 10.
        assertArrayEquals(new double[] {0.0524, 0.3339}, NewcombeDifferenceInterval.of(56, 70, 48, 80), 5e-5);
        assertArrayEquals(new double[] {0.1705, 0.8090}, NewcombeDifferenceInterval.of(9, 10, 3, 10), 5e-5);
        assertArrayEquals(new double[] {-0.0381, 0.1926}, NewcombeDifferenceInterval.of(5, 56, 0, 29), 5e-5);
    }

    @Test
    void fisherMatchesTheTextbookExamples() {
        // Agresti, Categorical Data Analysis (2002), tea tasting: [[3,1],[1,3]], two-sided P = 0.486.
        assertEquals(0.4857, FisherExact.pValue(3, 4, 1, 4), 5e-5);
        // The dieting example of the Fisher exact test ([[1,9],[11,3]]): two-sided P = 0.002759.
        assertEquals(0.002759, FisherExact.pValue(1, 10, 11, 14), 5e-7);
        assertEquals(1.0, FisherExact.pValue(5, 5, 5, 5), 1e-12);
        // A table exactly as likely as its mirror: both count ([[0, 2], [2, 3]]: every table is at most as likely).
        assertEquals(1.0, FisherExact.pValue(0, 2, 2, 5), 1e-12);
    }

    @Test
    void fisherEqualsTheSumOverEveryTableNoMoreLikelyThanTheObservedOne() {
        // Exact rational hypergeometric probabilities, compared without rounding: every table with both groups of at most 12.
        for (int n1 = 1; n1 <= 12; n1++) {
            for (int n2 = 1; n2 <= 12; n2++) {
                for (int x1 = 0; x1 <= n1; x1++) {
                    for (int x2 = 0; x2 <= n2; x2++) {
                        int s = x1 + x2;
                        java.math.BigInteger observed = choose(n1, x1).multiply(choose(n2, x2));
                        java.math.BigInteger sum = java.math.BigInteger.ZERO;
                        for (int k = Math.max(0, s - n2); k <= Math.min(n1, s); k++) {
                            java.math.BigInteger w = choose(n1, k).multiply(choose(n2, s - k));
                            if (w.compareTo(observed) <= 0) {
                                sum = sum.add(w);
                            }
                        }
                        double expected = new java.math.BigDecimal(sum).divide(new java.math.BigDecimal(choose(n1 + n2, s)),
                                java.math.MathContext.DECIMAL64).doubleValue();
                        assertEquals(expected, FisherExact.pValue(x1, n1, x2, n2), 1e-12, x1 + "/" + n1 + " vs " + x2 + "/" + n2);
                    }
                }
            }
        }
    }

    private static java.math.BigInteger choose(int n, int k) {
        java.math.BigInteger r = java.math.BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(java.math.BigInteger.valueOf(n - i)).divide(java.math.BigInteger.valueOf(i + 1));
        }
        return r;
    }

    @Test
    void holmStepsDownAndStaysMonotone() {
        // Holm (1979) on {0.01, 0.04, 0.03, 0.005}: sorted 0.005*4, 0.01*3, 0.03*2, 0.04*1 -> 0.02, 0.03, 0.06, 0.06.
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, HolmAdjustment.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
        double[] withNaN = HolmAdjustment.adjust(new double[] {Double.NaN, 0.5, 0.9});
        assertEquals(Double.NaN, withNaN[0]);
        assertArrayEquals(new double[] {1.0, 1.0}, new double[] {withNaN[1], withNaN[2]}, 1e-12);
    }
}
