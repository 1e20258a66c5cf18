package org.lrasweep.sweep.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * The exact McNemar test of equal success rates on paired binary outcomes (McNemar, Psychometrika
 * 12:153-157, 1947, in its exact conditional form): under the null the b pairs where only the first
 * arm succeeds are Binomial(b + c, 1/2), and the two-sided p-value is the binomial test of b in
 * b + c trials at 1/2 (1 when b + c = 0), as R's {@code binom.test} and {@code mcnemar.exact}. At
 * 1/2 the distribution is symmetric, so that is {@code min(1, 2 P(X <= min(b, c)))}, computed here
 * from Commons Statistics' one-sided {@link BinomialTest}: its two-sided mode (version 1.1) drops
 * the mirror-image outcome when the two equal probabilities differ by rounding, e.g. 0.057 instead of
 * 0.092 for 3 of 13 and 0.625 instead of 1 for 2 of 3. Reported with the paired difference
 * {@code (b - c)/n} and its {@link NewcombePairedDifferenceInterval}.
 */
public final class McNemarExact {
    private McNemarExact() {
    }

    /**
     * The test on a paired table.
     *
     * @param b pairs where the first arm succeeded and the second failed
     * @param c pairs where the first arm failed and the second succeeded
     * @param n all pairs (the concordant ones included)
     * @param difference {@code (b - c)/n}, the first arm's success rate minus the second's
     * @param lower lower 95% limit for the difference (Newcombe 1998, paired method 10)
     * @param upper upper 95% limit for the difference
     * @param pValue two-sided exact p-value
     */
    public record Result(int b, int c, int n, double difference, double lower, double upper, double pValue) {
    }

    /** The two-sided exact p-value for b against c discordant pairs (b, c >= 0; 1 when both are 0). */
    public static double pValue(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be >= 0, got b=" + b + ", c=" + c);
        }
        if (b + c == 0) {
            return 1.0;
        }
        double tail = BinomialTest.withDefaults().with(AlternativeHypothesis.LESS_THAN).test(b + c, Math.min(b, c), 0.5).getPValue();
        return Math.min(1.0, 2 * tail);
    }

    /**
     * The test on the paired table: a pairs where both arms succeed, b only the first, c only the
     * second, d neither (a + b + c + d >= 1).
     */
    public static Result test(int a, int b, int c, int d) {
        NewcombePairedDifferenceInterval.checkTable(a, b, c, d);
        int n = a + b + c + d;
        double[] interval = NewcombePairedDifferenceInterval.of(a, b, c, d);
        return new Result(b, c, n, (double) (b - c) / n, interval[0], interval[1], pValue(b, c));
    }

    /** The test on paired outcomes: {@code first[i]} and {@code second[i]} are the two arms on unit i. */
    public static Result test(boolean[] first, boolean[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("paired outcomes differ in length: " + first.length + " and " + second.length);
        }
        if (first.length == 0) {
            throw new IllegalArgumentException("no paired outcomes");
        }
        int a = 0;
        int b = 0;
        int c = 0;
        int d = 0;
        for (int i = 0; i < first.length; i++) {
            if (first[i] && second[i]) {
                a++;
            } else if (first[i]) {
                b++;
            } else if (second[i]) {
                c++;
            } else {
                d++;
            }
        }
        return test(a, b, c, d);
    }
}
