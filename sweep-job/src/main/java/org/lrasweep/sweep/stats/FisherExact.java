package org.lrasweep.sweep.stats;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * The two-sided Fisher exact test of equal success rates in two groups (Fisher 1935; the 2x2
 * table {@code [[x1, n1-x1], [x2, n2-x2]]}): the probability, given the margins, of every table at
 * most as likely as the observed one. Exact, so valid for the handful of seeds per configuration a
 * sweep has.
 *
 * <p>The hypergeometric probabilities come from Apache Commons Statistics; the sum is written here
 * because Commons Statistics 1.1's {@code FisherExactTest} compares the probabilities without a
 * tolerance, so a table exactly as likely as the observed one can be left out by a rounding error
 * ([[0, 2], [2, 3]] gives 0.524 there; the answer is 1). As R's {@code fisher.test} does, tables
 * within a relative 1e-7 of the observed probability count as equally likely.
 */
public final class FisherExact {
    /** Relative tolerance under which two tables' probabilities are equal (R's fisher.test). */
    static final double RELATIVE_TOLERANCE = 1e-7;

    private FisherExact() {
    }

    /** The two-sided p-value for x1/n1 against x2/n2. */
    public static double pValue(int x1, int n1, int x2, int n2) {
        if (x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
            throw new IllegalArgumentException("successes must be in [0, n]: " + x1 + "/" + n1 + ", " + x2 + "/" + n2);
        }
        int successes = x1 + x2;
        HypergeometricDistribution d = HypergeometricDistribution.of(n1 + n2, successes, n1);
        double observed = d.probability(x1);
        double p = 0;
        for (int k = Math.max(0, successes - n2); k <= Math.min(n1, successes); k++) {
            double pk = d.probability(k);
            if (pk <= observed * (1 + RELATIVE_TOLERANCE)) {
                p += pk;
            }
        }
        return Math.min(1.0, p);
    }
}
