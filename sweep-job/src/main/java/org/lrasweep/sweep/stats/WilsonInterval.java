package org.lrasweep.sweep.stats;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * The 95% Wilson score interval for a success rate x/n (Wilson 1927; method 3 of Newcombe,
 * "Two-sided confidence intervals for the single proportion", Stat. Med. 17:857-872, 1998),
 * computed by Apache Commons Statistics. Good coverage at the small n of a seed sweep, unlike the
 * Wald interval, and never outside [0, 1].
 */
public final class WilsonInterval {
    /** Confidence level of every interval in the analysis. */
    public static final double LEVEL = 0.95;

    private WilsonInterval() {
    }

    /** {lower, upper} for x successes in n trials (n >= 1). */
    public static double[] of(int successes, int trials) {
        Interval i = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(trials, successes, 1 - LEVEL);
        return new double[] {i.getLowerBound(), i.getUpperBound()};
    }
}
