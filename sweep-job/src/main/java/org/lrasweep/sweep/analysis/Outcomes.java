package org.lrasweep.sweep.analysis;

import java.util.Arrays;
import org.lrasweep.sweep.stats.WilsonInterval;

/**
 * The seed-level outcomes of one configuration's trials that ran (failed trials left out), sorted
 * by seed: what paired tests pair, what Kaplan-Meier curves and thresholds read. Three to five
 * numbers a trial, gathered per configuration in Spark.
 *
 * @param seeds          the seeds, ascending
 * @param solved         whether each was solved
 * @param bestMistakes   test mistakes at its best check; -1 where no check ran
 * @param finalMistakes  test mistakes at its last check; -1 where no check ran
 * @param stoppedAt      the iteration it was solved at, or where it stopped unsolved
 * @param status         how it ended ({@code solved}, {@code plateaued}, {@code max-iterations}, {@code diverged})
 * @param guardFirst     the first iteration at which the Omega guard fired; -1 never (or not recorded)
 * @param guardEvents    Omega terms the guard skipped
 * @param testSize       test sequences per check (mistakes are out of this many)
 * @param budget         the configuration's iteration budget
 */
public record Outcomes(long[] seeds, boolean[] solved, long[] bestMistakes, long[] finalMistakes, int[] stoppedAt, String[] status, int[] guardFirst,
                       long[] guardEvents, int testSize, int budget) {
    /** No seed-level outcomes (summaries built by hand). */
    public static final Outcomes NONE = new Outcomes(new long[0], new boolean[0], new long[0], new long[0], new int[0], new String[0], new int[0],
            new long[0], 1, 1);

    /** The error thresholds the summary reports success at when a sweep declares none ({@code analysis.thresholds}). */
    public static final double[] DEFAULT_THRESHOLDS = {1e-4, 1e-3, 1e-2};

    /** Trials. */
    public int size() {
        return seeds.length;
    }

    /** The seeds this configuration and {@code other} both ran, ascending. */
    public long[] commonSeeds(Outcomes other) {
        return Arrays.stream(seeds).filter(s -> Arrays.binarySearch(other.seeds, s) >= 0).toArray();
    }

    /** These outcomes restricted to the given seeds (each one of {@link #seeds}), in their order. */
    public Outcomes on(long[] subset) {
        int[] at = Arrays.stream(subset).mapToInt(s -> {
            int i = Arrays.binarySearch(seeds, s);
            if (i < 0) {
                throw new IllegalArgumentException("seed " + s + " is not among this configuration's trials");
            }
            return i;
        }).toArray();
        boolean[] solvedOn = new boolean[at.length];
        long[] best = new long[at.length];
        long[] last = new long[at.length];
        int[] stopped = new int[at.length];
        String[] statusOn = new String[at.length];
        int[] first = new int[at.length];
        long[] events = new long[at.length];
        for (int k = 0; k < at.length; k++) {
            int i = at[k];
            solvedOn[k] = solved[i];
            best[k] = bestMistakes[i];
            last[k] = finalMistakes[i];
            stopped[k] = stoppedAt[i];
            statusOn[k] = status[i];
            first[k] = guardFirst[i];
            events[k] = guardEvents[i];
        }
        return new Outcomes(subset.clone(), solvedOn, best, last, stopped, statusOn, first, events, testSize, budget);
    }

    /**
     * Trials whose best check had a test error below the threshold: fewer than
     * {@code threshold x testSize} mistakes, the rule {@code solved-error} applies (1e-4 on 10,000
     * sequences: no mistake).
     */
    public int reached(double threshold) {
        int n = 0;
        for (long m : bestMistakes) {
            if (m >= 0 && m < threshold * testSize) {
                n++;
            }
        }
        return n;
    }

    /** Per trial, whether its best check was below the threshold ({@link #reached}). */
    public boolean[] reachedEach(double threshold) {
        boolean[] r = new boolean[size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = bestMistakes[i] >= 0 && bestMistakes[i] < threshold * testSize;
        }
        return r;
    }

    /** The 95% Wilson interval of the rate {@link #reached} over the trials. */
    public double[] reachedInterval(double threshold) {
        return size() == 0 ? new double[] {Double.NaN, Double.NaN} : WilsonInterval.of(reached(threshold), size());
    }

    /** Quartiles (type 7, as numpy's default) of best mistakes over the trials with a check: q1, median, q3. */
    public double[] bestMistakesQuartiles() {
        double[] v = Arrays.stream(bestMistakes).filter(m -> m >= 0).asDoubleStream().sorted().toArray();
        return v.length == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN}
                : new double[] {quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75)};
    }

    /** log10(best mistakes + 1) per trial, the scale paired and unpaired mistakes tests compare on; NaN where no check ran. */
    public double[] logMistakes() {
        return Arrays.stream(bestMistakes).mapToDouble(m -> m < 0 ? Double.NaN : Math.log10(m + 1.0)).toArray();
    }

    /** Trials in which the Omega guard fired. */
    public int guarded() {
        return (int) Arrays.stream(guardEvents).filter(e -> e > 0).count();
    }

    /** The median first iteration of the guard over trials where it fired and it was recorded; NaN when none. */
    public double medianGuardFirst() {
        double[] v = Arrays.stream(guardFirst).filter(i -> i >= 0).asDoubleStream().sorted().toArray();
        return v.length == 0 ? Double.NaN : quantile(v, 0.5);
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
