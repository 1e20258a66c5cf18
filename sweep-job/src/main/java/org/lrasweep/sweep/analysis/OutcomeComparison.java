package org.lrasweep.sweep.analysis;

import java.util.Arrays;
import org.lrasweep.sweep.stats.EquivalenceBound;
import org.lrasweep.sweep.stats.FisherExact;
import org.lrasweep.sweep.stats.HodgesLehmann;
import org.lrasweep.sweep.stats.MannWhitney;
import org.lrasweep.sweep.stats.McNemarExact;
import org.lrasweep.sweep.stats.NewcombeDifferenceInterval;
import org.lrasweep.sweep.stats.WilcoxonSignedRank;

/**
 * Two configurations' seed-level outcomes compared on both outcomes. Where the arms ran seeds in
 * common, the trials are paired by seed on those seeds alone: the exact McNemar test on solved with
 * Newcombe's paired interval, and the Wilcoxon signed-rank test on log10(best mistakes + 1) with the
 * Hodges-Lehmann shift and its interval. A seed only one arm ran (one arm given more seeds, as a
 * study's rule may add to an arm whose rate is uncertain) has no partner and enters no test here;
 * it still counts in each arm's rate. Arms with no seed in common are compared as independent
 * samples: Fisher with Newcombe's unpaired interval, and Mann-Whitney with the two-sample shift. The
 * p-values here are raw; Holm's adjustment is applied per family and per test ({@link #withHolm}).
 *
 * @param paired         whether the arms ran seeds in common (the tests are then paired on those)
 * @param n              pairs (paired) or the smaller arm's trials
 * @param solvedA        a's solved trials among those compared (the paired seeds, or all of a's)
 * @param solvedB        b's solved trials among those compared
 * @param binaryTest     {@code mcnemar} or {@code fisher}
 * @param binaryLow      95% interval of the difference in success rates (paired or unpaired Newcombe)
 * @param binaryHigh     upper bound
 * @param pBinary        the binary test's two-sided p-value
 * @param pBinaryHolm    Holm-adjusted within the family
 * @param mistakesTest   {@code wilcoxon}, {@code mann-whitney}, or {@code none} when every trial of both arms had the same mistakes
 * @param medianA        median best mistakes of a
 * @param medianB        median best mistakes of b
 * @param shift          Hodges-Lehmann shift of log10(best mistakes + 1), a minus b (negative: a makes fewer mistakes)
 * @param shiftLow       its distribution-free interval (the level {@code shiftLevel} achieved)
 * @param shiftHigh      upper bound
 * @param shiftLevel     the interval's achieved confidence level
 * @param pMistakes      the mistakes test's two-sided p-value (1 where every pair is equal)
 * @param pMistakesHolm  Holm-adjusted within the family
 * @param thresholds     the error thresholds of {@link Outcomes#reached}
 * @param reachedA       a's compared trials below each threshold
 * @param reachedB       b's compared trials below each threshold
 * @param pThreshold     the binary test (McNemar or Fisher, as {@code binaryTest}) at each threshold
 * @param pThresholdHolm Holm-adjusted within the family, per threshold
 */
