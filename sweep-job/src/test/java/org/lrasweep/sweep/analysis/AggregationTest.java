package org.lrasweep.sweep.analysis;

import org.lrasweep.sweep.stats.WilsonInterval;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;

/** The pure parts of the analysis: curve aggregation and the report's choice of lines. */
class AggregationTest {
    @Test
    void linesShowEveryConfigurationOrTheBestOfEachMethod() {
        List<ConfigurationSummary> few = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            few.add(summary("lra", 0.1, 0.1 * (i + 1), i, Double.NaN));
        }
        assertEquals(few, ReportFigures.linesFor(few));

        List<ConfigurationSummary> grid = new ArrayList<>();
        for (double lr : new double[] {0.1, 0.01, 0.001}) {
            grid.add(summary("bptt", 0, lr, 4, 100 / lr));
            grid.add(summary("lra", 0, lr, 1, 50 / lr));
            grid.add(summary("lra", 1, lr, lr == 0.01 ? 3 : 2, lr == 0.01 ? 900 : 300));
        }
        List<ConfigurationSummary> lines = ReportFigures.linesFor(grid);
        assertEquals(3, lines.size(), "one line per method");
        // BPTT and plain LRA: equal rates, the fewest iterations wins; LRA a=1: the highest success rate wins over speed.
        assertEquals(Set.of("BPTT 0.1", "LRA released 0.1", "LRA released a=1 0.01"),
                lines.stream().map(s -> s.config().method() + " " + learningRate(s.config())).collect(Collectors.toSet()));
    }

    @Test
    void amongConfigurationsThatSolvedNothingTheBestIsTheOneThatCameClosest() {
        ConfigurationSummary nearChance = withMeanBest(summary("lra", 0, 0.1, 0, Double.NaN), 0.35);
        ConfigurationSummary close = withMeanBest(summary("lra", 0, 0.01, 0, Double.NaN), 0.82);
        assertEquals(close, List.of(nearChance, close).stream().min(SweepAnalysis.BEST).orElseThrow());
    }

    @Test
    void unclippedConfigurationsMeetTheirClippedTwinAndOnConfirmationOnlyTheCurrentWinners() {
        ConfigurationSummary clip = of(lra("clip", 0.1), 18, 20);
        ConfigurationSummary off = of(lra("off", 0.1), 9, 20);
        ConfigurationSummary offOther = of(lra("off", 0.01), 0, 20);  // twins no configuration here
        List<Comparison> grid = SweepAnalysis.compare(List.of(clip, off, offOther), false, List.of(), Outcomes.DEFAULT_THRESHOLDS);
        List<Comparison> clipping = grid.stream().filter(c -> c.family() == ComparisonFamily.UNCLIPPED_VS_CLIPPED).toList();
        assertEquals(1, clipping.size());
        assertEquals(List.of(off, clip), List.of(clipping.get(0).a(), clipping.get(0).b()));
        assertEquals(-0.45, clipping.get(0).difference(), 1e-12);

        // An adaptive sweep: the winner's confirmation against its twin on the same seeds; a superseded
        // winner's confirmation trials (the rules changed after they ran) answer nothing.
        ConfigurationSummary superseded = of(lra("clip", 0.01), 0, 20);
        ConfigurationSummary bptt = of(ParamValues.defaults(), 20, 20);
        Selection selection = new Selection(List.of(stopped(clip, true), stopped(superseded, false), stopped(bptt, true)), Map.of("s", 8), true);
        java.util.Map<String, ConfigurationSummary> confirmations = new java.util.LinkedHashMap<>();
        for (ConfigurationSummary s : List.of(clip, superseded, bptt)) {
            confirmations.put(s.config().id(), s);
        }
        // A fixed grid beside the selection (a longer length): compared as a grid, within its own protocol.
        ConfigurationSummary longBptt = of(ParamValues.defaults().with(TrialParameters.LENGTH, 75), 0, 10);
        ConfigurationSummary longLra = of(lra("clip", 0.1).with(TrialParameters.LENGTH, 75), 1, 10);
        // offOther and offOtherRegularized twin no winner: beside a selection they answer nothing, not even
        // regularized against unregularized.
        ConfigurationSummary offOtherRegularized = of(lra("off", 0.01).with(TrialParameters.LRA_ALPHA, 0.1), 5, 20);
        List<Comparison> winners = SweepAnalysis.compareWinners(List.of(clip, superseded, bptt, off, offOther, offOtherRegularized,
                        longBptt, longLra),
                confirmations, selection, Outcomes.DEFAULT_THRESHOLDS);
        assertEquals(List.of("unclipped-vs-clipped " + off.config().id() + " " + clip.config().id(),
                        "lra-vs-bptt " + clip.config().id() + " " + bptt.config().id(),
                        "best-vs-best " + bptt.config().id() + " " + clip.config().id(),
                        "lra-vs-bptt " + longLra.config().id() + " " + longBptt.config().id(),
                        "best-vs-best " + longBptt.config().id() + " " + longLra.config().id()).stream().sorted().toList(),
                winners.stream().map(c -> c.family().label() + " " + c.a().config().id() + " " + c.b().config().id()).sorted().toList());
    }

    @Test
    void aRunWithoutTheOmegaGuardEntersNoComparisonFamily() {
        ParamValues guarded = lra("clip", 0.1).with(TrialParameters.LRA_ALPHA, 1.0);
        ConfigurationSummary on = of(guarded, 5, 20);
        ConfigurationSummary off = of(guarded.with(TrialParameters.LRA_OMEGA_GUARD, "off"), 2, 20);
        ConfigurationSummary plain = of(lra("clip", 0.1), 9, 20);
        ConfigurationSummary bptt = of(ParamValues.defaults(), 20, 20);
        List<Comparison> c = SweepAnalysis.compare(List.of(on, off, plain, bptt), false, List.of(), Outcomes.DEFAULT_THRESHOLDS);
        assertTrue(c.stream().noneMatch(x -> x.a().equals(off) || x.b().equals(off)), "the guard-off twin is compared in guard_pairs only");
        assertEquals(1, c.stream().filter(x -> x.family() == ComparisonFamily.REGULARIZED_VS_UNREGULARIZED).count());
        assertEquals(2, c.stream().filter(x -> x.family() == ComparisonFamily.LRA_VS_BPTT).count());
    }

    private static ParamValues lra(String normalize, double lr) {
        return ParamValues.defaults().with(TrialParameters.ALGORITHM, "lra").with(TrialParameters.LRA_NORMALIZE, normalize)
                .with(TrialParameters.LRA_LEARNING_RATE, lr);
    }

    private static ConfigurationSummary of(ParamValues values, int solved, int trials) {
        double[] ci = WilsonInterval.of(solved, trials);
        return new ConfigurationSummary(Configuration.of(values), trials, solved, trials - solved, 0, 0, 0, (double) solved / trials,
                ci[0], ci[1], solved > 0 ? 500 : Double.NaN, Double.NaN, Double.NaN, 0.9, 0.5, 0, 0);
    }

    private static Selection.Stopped stopped(ConfigurationSummary s, boolean winner) {
        return new Selection.Stopped("s", s.config().id(), "g" + s.config().methodKey(), s.config().label(), 2, 8, 4, 0.5, 0.2, 0.8,
                "max-seeds", null, winner);
    }

    private static ConfigurationSummary withMeanBest(ConfigurationSummary s, double meanBest) {
        return new ConfigurationSummary(s.config(), s.trials(), s.solved(), s.plateaued(), s.maxIterations(), s.diverged(), s.failed(),
                s.successRate(), s.successLow(), s.successHigh(), s.medianIterationsToSolve(), s.q1IterationsToSolve(),
                s.q3IterationsToSolve(), meanBest, s.medianFinalAccuracy(), s.collapsed(), s.medianOmegaZeroEvents());
    }

    private static double learningRate(Configuration c) {
        return c.isLra() ? c.get(TrialParameters.LRA_LEARNING_RATE) : c.get(TrialParameters.BPTT_LEARNING_RATE);
    }

    @Test
    void labelsNameEveryNumberOfTheAlgorithmAndNamesOnlyWhenNotDefault() {
        Configuration lra = Configuration.of(ParamValues.defaults().with(TrialParameters.ALGORITHM, "lra")
                .with(TrialParameters.LRA_ALPHA, 0.1).with(TrialParameters.LRA_LOCAL_LOSS, "mse"));
        assertEquals("LRA released a=0.1 (eta 0.1, beta 10, K 10, c 1, local loss mse)", lra.label());
        assertEquals("BPTT (eta 0.1, clip 1)", Configuration.of(ParamValues.defaults()).label());
        // The configuration id is the trial id's hash without the seed: equal for every seed.
        assertEquals(Configuration.of(ParamValues.defaults().with(TrialParameters.SEED, 7L)).id(),
                Configuration.of(ParamValues.defaults().with(TrialParameters.SEED, 8L)).id());
    }

    private static ConfigurationSummary summary(String algorithm, double alpha, double lr, int solved, double median) {
        boolean lra = algorithm.equals("lra");
        Configuration c = Configuration.of(ParamValues.defaults().with(TrialParameters.ALGORITHM, algorithm)
                .with(lra ? TrialParameters.LRA_LEARNING_RATE : TrialParameters.BPTT_LEARNING_RATE, lr)
                .with(lra ? TrialParameters.LRA_ALPHA : TrialParameters.BPTT_ALPHA, alpha));
        double rate = solved / 4.0;
        double[] ci = WilsonInterval.of(solved, 4);
        return new ConfigurationSummary(c, 4, solved, 4 - solved, 0, 0, 0, rate, ci[0], ci[1], median, median, median, 0.9, 0.5, 0, 0);
    }

    @Test
    void csvNumbersAreTheShortestThatReadBackAndTimesAreIsoUtc() {
        for (double v : new double[] {0.1 + 0.2, 1e-4, 0.2516, 2.0 / 3, 1e23, 5e-324, 123456.789}) {
            String text = (String) AnalysisTables.csvValue(v);
            assertEquals(v, Double.parseDouble(text), 0.0, text);
            // No shorter decimal reads back as the same double (Java's format keeps at least two digits: 4.9E-324).
            java.math.BigDecimal exact = new java.math.BigDecimal(text).stripTrailingZeros();
            for (int digits = 2; digits < exact.precision(); digits++) {
                double shorter = exact.round(new java.math.MathContext(digits)).doubleValue();
                assertTrue(shorter != v, text + " could be written with " + digits + " digits");
            }
        }
        assertEquals("0.30000000000000004", AnalysisTables.csvValue(0.1 + 0.2));
        assertEquals("1970-01-01T00:00:01.500Z", AnalysisTables.csvValue(new java.sql.Timestamp(1500)));
        assertEquals(7, AnalysisTables.csvValue(7));
    }
}
