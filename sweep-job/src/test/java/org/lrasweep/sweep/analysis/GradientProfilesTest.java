package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.run.ProfileCheck;

/** Which checks the gradient profiles come from, and their medians, in Spark on hand-made curves and diagnostics. */
@ExtendWith(SparkSessionExtension.class)
class GradientProfilesTest {
    private static final double NAN = Double.NaN;

    @Test
    void firstMiddleBestAndLastChecksAreChosenFromTheCurveAndMissingDiagnosticsLeaveTheirCheckOut(SparkSession spark) {
        // a: middle of 10..50 is 30; best 0.9 first reached at 20. b: middle of 10..40 (25) is 20, the earlier of
        // two equally near; NaN is not a best, so best is 30. c: never finite, its best is its first check.
        Map<String, double[]> accuracies = Map.of("a", new double[] {0.5, 0.9, 0.7, 0.9, 0.6}, "b", new double[] {NAN, 0.3, 0.8, 0.8},
                "c", new double[] {NAN, NAN}, "d", new double[] {0.1, 0.2, 0.3}, "e", new double[] {0.1, 0.2});
        List<Row> curves = new ArrayList<>();
        accuracies.forEach((id, acc) -> {
            for (int i = 0; i < acc.length; i++) {
                curves.add(RowFactory.create(id, 10 * (i + 1), acc[i]));
            }
        });
        StructType curveSchema = new StructType().add("trial_id", DataTypes.StringType).add("iteration", DataTypes.IntegerType)
                .add("test_accuracy", DataTypes.DoubleType);
        Map<String, Map<String, Integer>> picked = new java.util.TreeMap<>();
        for (Row r : ProfileCheck.of(spark.createDataFrame(curves, curveSchema)).collectAsList()) {
            picked.computeIfAbsent(r.getString(0), k -> new java.util.TreeMap<>()).put(r.getString(1), r.getInt(2));
        }
        assertEquals(Map.of("first", 10, "middle", 30, "best", 20, "last", 50), picked.get("a"));
        assertEquals(Map.of("first", 10, "middle", 20, "best", 30, "last", 40), picked.get("b"));
        assertEquals(Map.of("first", 10, "middle", 10, "best", 10, "last", 20), picked.get("c"));
        assertEquals(Map.of("first", 10, "middle", 20, "best", 30, "last", 30), picked.get("d"));

        // Diagnostics at every check for a and b (Whh norm = iteration for a, 10 x iteration for b; two steps,
        // step 1 twice step 0); d's at 10 and 30 only, as a consolidation of an older version kept them.
        List<Row> gradients = new ArrayList<>();
        accuracies.forEach((id, acc) -> {
            for (int i = 0; i < acc.length; i++) {
                int it = 10 * (i + 1);
                if (id.equals("d") && it == 20) {
                    continue;
                }
                double whh = id.equals("b") ? 10.0 * it : it;
                gradients.add(RowFactory.create(id, it, 0, null, whh, 0.0));
                gradients.add(RowFactory.create(id, it, 1, 1.0, 2 * whh, 0.0));
            }
        });
        StructType gradientSchema = new StructType().add("trial_id", DataTypes.StringType).add("iteration", DataTypes.IntegerType)
                .add("step", DataTypes.IntegerType).add("local_loss", DataTypes.DoubleType).add("whh_norm", DataTypes.DoubleType)
                .add("wxh_norm", DataTypes.DoubleType);
        List<Row> configs = List.of(RowFactory.create("a", "ab"), RowFactory.create("b", "ab"), RowFactory.create("c", "c"),
                RowFactory.create("d", "d"), RowFactory.create("e", "d"));
        Map<String, List<GradientProfile>> profiles = SweepAnalysis.gradientProfiles(spark.createDataFrame(gradients, gradientSchema),
                spark.createDataFrame(curves, curveSchema), spark.createDataFrame(configs,
                        new StructType().add("trial_id", DataTypes.StringType).add("config_id", DataTypes.StringType)));

        Map<ProfileCheck, GradientProfile> ab = profiles.get("ab").stream().collect(Collectors.toMap(GradientProfile::check, p -> p));
        assertEquals(List.of(ProfileCheck.values()), profiles.get("ab").stream().map(GradientProfile::check).toList(), "in check order");
        // best: a at 20, b at 30 -> median iteration 25; Whh at step 0: 20 and 300 -> median 160; step 1 twice that.
        assertEquals(25.0, ab.get(ProfileCheck.BEST).medianIteration());
        assertEquals(2, ab.get(ProfileCheck.BEST).trials());
        assertEquals(160.0, ab.get(ProfileCheck.BEST).steps()[0][1], 1e-12);
        assertEquals(320.0, ab.get(ProfileCheck.BEST).steps()[1][1], 1e-12);
        assertTrue(Double.isNaN(ab.get(ProfileCheck.BEST).steps()[0][0]), "no local loss at step 0");
        assertEquals(1.0, ab.get(ProfileCheck.BEST).steps()[1][0]);
        assertEquals(0.0, ab.get(ProfileCheck.BEST).steps()[0][2], "an exact zero stays zero");
        // middle: a at 30, b at 20 -> Whh 30 and 200; last: a 50, b 400.
        assertEquals(115.0, ab.get(ProfileCheck.MIDDLE).steps()[0][1], 1e-12);
        assertEquals(225.0, ab.get(ProfileCheck.LAST).steps()[0][1], 1e-12);
        assertEquals(45.0, ab.get(ProfileCheck.LAST).medianIteration());
        assertEquals(55.0, ab.get(ProfileCheck.FIRST).steps()[0][1], 1e-12);
        assertEquals(List.of(ProfileCheck.FIRST, ProfileCheck.BEST, ProfileCheck.LAST),
                profiles.get("d").stream().map(GradientProfile::check).toList(), "d's middle check has no diagnostics: e's middle (its first) alone would be a biased profile");
        assertEquals(2, profiles.get("d").get(0).trials());
        assertEquals(10.0, profiles.get("c").get(ProfileCheck.BEST.ordinal()).medianIteration());
    }
    @Test
    void theFlowIsEachTrialsStepOneOverLastStepRatioSummarizedOverTrials(SparkSession spark) {
        // Config k: four trials checked at 10 and 20 (first = middle = 10, best = last = 20), three steps each.
        // At 10, W_hh's step-1 / last ratios are 0.1, 0.2, 0 (an exact zero) and NaN (left out of the quartiles,
        // still counted as a trial): quartiles (type 7) of {0, 0.1, 0.2} are 0.05, 0.1, 0.15. W_xh: 0.5 for all.
        // At 20 every W_hh ratio is 4. Config m: one of its two trials has no diagnostics at 20, so m has no
        // flow at its best and last checks.
        List<Row> curves = new ArrayList<>();
        List<Row> gradients = new ArrayList<>();
        double[] stepOne = {1, 2, 0, NAN};
        for (int i = 0; i < 4; i++) {
            String id = "k" + i;
            curves.add(RowFactory.create(id, 10, 0.5));
            curves.add(RowFactory.create(id, 20, 0.9));
            gradients.add(RowFactory.create(id, 10, 0, null, 0.0, 0.0));
            gradients.add(RowFactory.create(id, 10, 1, 1.0, stepOne[i], 0.5));
            gradients.add(RowFactory.create(id, 10, 2, 1.0, 10.0, 1.0));
            gradients.add(RowFactory.create(id, 20, 0, null, 0.0, 0.0));
            gradients.add(RowFactory.create(id, 20, 1, 1.0, 4.0, 0.5));
            gradients.add(RowFactory.create(id, 20, 2, 1.0, 1.0, 1.0));
        }
        for (String id : new String[] {"m0", "m1"}) {
            curves.add(RowFactory.create(id, 10, 0.5));
            curves.add(RowFactory.create(id, 20, 0.9));
            gradients.add(RowFactory.create(id, 10, 1, 1.0, 3.0, 0.0));
            gradients.add(RowFactory.create(id, 10, 2, 1.0, 1.0, 1.0));
            if (id.equals("m0")) {
                gradients.add(RowFactory.create(id, 20, 1, 1.0, 3.0, 0.0));
                gradients.add(RowFactory.create(id, 20, 2, 1.0, 1.0, 1.0));
            }
        }
        StructType curveSchema = new StructType().add("trial_id", DataTypes.StringType).add("iteration", DataTypes.IntegerType)
                .add("test_accuracy", DataTypes.DoubleType);
        StructType gradientSchema = new StructType().add("trial_id", DataTypes.StringType).add("iteration", DataTypes.IntegerType)
                .add("step", DataTypes.IntegerType).add("local_loss", DataTypes.DoubleType).add("whh_norm", DataTypes.DoubleType)
                .add("wxh_norm", DataTypes.DoubleType);
        List<Row> configRows = new ArrayList<>();
        for (Row c : curves) {
            String id = c.getString(0);
            if (c.getInt(1) == 10) {
                configRows.add(RowFactory.create(id, id.substring(0, 1)));
            }
        }
        var configs = spark.createDataFrame(configRows, new StructType().add("trial_id", DataTypes.StringType)
                .add("config_id", DataTypes.StringType));
        var checks = SweepAnalysis.checks(spark.createDataFrame(curves, curveSchema), configs);
        List<GradientFlow> flow = GradientFlow.of(SweepAnalysis.atChecks(spark.createDataFrame(gradients, gradientSchema), checks, configs),
                SweepAnalysis.trialsWithCurve(checks, configs));

        Map<String, GradientFlow> k = flow.stream().filter(f -> f.configId().equals("k"))
                .collect(Collectors.toMap(f -> f.check().label(), f -> f));
        assertEquals(java.util.Set.of("first", "middle", "best", "last"), k.keySet());
        GradientFlow first = k.get("first");
        assertEquals(4, first.trials());
        assertEquals(0.05, first.whhRatio()[0], 1e-12);
        assertEquals(0.1, first.whhRatio()[1], 1e-12);
        assertEquals(0.15, first.whhRatio()[2], 1e-12);
        assertEquals(1, first.zeroWhh(), "the exact zero is counted; NaN is not zero");
        assertEquals(List.of(0.5, 0.5, 0.5), java.util.Arrays.stream(first.wxhRatio()).boxed().toList());
        assertEquals(0, first.zeroWxh());
        assertEquals(4.0, k.get("last").whhRatio()[1]);
        assertEquals(List.of("first", "middle"), flow.stream().filter(f -> f.configId().equals("m")).map(f -> f.check().label()).toList());
        assertEquals(2, flow.stream().filter(f -> f.configId().equals("m")).findFirst().orElseThrow().zeroWxh());
    }
}
