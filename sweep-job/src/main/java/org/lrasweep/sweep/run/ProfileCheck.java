package org.lrasweep.sweep.run;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The four checks of a trial whose per-step diagnostics describe its gradient flow: the first
 * (before learning has shaped the weights), the middle, the best (highest test accuracy) and the
 * last. Chosen from the trial's learning curve, so that the choice is the same whether its
 * gradients table holds every check (a sweep's tables) or only these four (a {@link Consolidation}).
 */
public enum ProfileCheck {
    FIRST("the first check"),
    MIDDLE("the check nearest the middle of the trial's checks"),
    BEST("the check of the highest test accuracy (the earliest of ties)"),
    LAST("the last check");

    /** What the check is, for captions and the README. */
    public final String meaning;

    ProfileCheck(String meaning) {
        this.meaning = meaning;
    }

    /** The check's name in tables ({@code first}, {@code middle}, {@code best}, {@code last}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Per trial and check kind, the iteration of that check: rows {@code (trial_id, check, iteration)},
     * four per trial that has a curve. The middle is the check nearest the mean of the first and last
     * iterations (the earlier on a tie); a trial without a finite accuracy has its first check as best.
     *
     * @param curves the curves table ({@code trial_id}, {@code iteration}, {@code test_accuracy})
     */
    public static Dataset<Row> of(Dataset<Row> curves) {
        Dataset<Row> c = curves.select(col("trial_id"), col("iteration"),
                when(not(isnan(col("test_accuracy"))), col("test_accuracy")).as("accuracy"));
        Dataset<Row> ends = c.groupBy("trial_id").agg(min("iteration").as("first"), max("iteration").as("last"),
                max("accuracy").as("top"));
        Dataset<Row> picks = c.join(ends, "trial_id").groupBy("trial_id").agg(
                min("first").as(FIRST.label()),
                min(struct(abs(col("iteration").minus(col("first").plus(col("last")).divide(2.0))).as("distance"),
                        col("iteration").as("iteration"))).getField("iteration").as(MIDDLE.label()),
                // A trial whose accuracy was never finite (it diverged at once) has no best: its first check stands in.
                min(when(col("accuracy").equalTo(col("top")).or(col("top").isNull()), col("iteration"))).as(BEST.label()),
                max("last").as(LAST.label()));
        Dataset<Row> out = null;
        for (ProfileCheck check : values()) {
            Dataset<Row> one = picks.select(col("trial_id"), lit(check.label()).as("check"), col(check.label()).as("iteration"));
            out = out == null ? one : out.unionByName(one);
        }
        return out;
    }
}
