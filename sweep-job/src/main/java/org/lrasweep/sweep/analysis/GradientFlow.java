package org.lrasweep.sweep.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lrasweep.sweep.run.ProfileCheck;

/**
 * How far back in time one configuration's learning signal reaches, trial by trial: per trial, the
 * ratio of the update norm that step 1 makes to that of the last step (T - 1), for W_hh and W_xh, at
 * one check of each trial ({@link ProfileCheck}); summarized over the trials as quartiles (type 7),
 * with the trials whose step-1 update is exactly zero counted apart. Step 1 is the earliest step
 * both LRA variants update (released never updates step 0, and W_hh's update at step 0 multiplies
 * the zero initial state). The ratio of medians that {@link GradientProfile} plots is not the
 * median of the trials' ratios; this is.
 *
 * @param configId  the configuration
 * @param check     which check of each trial
 * @param trials    trials with diagnostics at that check
 * @param whhRatio  quartiles {q1, median, q3} of W_hh's step-1 / last-step update norm (NaN where no trial has one)
 * @param wxhRatio  the same for W_xh
 * @param zeroWhh   trials whose step-1 W_hh update is exactly zero
 * @param zeroWxh   trials whose step-1 W_xh update is exactly zero
 */
public record GradientFlow(String configId, ProfileCheck check, long trials, double[] whhRatio, double[] wxhRatio, long zeroWhh,
                           long zeroWxh) {

    /**
     * Every configuration's gradient flow at each check that all its trials with a curve have
     * diagnostics for (as {@link SweepAnalysis#gradientProfiles}), in Spark: one row per trial and
     * check is formed on the executors and only the quartiles come to the driver.
     *
     * @param atChecks  the diagnostics at each trial's checks ({@link SweepAnalysis#atChecks}: {@code trial_id},
     *                  {@code config_id}, {@code check}, {@code step}, {@code whh_norm}, {@code wxh_norm})
     * @param withCurve per configuration, its trials with a curve
     */
    static List<GradientFlow> of(Dataset<Row> atChecks, Map<String, Long> withCurve) {
        Dataset<Row> perTrial = atChecks.groupBy("config_id", "check", "trial_id").agg(
                        max(when(col("step").equalTo(1), col("whh_norm"))).as("whh_first"),
                        max(when(col("step").equalTo(1), col("wxh_norm"))).as("wxh_first"),
                        expr("max_by(whh_norm, step)").as("whh_last"),
                        expr("max_by(wxh_norm, step)").as("wxh_last"));
        List<Row> rows = perTrial.groupBy("config_id", "check").agg(count(lit(1)),
                        expr("percentile(" + ratio("whh") + ", array(0.25, 0.5, 0.75))"),
                        expr("percentile(" + ratio("wxh") + ", array(0.25, 0.5, 0.75))"),
                        sum(zero("whh_first")), sum(zero("wxh_first")))
                .collectAsList();
        List<GradientFlow> out = new ArrayList<>();
        for (Row r : rows) {
            long trials = r.getLong(2);
            if (trials < withCurve.getOrDefault(r.getString(0), 0L)) {
                continue;
            }
            out.add(new GradientFlow(r.getString(0), ProfileCheck.valueOf(r.getString(1).toUpperCase(java.util.Locale.ROOT)), trials,
                    quartiles(r, 3), quartiles(r, 4), r.getLong(5), r.getLong(6)));
        }
        out.sort(java.util.Comparator.comparing(GradientFlow::configId).thenComparing(GradientFlow::check));
        return out;
    }

    /** A trial's step-1 / last-step ratio; null where either norm is missing or NaN, or the last step's is zero. */
    private static String ratio(String matrix) {
        String first = matrix + "_first";
        String last = matrix + "_last";
        // Spark orders NaN above every number (NaN > 0 is true), so NaN is excluded by name.
        return "CASE WHEN " + last + " > 0 AND NOT isnan(" + last + ") AND NOT isnan(" + first + ") THEN " + first + " / " + last + " END";
    }

    private static Column zero(String column) {
        return when(col(column).equalTo(0.0), 1L).otherwise(0L);
    }

    private static double[] quartiles(Row r, int i) {
        if (r.isNullAt(i)) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        List<Double> q = r.getList(i);
        return new double[] {q.get(0), q.get(1), q.get(2)};
    }
}
