package org.lrasweep.sweep.run;

import java.io.IOException;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lrasweep.sweep.adaptive.Allocation;

/**
 * The {@code allocation} table of an adaptive sweep, {@code <output>/allocation} (Parquet): a row
 * per configuration and complete wave it was live in ({@link Allocation.Row}). The driver rewrites
 * it after every wave from the replay, so it is always a function of the committed trials.
 */
public final class AllocationTable {
    public static final String NAME = "allocation";

    private AllocationTable() {
    }

    /** The table's columns. */
    public static StructType schema() {
        return new StructType().add("wave", DataTypes.IntegerType).add("pool", DataTypes.IntegerType)
                .add("config_id", DataTypes.StringType).add("group", DataTypes.StringType).add("method", DataTypes.StringType)
                .add("label", DataTypes.StringType).add("seeds_run", DataTypes.IntegerType).add("failed", DataTypes.IntegerType)
                .add("solved", DataTypes.IntegerType).add("success_rate", DataTypes.DoubleType, true)
                .add("wilson_low", DataTypes.DoubleType).add("wilson_high", DataTypes.DoubleType)
                .add("median_iterations_to_solve", DataTypes.DoubleType, true)
                .add("mean_best_accuracy", DataTypes.DoubleType, true).add("decision", DataTypes.StringType)
                .add("leader", DataTypes.StringType, true).add("winner", DataTypes.BooleanType)
                .add("sweep", DataTypes.StringType, true);
    }

    /** The rows of sweep's allocation as Spark rows, in {@link #schema()} order. */
    public static List<Row> rows(String sweep, Allocation a) {
        List<Row> out = new ArrayList<>();
        for (Allocation.Row r : a.rows()) {
            Allocation.Count n = r.count();
            out.add(RowFactory.create(r.wave(), r.pool(), r.c().configId(), r.c().group(), r.c().method(), r.c().label(), n.tried(),
                    n.failed(), n.solved(), r.seeds() == 0 ? null : (double) n.solved() / r.seeds(), r.low(), r.high(),
                    Double.isNaN(n.medianIterations()) ? null : n.medianIterations(),
                    Double.isNaN(n.meanBestAccuracy()) ? null : n.meanBestAccuracy(), r.decision().label(), r.leader(), r.winner(), sweep));
        }
        return out;
    }

    /** Replaces the table under output with the rows of sweep's allocation. */
    public static void write(SparkSession spark, String output, String sweep, Allocation a) throws IOException {
        Path target = new Path(output, NAME);
        Path fresh = FolderSwap.fresh(target);
        spark.sparkContext().setJobDescription("lra-sweep: write the allocation table");
        spark.createDataFrame(rows(sweep, a), schema()).coalesce(1).write().parquet(fresh.toString());
        FolderSwap.replace(target.getFileSystem(spark.sparkContext().hadoopConfiguration()), fresh, target);
    }

    /**
     * The table's rows ordered by wave and config id, if the output holds one (an adaptive sweep ran
     * into it). A row written before the table had a {@code sweep} column is given the sweep of its
     * configuration's selection trials in the output's trials table.
     */
    public static Optional<List<Row>> read(SparkSession spark, String output) throws IOException {
        Path target = new Path(output, NAME);
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(target)) {
            return Optional.empty();
        }
        List<Row> rows = spark.read().schema(schema()).parquet(target.toString()).orderBy("wave", "config_id").collectAsList();
        int sweep = schema().fieldIndex("sweep");
        if (rows.stream().noneMatch(r -> r.isNullAt(sweep))) {
            return Optional.of(rows);
        }
        Map<String, String> sweepOf = new HashMap<>();
        for (Row r : TrialsTable.read(spark, output).where(col("stage").equalTo(Stage.SELECTION.label()))
                .select("config_id", "sweep").distinct().orderBy("sweep").collectAsList()) {
            sweepOf.putIfAbsent(r.getString(0), r.getString(1));
        }
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            Object[] v = new Object[r.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.get(i);
            }
            if (r.isNullAt(sweep)) {
                v[sweep] = sweepOf.getOrDefault(r.<String>getAs("config_id"), "");
            }
            out.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(v, schema()));
        }
        return Optional.of(out);
    }
}
