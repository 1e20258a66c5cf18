package org.lrasweep.sweep.stats;

/**
 * The 95% interval for a difference of two independent success rates, {@code x1/n1 - x2/n2}, by
 * Newcombe's hybrid score method (method 10 of Newcombe, "Interval estimation for the difference
 * between independent proportions: comparison of eleven methods", Stat. Med. 17:873-890, 1998),
 * built from the two {@link WilsonInterval}s. Unlike the Wald interval it behaves at rates of 0
 * and 1, which seed sweeps produce all the time.
 */
public final class NewcombeDifferenceInterval {
    private NewcombeDifferenceInterval() {
    }

    /** {lower, upper} for {@code x1/n1 - x2/n2} (n1, n2 >= 1). */
    public static double[] of(int x1, int n1, int x2, int n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] w1 = WilsonInterval.of(x1, n1);
        double[] w2 = WilsonInterval.of(x2, n2);
        double d = p1 - p2;
        double lower = d - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2));
        double upper = d + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]));
        return new double[] {lower, upper};
    }

    private static double square(double v) {
        return v * v;
    }
}
