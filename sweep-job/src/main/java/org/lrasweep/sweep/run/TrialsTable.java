package org.lrasweep.sweep.run;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
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
 * best and final accuracy, as {@link TrialResult#collapsed()} does); {@code config_id},
 * {@code method} and {@code label} are derived from the parameters when such files are compacted
 * ({@link #withIdentity}); {@code best_iteration}, {@code blas_core}, {@code run_id} and {@code omega_guard_first}
 * stay null, {@code stage} is {@code grid}, {@code start_iteration} 0, and {@code best_mistakes} and
 * {@code final_mistakes} are derived from the accuracies and the test size (exactly).
 * Every reader applies the same duplicate rule ({@link #chosen}).
 */
public final class TrialsTable {
    /** Legacy column to its BPTT and LRA columns. */
    private static final Map<String, Param<?>[]> SHARED_BEFORE = Map.of(
            "learning_rate", new Param<?>[] {TrialParameters.BPTT_LEARNING_RATE, TrialParameters.LRA_LEARNING_RATE},
            "clip", new Param<?>[] {TrialParameters.BPTT_CLIP, TrialParameters.LRA_C},
            "alpha", new Param<?>[] {TrialParameters.BPTT_ALPHA, TrialParameters.LRA_ALPHA});

    /** Columns other than parameters that the first layout did not have: null on its rows. */
    private static final Map<String, DataType> ADDED_LATER = Map.of("config_id", DataTypes.StringType, "method", DataTypes.StringType,
            "label", DataTypes.StringType, "blas_core", DataTypes.StringType, "best_iteration", DataTypes.IntegerType,
            "commit_id", DataTypes.StringType, "run_id", DataTypes.StringType, "omega_guard_first", DataTypes.IntegerType,
            "extended_from", DataTypes.StringType);

    private TrialsTable() {
    }

    /**
     * The trials table of a sweep's current tables version ({@link TableVersions}), in the current
     * layout, each trial once.
     *
     * @throws IllegalArgumentException when the output has no compacted tables
     */
    public static Dataset<Row> read(SparkSession spark, String output) throws java.io.IOException {
        org.apache.hadoop.fs.FileSystem fs = new org.apache.hadoop.fs.Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
        return readVersion(spark, TableVersions.current(fs, output).orElseThrow(() -> new IllegalArgumentException(
                "no tables under " + output + " (run a sweep into it, or compact its journal)")));
    }

    /** The trials table of one tables version ({@link TableVersions#current}), in the current layout, each trial once. */
    public static Dataset<Row> readVersion(SparkSession spark, org.apache.hadoop.fs.Path version) {
        return chosen(upgrade(spark.read().option("mergeSchema", "true").parquet(new org.apache.hadoop.fs.Path(version, Tables.TRIALS).toString())));
    }

    /** An empty trials table in the current layout. */
    static Dataset<Row> empty(SparkSession spark) {
        return upgrade(spark.createDataFrame(List.of(), Tables.sparkSchema(Tables.TRIALS_SCHEMA)));
    }

    /**
     * The duplicate rule every reader applies: of several rows for one trial id (attempts that both
     * committed where the file system has no create-if-absent), the lowest attempt, then the
     * earliest {@code finished_at}, then the lowest commit id. Fixed, so that every reader and
     * every compaction picks the same row. The result has as many partitions as the cluster has cores.
     */
    public static Dataset<Row> chosen(Dataset<Row> trials) {
        org.apache.spark.sql.expressions.WindowSpec byTrial = org.apache.spark.sql.expressions.Window.partitionBy("trial_id")
                .orderBy(col("attempt").asc_nulls_last(), col("finished_at").asc_nulls_last(), col("commit_id").asc_nulls_last());
        // The window's shuffle leaves spark.sql.shuffle.partitions partitions (200 by default), mostly
        // empty; readers cache this table and query it dozens of times, and every query would run that
        // many tasks (a report on 8 trials: 6,283 tasks, 70% of its CPU samples spent deserializing
        // them; docs/performance.md).
        return trials.withColumn("_choice", org.apache.spark.sql.functions.row_number().over(byTrial))
                .where(col("_choice").equalTo(1)).drop("_choice")
                .coalesce(Math.max(1, trials.sparkSession().sparkContext().defaultParallelism()));
    }

    /**
     * Fills {@code config_id}, {@code method} and {@code label} where a layout before them left them
     * null, from the row's parameters, as a trial written today would carry them.
     */
    static Dataset<Row> withIdentity(Dataset<Row> trials) {
        List<Column> params = new ArrayList<>();
        for (Param<?> p : TrialParameters.ALL) {
            params.add(col(p.column()));
        }
        org.apache.spark.sql.expressions.UserDefinedFunction identity = org.apache.spark.sql.functions.udf(
                (org.apache.spark.sql.api.java.UDF1<Row, List<String>>) r -> {
                    org.lrasweep.kernel.param.ParamValues v = values(r);
                    return List.of(org.lrasweep.sweep.grid.TrialId.configId(v), org.lrasweep.sweep.grid.Labels.method(v),
                            org.lrasweep.sweep.grid.Labels.label(v));
                }, DataTypes.createArrayType(DataTypes.StringType));
        Dataset<Row> t = trials.withColumn("_identity", identity.apply(org.apache.spark.sql.functions.struct(params.toArray(Column[]::new))));
        return t.withColumn("config_id", coalesce(col("config_id"), col("_identity").getItem(0)))
                .withColumn("method", coalesce(col("method"), col("_identity").getItem(1)))
                .withColumn("label", coalesce(col("label"), col("_identity").getItem(2))).drop("_identity");
    }

    /**
     * A trial's parameter values from a row of the trials table (or a struct of its parameter
     * columns): the row's algorithm, and each parameter that applies to it.
     */
    public static org.lrasweep.kernel.param.ParamValues values(Row r) {
        org.lrasweep.kernel.param.ParamValues v = org.lrasweep.kernel.param.ParamValues.defaults()
                .withParsed(TrialParameters.ALGORITHM, r.getAs(TrialParameters.ALGORITHM.column()));
        org.lrasweep.kernel.train.Algorithm algorithm = v.algorithm();
        for (Param<?> p : TrialParameters.ALL) {
            if (p != TrialParameters.ALGORITHM && p.scope().appliesTo(algorithm)) {
                v = v.withParsed(p, r.getAs(p.column()));
            }
        }
        return v;
    }

    /**
     * The rows of these trials only: a semi-join on their ids, not an IN list of 100,000 literals in
     * the query plan.
     */
    public static Dataset<Row> only(Dataset<Row> trials, java.util.Collection<String> ids) {
        return trials.join(trials.sparkSession().createDataset(List.copyOf(ids), Encoders.STRING()).toDF("trial_id"),
                "trial_id", "left_semi");
    }

    /**
     * A trials table of any layout in the current one: every current column, in schema order, then
     * any others, in one projection over the columns as read.
     */
    static Dataset<Row> upgrade(Dataset<Row> trials) {
        // Some twenty columns derived from "algorithm" make the optimizer's constraint propagation
        // grow exponentially (it substitutes every alias into every constraint); the setting exists for this.
        trials.sparkSession().conf().set("spark.sql.constraintPropagation.enabled", "false");
        Set<String> columns = new LinkedHashSet<>(Arrays.asList(trials.columns()));
        Map<String, Column> derived = new java.util.HashMap<>();
        for (Param<?> p : TrialParameters.ALL) {
            Column value = columns.contains(p.column()) ? col(p.column()) : null;
            for (Map.Entry<String, Param<?>[]> legacy : SHARED_BEFORE.entrySet()) {
                if (columns.contains(legacy.getKey()) && Arrays.asList(legacy.getValue()).contains(p)) {
                    Column old = when(col("algorithm").equalTo(algorithmOf(p)), col(legacy.getKey()));
                    value = value == null ? old : coalesce(value, old);
                }
            }
            // A parameter is null on a row of its own algorithm only where the row's file predates it.
            Column atDefault = lit(p.defaultValue()).cast(Tables.sparkType(p));
            atDefault = p.scope() == Scope.SHARED ? atDefault : when(col("algorithm").equalTo(algorithmOf(p)), atDefault);
            derived.put(p.column(), value == null ? atDefault : coalesce(value, atDefault));
        }
        Column derivedCollapse = coalesce(col("best_accuracy").geq(TrialResult.COLLAPSE_BEST_AT_LEAST)
                .and(abs(col("final_accuracy").minus(chanceOf(col("task")))).leq(TrialResult.COLLAPSE_FINAL_WITHIN)), lit(false));
        derived.put("collapsed", columns.contains("collapsed") ? coalesce(col("collapsed"), derivedCollapse) : derivedCollapse);
        // Mistakes are exact from the accuracies (1 - mistakes / test size in double precision).
        for (String outcome : new String[] {"best", "final"}) {
            Column mistakes = round(lit(1.0).minus(col(outcome + "_accuracy")).multiply(derived.get(TrialParameters.TEST_SIZE.column())))
                    .cast(DataTypes.LongType);
            String name = outcome + "_mistakes";
            derived.put(name, columns.contains(name) ? coalesce(col(name), mistakes) : mistakes);
        }
        // Every trial before checkpoints started at iteration 0.
        derived.put("start_iteration", columns.contains("start_iteration") ? coalesce(col("start_iteration"), lit(0)) : lit(0));
        // Every trial before adaptive sweeps ran on a fixed grid.
        derived.put("stage", columns.contains("stage") ? coalesce(col("stage"), lit(Stage.GRID.label())) : lit(Stage.GRID.label()));
        derived.put("schema_version", columns.contains("schema_version") ? coalesce(col("schema_version"), lit(1)) : lit(1));
        for (Map.Entry<String, DataType> later : ADDED_LATER.entrySet()) {
            if (!columns.contains(later.getKey())) {
                derived.put(later.getKey(), lit(null).cast(later.getValue()));
            }
        }
        List<Column> select = new ArrayList<>();
        Set<String> rest = new LinkedHashSet<>(columns);
        rest.removeAll(SHARED_BEFORE.keySet());
        for (String name : Tables.TRIALS_SCHEMA.getFields().stream().map(f -> f.getName()).toList()) {
            if (derived.containsKey(name)) {
                select.add(derived.get(name).as(name));
            } else if (columns.contains(name)) {
                select.add(col(name));
            }
            rest.remove(name);
        }
        rest.forEach(name -> select.add(col(name)));
        return trials.select(select.toArray(Column[]::new));
    }

    /** The columns of a trials table in schema order, then any others (a table's partition columns are read last). */
    static Dataset<Row> ordered(Dataset<Row> t) {
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
