package org.lrasweep.sweep.stats;

/**
 * The 95% interval for the difference of two success rates measured on the same units (paired
 * binary outcomes), {@code p1 - p2 = (b - c)/n}, by Newcombe's score-based method 10 ("Improved
 * confidence intervals for the difference between binomial proportions based on paired data",
 * Stat. Med. 17:2635-2650, 1998): the {@link WilsonInterval}s of the two marginal rates combined
 * square-and-add with the table's phi correlation, phi's numerator continuity-corrected as Newcombe
 * specifies. Written here because Commons Statistics has no paired-difference interval.
 */
public final class NewcombePairedDifferenceInterval {
    private NewcombePairedDifferenceInterval() {
    }

    /**
     * {lower, upper} for the paired table {@code [[a, b], [c, d]]}: a pairs where both arms succeed,
     * b where only the first does, c where only the second does, d where neither does (n >= 1).
     */
    public static double[] of(int a, int b, int c, int d) {
        checkTable(a, b, c, d);
        int n = a + b + c + d;
        double p1 = (double) (a + b) / n;
        double p2 = (double) (a + c) / n;
        double[] w1 = WilsonInterval.of(a + b, n);
        double[] w2 = WilsonInterval.of(a + c, n);
        double phi = phi(a, b, c, d);
        double l1 = p1 - w1[0];
        double u1 = w1[1] - p1;
        double l2 = p2 - w2[0];
        double u2 = w2[1] - p2;
        double theta = p1 - p2;
        double lower = theta - Math.sqrt(Math.max(0, l1 * l1 - 2 * phi * l1 * u2 + u2 * u2));
        double upper = theta + Math.sqrt(Math.max(0, u1 * u1 - 2 * phi * u1 * l2 + l2 * l2));
        return new double[] {Math.max(-1, lower), Math.min(1, upper)};
    }

    /**
     * Newcombe's phi: {@code C / sqrt((a+b)(c+d)(a+c)(b+d))} with {@code C = ad - bc} when that is
     * negative, {@code max(ad - bc - n/2, 0)} otherwise, and 0 when a margin is empty.
     */
    static double phi(int a, int b, int c, int d) {
        double denominator = (double) (a + b) * (c + d) * (a + c) * (b + d);
        if (denominator == 0) {
            return 0;
        }
        double numerator = (double) a * d - (double) b * c;
        if (numerator > 0) {
            numerator = Math.max(numerator - (a + b + c + d) / 2.0, 0);
        }
        return numerator / Math.sqrt(denominator);
    }

    static void checkTable(int a, int b, int c, int d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("paired table counts must be >= 0, got a=" + a + ", b=" + b + ", c=" + c + ", d=" + d);
        }
        if ((long) a + b + c + d == 0) {
            throw new IllegalArgumentException("paired table is empty (no pairs)");
        }
        if ((long) a + b + c + d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("paired table has more than Integer.MAX_VALUE pairs");
        }
    }
}
