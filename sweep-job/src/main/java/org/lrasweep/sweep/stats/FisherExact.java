package org.lrasweep.sweep.stats;

import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * The two-sided Fisher exact test of equal success rates in two groups (Fisher 1935; the 2x2
 * table {@code [[x1, n1-x1], [x2, n2-x2]]}), computed by Apache Commons Statistics. Exact, so valid
 * for the handful of seeds per configuration a sweep has.
 */
public final class FisherExact {
    private FisherExact() {
    }

    /** The two-sided p-value for x1/n1 against x2/n2. */
    public static double pValue(int x1, int n1, int x2, int n2) {
        return FisherExactTest.withDefaults().test(new int[][] {{x1, n1 - x1}, {x2, n2 - x2}}).getPValue();
    }
}