public record OutcomeComparison(boolean paired, int n, int solvedA, int solvedB, String binaryTest, double binaryLow,
                                double binaryHigh, double pBinary, double pBinaryHolm, String mistakesTest, double medianA,
                                double medianB, double shift, double shiftLow, double shiftHigh, double shiftLevel, double pMistakes,
                                double pMistakesHolm, double[] thresholds, int[] reachedA, int[] reachedB, double[] pThreshold,
                                double[] pThresholdHolm) {
    /** No seed-level comparison (either arm has no seed-level outcomes). */
    public static final OutcomeComparison NONE = new OutcomeComparison(false, 0, 0, 0, "none", Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, "none", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            new double[0], new int[0], new int[0], new double[0], new double[0]);

    /**
     * Both outcomes of arm a against arm b, and the binary outcome at each error threshold, paired on
     * their common seeds where they have any.
     */
    public static OutcomeComparison of(Outcomes armA, Outcomes armB, double[] thresholds) {
        if (armA.size() == 0 || armB.size() == 0) {
            return NONE;
        }
        long[] common = armA.commonSeeds(armB);
        boolean paired = common.length > 0;
        Outcomes a = paired ? armA.on(common) : armA;
        Outcomes b = paired ? armB.on(common) : armB;
        double medianA = a.bestMistakesQuartiles()[1];
        double medianB = b.bestMistakesQuartiles()[1];
        String binaryTest;
        double[] binary;
        double pBinary;
        if (paired) {
            McNemarExact.Result m = McNemarExact.test(a.solved(), b.solved());
            binaryTest = "mcnemar";
            binary = new double[] {m.lower(), m.upper()};
            pBinary = m.pValue();
        } else {
            int sa = count(a.solved());
            int sb = count(b.solved());
            binaryTest = "fisher";
            binary = NewcombeDifferenceInterval.of(sa, a.size(), sb, b.size());
            pBinary = FisherExact.pValue(sa, a.size(), sb, b.size());
        }
        double[] x = a.logMistakes();
        double[] y = b.logMistakes();
        String mistakesTest = "none";
        double p = 1;
        HodgesLehmann.Estimate shift = null;
        if (paired) {
            // log10 of the ratio (a + 1) / (b + 1), not a difference of logs: equal ratios of integers are
            // the same double, so ties among the differences are found exactly.
            x = logRatios(a.bestMistakes(), b.bestMistakes());
            y = new double[x.length];
            if (x.length > 0 && !Arrays.equals(x, y)) {
                mistakesTest = "wilcoxon";
                p = WilcoxonSignedRank.test(x, y).pValue();
                shift = HodgesLehmann.oneSample(x);
            }
        } else {
            x = Arrays.stream(x).filter(Double::isFinite).toArray();
            y = Arrays.stream(y).filter(Double::isFinite).toArray();
            if (x.length > 0 && y.length > 0) {
                mistakesTest = "mann-whitney";
                p = MannWhitney.test(x, y).pValue();
                shift = HodgesLehmann.twoSample(x, y);
            }
        }
        boolean allEqual = "none".equals(mistakesTest) && x.length > 0;
        int[] reachedA = new int[thresholds.length];
        int[] reachedB = new int[thresholds.length];
        double[] pThreshold = new double[thresholds.length];
        for (int t = 0; t < thresholds.length; t++) {
            boolean[] ra = a.reachedEach(thresholds[t]);
            boolean[] rb = b.reachedEach(thresholds[t]);
            reachedA[t] = count(ra);
            reachedB[t] = count(rb);
            pThreshold[t] = paired ? McNemarExact.test(ra, rb).pValue() : FisherExact.pValue(reachedA[t], a.size(), reachedB[t], b.size());
        }
        return new OutcomeComparison(paired, paired ? a.size() : Math.min(a.size(), b.size()), count(a.solved()), count(b.solved()),
                binaryTest, binary[0], binary[1],
                pBinary, Double.NaN, mistakesTest, medianA, medianB,
                shift != null ? shift.estimate() : allEqual ? 0 : Double.NaN,
                shift != null ? shift.lower() : allEqual ? 0 : Double.NaN,
                shift != null ? shift.upper() : allEqual ? 0 : Double.NaN,
                shift != null ? shift.achievedLevel() : Double.NaN, allEqual || shift != null ? p : Double.NaN, Double.NaN,
                thresholds.clone(), reachedA, reachedB, pThreshold, new double[thresholds.length]);
    }

    /** This comparison with its Holm-adjusted p-values. */
    public OutcomeComparison withHolm(double binaryHolm, double mistakesHolm, double[] thresholdHolm) {
        return new OutcomeComparison(paired, n, solvedA, solvedB, binaryTest, binaryLow, binaryHigh, pBinary, binaryHolm, mistakesTest,
                medianA, medianB, shift, shiftLow, shiftHigh, shiftLevel, pMistakes, mistakesHolm, thresholds, reachedA, reachedB,
                pThreshold, thresholdHolm);
    }

    /**
     * What the binary interval still allows where the test did not reject at 0.05 (Holm):
     * "differences beyond ±0.25 excluded"; empty where it rejected or there is no interval.
     */
    public String binaryEquivalence() {
        if (!(pBinaryHolm >= 0.05) || !Double.isFinite(binaryLow) || !Double.isFinite(binaryHigh)) {
            return "";
        }
        return EquivalenceBound.phrase(binaryLow, binaryHigh, 2);
    }

    /** The same for the shift in log10(mistakes + 1): a factor of mistakes beyond which the interval excludes. */
    public String shiftEquivalence() {
        if (!(pMistakesHolm >= 0.05) || !Double.isFinite(shiftLow) || !Double.isFinite(shiftHigh)) {
            return "";
        }
        double bound = EquivalenceBound.of(shiftLow, shiftHigh);
        return String.format("shifts beyond ±%.2f in log10(mistakes + 1) excluded (a factor of %.1f)", Math.ceil(bound * 100) / 100,
                Math.pow(10, Math.ceil(bound * 100) / 100));
    }

    private static int count(boolean[] v) {
        int n = 0;
        for (boolean b : v) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** log10((a + 1) / (b + 1)) for the pairs where both trials ran a check. */
    private static double[] logRatios(long[] a, long[] b) {
        return java.util.stream.IntStream.range(0, a.length).filter(i -> a[i] >= 0 && b[i] >= 0)
                .mapToDouble(i -> Math.log10((double) (a[i] + 1) / (b[i] + 1))).toArray();
    }
}
