package org.lrasweep.sweep.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Kaplan-Meier product-limit estimate (Kaplan and Meier, JASA 53:457-481, 1958) of the
 * survival function {@code S(t) = P(not yet solved by iteration t)} from right-censored times
 * (a trial that stopped unsolved, at its budget or by a plateau, is censored at its last
 * iteration), with Greenwood's variance and the 95% pointwise log-log band of Kalbfleisch and
 * Prentice (The Statistical Analysis of Failure Time Data, 1980): {@code S^exp(±z se)}
 * with {@code se = sqrt(sum d/(n(n-d))) / |log S|}, as R's {@code survfit(conf.type = "log-log")}
 * (R's default is "log"; log-log is the default of SAS PROC LIFETEST). Written here because
 * Commons Statistics has no survival analysis.
 *
 * <p>Ties: at a time with both events and censorings the events come first (censored trials are
 * still at risk then), the usual convention. Degenerate points, where the log-log transform is
 * undefined: before the first event, and for a sample without events, {@code S = 1} with variance 0
 * and band [1, 1] (R returns the estimate as both limits when its standard error is 0); where every
 * trial still at risk solves, {@code S = 0} and this returns variance 0 and band [0, 0] (Greenwood's
 * term {@code d/(n(n-d))} is infinite there and R reports NA). No NaN is returned.
 */
public final class KaplanMeier {
    /** Two-sided 95% normal quantile of every band. */
    private static final double Z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - WilsonInterval.LEVEL) / 2);

    /**
     * One step of the curve, at a distinct event (solve) time.
     *
     * @param time the event time t_j
     * @param atRisk trials with time >= t_j (still unsolved and uncensored just before t_j)
     * @param events trials solved at t_j
     * @param censored trials censored in [t_j, t_{j+1}) (t_{k+1} = infinity), so that the next
     *        step's atRisk is {@code atRisk - events - censored}
     * @param survival S(t_j)
     * @param variance Greenwood's variance of S(t_j)
     * @param lower lower 95% log-log limit of S(t_j)
     * @param upper upper 95% log-log limit of S(t_j)
     */
    public record Step(double time, int atRisk, int events, int censored, double survival, double variance, double lower, double upper) {
        /** The fraction solved by t_j, {@code 1 - S(t_j)}. */
        public double fractionSolved() {
            return 1 - survival;
        }

        /** Greenwood's standard error of S(t_j). */
        public double standardError() {
            return Math.sqrt(variance);
        }
    }

    private final double[] sortedTimes;
    private final int censoredBeforeFirstEvent;
    private final List<Step> steps;

    private KaplanMeier(double[] sortedTimes, int censoredBeforeFirstEvent, List<Step> steps) {
        this.sortedTimes = sortedTimes;
        this.censoredBeforeFirstEvent = censoredBeforeFirstEvent;
        this.steps = steps;
    }

    /**
     * The estimate from each trial's time and whether it ended solved ({@code true}, an event) or
     * censored ({@code false}). Times must be finite; the arrays non-empty and of equal length.
     */
    public static KaplanMeier fit(double[] time, boolean[] solved) {
        if (time.length != solved.length) {
            throw new IllegalArgumentException("times and event flags differ in length: " + time.length + " and " + solved.length);
        }
        if (time.length == 0) {
            throw new IllegalArgumentException("no trials");
        }
        int n = time.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(time[i])) {
                throw new IllegalArgumentException("time " + i + " is not finite: " + time[i]);
            }
            order[i] = i;
        }
        // By time, and at equal times events before censorings.
        Arrays.sort(order, (i, j) -> {
            int byTime = Double.compare(time[i], time[j]);
            return byTime != 0 ? byTime : Boolean.compare(!solved[i], !solved[j]);
        });
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = time[order[i]];
        }

        List<Step> steps = new ArrayList<>();
        int censoredBefore = 0;
        int atRisk = n;
        double survival = 1;
        double greenwoodSum = 0;
        int i = 0;
        // Pending step: its counts are known only once the censorings up to the next event are counted.
        double stepTime = Double.NaN;
        int stepAtRisk = 0;
        int stepEvents = 0;
        int stepCensored = 0;
        double stepSurvival = 1;
        double stepSum = 0;
        while (i < n) {
            double t = sorted[i];
            int events = 0;
            int censored = 0;
            while (i < n && sorted[i] == t) {
                if (solved[order[i]]) {
                    events++;
                } else {
                    censored++;
                }
                i++;
            }
            if (events > 0) {
                if (!Double.isNaN(stepTime)) {
                    steps.add(step(stepTime, stepAtRisk, stepEvents, stepCensored, stepSurvival, stepSum));
                }
                survival *= 1 - (double) events / atRisk;
                greenwoodSum += events < atRisk ? (double) events / ((double) atRisk * (atRisk - events)) : Double.POSITIVE_INFINITY;
                stepTime = t;
                stepAtRisk = atRisk;
                stepEvents = events;
                stepCensored = censored;
                stepSurvival = survival;
                stepSum = greenwoodSum;
            } else if (Double.isNaN(stepTime)) {
                censoredBefore += censored;
            } else {
                stepCensored += censored;
            }
            atRisk -= events + censored;
        }
        if (!Double.isNaN(stepTime)) {
            steps.add(step(stepTime, stepAtRisk, stepEvents, stepCensored, stepSurvival, stepSum));
        }
        return new KaplanMeier(sorted, censoredBefore, Collections.unmodifiableList(steps));
    }

    private static Step step(double time, int atRisk, int events, int censored, double survival, double greenwoodSum) {
        if (survival <= 0) {
            return new Step(time, atRisk, events, censored, 0.0, 0.0, 0.0, 0.0);
        }
        double variance = survival * survival * greenwoodSum;
        double se = Math.sqrt(greenwoodSum) / Math.abs(Math.log(survival));
        double lower = Math.pow(survival, Math.exp(Z * se));
        double upper = Math.pow(survival, Math.exp(-Z * se));
        return new Step(time, atRisk, events, censored, survival, variance, lower, upper);
    }

    /** The steps, one per distinct event time in increasing order (empty when no trial solved). */
    public List<Step> steps() {
        return steps;
    }

    /** Trials in the sample. */
    public int size() {
        return sortedTimes.length;
    }

    /** Trials censored before the first event time (all of them when none solved). */
    public int censoredBeforeFirstEvent() {
        return censoredBeforeFirstEvent;
    }

    /** S(t), the right-continuous step function: 1 before the first event time. */
    public double survival(double t) {
        Step s = stepAt(t);
        return s == null ? 1.0 : s.survival();
    }

    /** The fraction solved by t, {@code 1 - S(t)}. */
    public double fractionSolved(double t) {
        return 1 - survival(t);
    }

    /** {lower, upper} 95% log-log limits of S(t) ([1, 1] before the first event time). */
    public double[] band(double t) {
        Step s = stepAt(t);
        return s == null ? new double[] {1.0, 1.0} : new double[] {s.lower(), s.upper()};
    }

    /** {lower, upper} 95% limits of the fraction solved by t: {@code 1 - band(t)}, reversed. */
    public double[] fractionSolvedBand(double t) {
        double[] b = band(t);
        return new double[] {1 - b[1], 1 - b[0]};
    }

    /** Trials at risk at t: those whose time is >= t (the "number at risk" row under a figure). */
    public int atRisk(double t) {
        // First index with sortedTimes[index] >= t.
        int lo = 0;
        int hi = sortedTimes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedTimes[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return sortedTimes.length - lo;
    }

    /** {@link #atRisk(double)} at each of the given times. */
    public int[] atRisk(double[] times) {
        int[] counts = new int[times.length];
        for (int i = 0; i < times.length; i++) {
            counts[i] = atRisk(times[i]);
        }
        return counts;
    }

    /** The last step at or before t, or null before the first event time. */
    private Step stepAt(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("time is NaN");
        }
        Step last = null;
        for (Step s : steps) {
            if (s.time() > t) {
                break;
            }
            last = s;
        }
        return last;
    }
}
