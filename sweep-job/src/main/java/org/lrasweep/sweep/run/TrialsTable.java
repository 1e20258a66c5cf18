package org.lrasweep.sweep.run;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.lrasweep.kernel.param.Param;
import org.lrasweep.kernel.param.Scope;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.kernel.task.Tasks;
import org.lrasweep.kernel.train.TrialResult;

/**
 * Reads a sweep's trials table in the current layout, whatever layout wrote it: files of different
 * versions are merged by column name, and columns an older version wrote differently are mapped
 * onto today's. The first layout had one {@code learning_rate}, {@code clip} and {@code alpha}
 * column for both algorithms; they become {@code bptt_*} or {@code lra_*} by the row's algorithm
 * ({@code clip} of an LRA trial is {@code lra_c}). A parameter declared after a file was written is
 * filled with its default on that file's rows, which is what those trials ran with, also where
 * files of both versions share a folder. {@code collapsed} is derived where a file lacks it (from
 * best and final accuracy, as {@link TrialResult#collapsed()} does); {@code best_iteration},
 * {@code config_id}, {@code method}, {@code label} and {@code blas_core} are null there (the
 * analysis derives configurations from the parameters themselves).
 */
public final class TrialsTable {
    /** Legacy column to its BPTT and LRA columns. */
    private static final Map<String, Param<?>[]> SHARED_BEFORE = Map.of(
            "learning_rate", new Param<?>[] {TrialParameters.BPTT_LEARNING_RATE, TrialParameters.LRA_LEARNING_RATE},
            "clip", new Param<?>[] {TrialParameters.BPTT_CLIP, TrialParameters.LRA_C},
            "alpha", new Param<?>[] {TrialParameters.BPTT_ALPHA, TrialParameters.LRA_ALPHA});

    /** Columns other than parameters that the first layout did not have: null on its rows. */
    private static final Map<String, DataType> ADDED_LATER = Map.of("config_id", DataTypes.StringType, "method", DataTypes.StringType,
            "label", DataTypes.StringType, "blas_core", DataTypes.StringType, "best_iteration", DataTypes.IntegerType);

    private TrialsTable() {
    }

    /** The trials table under a sweep's output, in the current layout. */
    public static Dataset<Row> read(SparkSession spark, String output) {
        return upgrade(spark.read().option("mergeSchema", "true").parquet(output + "/" + Tables.TRIALS));
    }

    /**
     * The rows of these trials only: a semi-join on their ids, not an IN list of 100,000 literals in
     * the query plan.
     */
    public static Dataset<Row> only(Dataset<Row> trials, java.util.Collection<String> ids) {
        return trials.join(trials.sparkSession().createDataset(List.copyOf(ids), Encoders.STRING()).toDF("trial_id"),
                "trial_id", "left_semi");
    }

    /** A trials table of any layout in the current one: every current column, in schema order, then any others. */
    static Dataset<Row> upgrade(Dataset<Row> trials) {
        Set<String> columns = new LinkedHashSet<>(Arrays.asList(trials.columns()));
        Dataset<Row> t = trials;
        for (Map.Entry<String, Param<?>[]> legacy : SHARED_BEFORE.entrySet()) {
            if (!columns.contains(legacy.getKey())) {
                continue;
            }
            for (Param<?> p : legacy.getValue()) {
                Column old = when(col("algorithm").equalTo(algorithmOf(p)), col(legacy.getKey()));
                t = t.withColumn(p.column(), columns.contains(p.column()) ? coalesce(col(p.column()), old) : old);
            }
            t = t.drop(legacy.getKey());
        }
        // A parameter is null on a row of its own algorithm only where the row's file predates it.
        columns = new LinkedHashSet<>(Arrays.asList(t.columns()));
        for (Param<?> p : TrialParameters.ALL) {
            Column value = lit(p.defaultValue()).cast(Tables.sparkType(p));
            Column atDefault = p.scope() == Scope.SHARED ? value : when(col("algorithm").equalTo(algorithmOf(p)), value);
            t = t.withColumn(p.column(), columns.contains(p.column()) ? coalesce(col(p.column()), atDefault) : atDefault);
        }
        Column derivedCollapse = coalesce(col("best_accuracy").geq(TrialResult.COLLAPSE_BEST_AT_LEAST)
                .and(abs(col("final_accuracy").minus(chanceOf(col("task")))).leq(TrialResult.COLLAPSE_FINAL_WITHIN)), lit(false));
        t = t.withColumn("collapsed", columns.contains("collapsed") ? coalesce(col("collapsed"), derivedCollapse) : derivedCollapse);
        t = t.withColumn("schema_version", columns.contains("schema_version") ? coalesce(col("schema_version"), lit(1)) : lit(1));
        for (Map.Entry<String, DataType> later : ADDED_LATER.entrySet()) {
            if (!columns.contains(later.getKey())) {
                t = t.withColumn(later.getKey(), lit(null).cast(later.getValue()));
            }
        }
        List<Column> ordered = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>(Arrays.asList(t.columns()));
        for (String name : Tables.TRIALS_SCHEMA.getFields().stream().map(f -> f.getName()).toList()) {
            if (present.remove(name)) {
                ordered.add(col(name));
            }
        }
        present.forEach(name -> ordered.add(col(name)));
        return t.select(ordered.toArray(Column[]::new));
    }

    /** The task's chance accuracy ({@link org.lrasweep.kernel.task.Task#chanceAccuracy()}) as a column. */
    private static Column chanceOf(Column task) {
        Column chance = lit(Double.NaN);
        for (String name : Tasks.names()) {
            chance = when(task.equalTo(name), lit(Tasks.byName(name).chanceAccuracy())).otherwise(chance);
        }
        return chance;
    }

    private static String algorithmOf(Param<?> p) {
        return p.scope() == Scope.BPTT ? "bptt" : "lra";
    }
}
