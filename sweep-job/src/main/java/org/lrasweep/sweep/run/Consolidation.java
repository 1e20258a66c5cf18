package org.lrasweep.sweep.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Several sweeps' results as one small, self-contained output folder, for shipping a study with
 * its code (docs/replication): each output's current tables, every trial once, with its learning
 * curve and the per-step diagnostics of its first, middle, best and last check only ({@link ProfileCheck}:
 * what the report's gradient figures and the claims about gradient flow read; every check would be a
 * hundred times larger),
 * and the outputs' allocation tables. The folder is an output like any other, without a journal:
 * its one tables version carries an empty manifest, so compacting it changes nothing, and
 * {@code summarize} and {@code report} regenerate every table and figure from it without training.
 */
public final class Consolidation {
    private Consolidation() {
    }

    /**
     * Writes the consolidation of outputs into dest, which must not exist; it appears whole or not at
     * all (written beside it, then renamed).
     *
     * @return the number of trials consolidated
     * @throws IllegalArgumentException when dest exists or an output has no tables
     */
    public static long write(SparkSession spark, List<String> outputs, String dest) throws IOException {
        Path target = new Path(dest);
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fs.exists(target)) {
            throw new IllegalArgumentException(dest + ": exists (consolidate into a new folder)");
        }
        Dataset<Row> trials = null;
        Dataset<Row> curves = null;
        Dataset<Row> gradients = null;
        List<Row> allocation = new ArrayList<>();
        for (String output : outputs) {
            FileSystem ofs = new Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
            Compactor.compact(spark, output, s -> { });
            Path version = TableVersions.current(ofs, output).orElseThrow(() -> new IllegalArgumentException(
                    output + ": no tables (run a sweep into it first)"));
            Dataset<Row> t = TrialsTable.readVersion(spark, version);
            Dataset<Row> c = Tables.readDetails(spark, version, Tables.CURVES);
            Dataset<Row> checks = ProfileCheck.of(c).select("trial_id", "iteration").distinct();
            Dataset<Row> g = Tables.readDetails(spark, version, Tables.GRADIENTS)
                    .join(checks, new String[] {"trial_id", "iteration"}, "left_semi");
            trials = trials == null ? t : trials.unionByName(t, true);
            curves = curves == null ? c : curves.unionByName(c, true);
            gradients = gradients == null ? g : gradients.unionByName(g, true);
            AllocationTable.read(spark, output).ifPresent(allocation::addAll);
        }
        if (trials == null) {
            throw new IllegalArgumentException("no outputs to consolidate");
        }
        // The same trial in two outputs (a sweep grown into another folder) is kept once, by the usual rule.
        trials = TrialsTable.ordered(TrialsTable.chosen(trials)).cache();
        Dataset<Row> kept = trials.select("trial_id", "commit_id");
        Path fresh = FolderSwap.fresh(target);
        Path version = new Path(new Path(fresh, TableVersions.FOLDER), "v00000001-" + Long.toHexString(System.currentTimeMillis()));
        spark.sparkContext().setJobDescription("lra-sweep: consolidate " + outputs.size() + " outputs into " + dest);
        Compactor.write(trials.coalesce(1), new Path(version, Tables.TRIALS));
        Compactor.write(curves.join(kept, new String[] {"trial_id", "commit_id"}, "left_semi").coalesce(1),
                new Path(version, Tables.CURVES));
        Compactor.write(gradients.join(kept, new String[] {"trial_id", "commit_id"}, "left_semi").coalesce(1),
                new Path(version, Tables.GRADIENTS));
        spark.createDataFrame(List.of(), Compactor.MANIFEST_SCHEMA).coalesce(1).write().parquet(new Path(version, Compactor.MANIFEST).toString());
        TableVersions.complete(fs, version, "consolidated from " + String.join(", ", outputs));
        if (!allocation.isEmpty()) {
            spark.createDataFrame(allocation, AllocationTable.schema()).coalesce(1).write()
                    .parquet(new Path(fresh, AllocationTable.NAME).toString());
        }
        long n = trials.count();
        trials.unpersist();
        if (!fs.rename(fresh, target)) {
            throw new IOException("could not move " + fresh + " to " + target);
        }
        return n;
    }
}
