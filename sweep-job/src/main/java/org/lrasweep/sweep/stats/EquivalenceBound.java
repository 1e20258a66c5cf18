package org.lrasweep.sweep.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * What a two-sided confidence interval [lo, hi] for a difference rules out: every difference
 * larger in size than {@code max(|lo|, |hi|)} lies outside it, so at the interval's level the data
 * exclude differences beyond that bound (the confidence-interval reading of equivalence, e.g.
 * Schuirmann, J. Pharmacokin. Biopharm. 15:657-680, 1987, where a 1 - 2 alpha interval inside
 * +-delta is the two one-sided tests' verdict). Phrases round the bound up, so they never claim more
 * than the interval shows.
 */
public final class EquivalenceBound {
    private EquivalenceBound() {
    }

    /** The largest absolute difference the interval still allows, {@code max(|lo|, |hi|)} (lo <= hi, both finite). */
    public static double of(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("interval limits must be finite, got [" + lo + ", " + hi + "]");
        }
        if (lo > hi) {
            throw new IllegalArgumentException("interval lower limit above its upper: [" + lo + ", " + hi + "]");
        }
        return Math.max(Math.abs(lo), Math.abs(hi));
    }

    /** {@link #of(double, double)} of a {lower, upper} array. */
    public static double of(double[] interval) {
        if (interval.length != 2) {
            throw new IllegalArgumentException("an interval has two limits, got " + interval.length);
        }
        return of(interval[0], interval[1]);
    }

    /**
     * "differences beyond ±B excluded", B the bound rounded up to the given decimals (0 to 10), so
     * that the phrase stays true (to 12 significant digits): [-0.1, 0.2449] gives "±0.25" at 2 decimals.
     */
    public static String phrase(double lo, double hi, int decimals) {
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be in 0..10, got " + decimals);
        }
        // 12 significant digits first, so floating-point noise (0.30000000000000004) does not round up.
        BigDecimal bound = BigDecimal.valueOf(of(lo, hi)).round(new MathContext(12)).setScale(decimals, RoundingMode.CEILING);
        return String.format(Locale.ROOT, "differences beyond \u00b1%s excluded", bound.toPlainString());
    }

    /** {@link #phrase(double, double, int)} of a {lower, upper} array at 2 decimals. */
    public static String phrase(double[] interval) {
        if (interval.length != 2) {
            throw new IllegalArgumentException("an interval has two limits, got " + interval.length);
        }
        return phrase(interval[0], interval[1], 2);
    }
}
