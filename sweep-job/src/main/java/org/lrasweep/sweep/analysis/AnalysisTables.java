package org.lrasweep.sweep.analysis;

import org.lrasweep.sweep.run.FolderSwap;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.io.NumberOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lrasweep.kernel.param.Param;
import org.lrasweep.sweep.run.Tables;

/**
 * Writes the analysis tables under a sweep's output: {@code summary}, {@code comparisons},
 * {@code learning_curves}, {@code gradient_profiles}, {@code gradient_flow},
 * {@code failure_lengths} and {@code guard_pairs} as Parquet folders, and CSV copies of
 * them, of the trials table and of an adaptive sweep's allocation table in {@code csv/} for
 * spreadsheets and for Python without pyarrow.
 */
public final class AnalysisTables {
    private AnalysisTables() {
    }

    /** Writes every table of output's analysis under into (output itself, or another folder); returns the names written. */
    public static List<String> write(SparkSession spark, String output, String into, SweepAnalysis a) throws IOException {
        List<String> written = new ArrayList<>();
        written.add(write(spark, into, "summary", summarySchema(a.thresholds), summaryRows(a)));
        written.add(write(spark, into, "comparisons", comparisonSchema(a.thresholds), comparisonRows(a)));
        written.add(write(spark, into, "learning_curves", curveSchema(), curveRows(a)));
        written.add(write(spark, into, "gradient_profiles", profileSchema(), profileRows(a)));
        written.add(write(spark, into, "gradient_flow", gradientFlowSchema(), gradientFlowRows(a)));
        written.add(write(spark, into, "failure_lengths", failureLengthSchema(), failureLengthRows(a)));
        written.add(write(spark, into, "guard_pairs", guardPairSchema(), guardPairRows(a)));
        writeTrialsCsv(spark, output, into, a.thresholds);
        written.add("csv/trials.csv");
        java.util.Optional<List<Row>> allocation = org.lrasweep.sweep.run.AllocationTable.read(spark, output);
        if (allocation.isPresent()) {
            writeCsv(spark, into, org.lrasweep.sweep.run.AllocationTable.NAME, org.lrasweep.sweep.run.AllocationTable.schema(),
                    allocation.get());
            written.add("csv/allocation.csv");
        }
        return written;
    }

    private static StructType configColumns(StructType s) {
        for (Param<?> p : Configuration.parameters()) {
            s = s.add(p.column(), Tables.sparkType(p), true);
        }
        return s;
    }

    /** A threshold as a column suffix: {@code 1e-04}. */
    static String suffix(double threshold) {
        return String.format(java.util.Locale.ROOT, "%.0e", threshold);
    }

    /** The continuous outcome and the success at each threshold, for the grid's trials or (prefix) the confirmation's. */
    private static StructType outcomeColumns(StructType s, String prefix, double[] thresholds) {
        for (String c : new String[] {"median_best_mistakes", "q1_best_mistakes", "q3_best_mistakes"}) {
            s = s.add(prefix + c, DataTypes.DoubleType, true);
        }
        for (double t : thresholds) {
            s = s.add(prefix + "reached_" + suffix(t), DataTypes.IntegerType, true)
                    .add(prefix + "reached_rate_" + suffix(t), DataTypes.DoubleType, true)
                    .add(prefix + "reached_ci_low_" + suffix(t), DataTypes.DoubleType, true)
                    .add(prefix + "reached_ci_high_" + suffix(t), DataTypes.DoubleType, true);
        }
        return s.add(prefix + "guard_trials", DataTypes.IntegerType, true).add(prefix + "median_guard_first", DataTypes.DoubleType, true);
    }

    private static void outcomeValues(List<Object> v, ConfigurationSummary s, double[] thresholds) {
        Outcomes o = s == null ? Outcomes.NONE : s.outcomes();
        boolean none = o.size() == 0;
        double[] q = o.bestMistakesQuartiles();
        // In the columns' order: median, then the first and third quartiles.
        for (double d : new double[] {q[1], q[0], q[2]}) {
            v.add(none || !Double.isFinite(d) ? null : d);
        }
        for (double t : thresholds) {
            double[] ci = o.reachedInterval(t);
            v.add(none ? null : o.reached(t));
            v.add(none ? null : (double) o.reached(t) / o.size());
            v.add(none ? null : ci[0]);
            v.add(none ? null : ci[1]);
        }
        v.add(none ? null : o.guarded());
        v.add(none || !Double.isFinite(o.medianGuardFirst()) ? null : o.medianGuardFirst());
    }

    static StructType summarySchema(double[] thresholds) {
        StructType s = new StructType().add("config_id", DataTypes.StringType).add("method", DataTypes.StringType)
                .add("label", DataTypes.StringType);
        s = configColumns(s);
        for (String c : new String[] {"trials", "solved", "plateaued", "trials_at_budget", "diverged", "failed", "collapsed"}) {
            s = s.add(c, DataTypes.IntegerType);
        }
        for (String c : new String[] {"success_rate", "success_ci_low", "success_ci_high", "median_iterations_to_solve",
            "q1_iterations_to_solve", "q3_iterations_to_solve", "mean_best_accuracy", "median_final_accuracy",
            "median_omega_zero_events"}) {
            s = s.add(c, DataTypes.DoubleType, true);
        }
        // An adaptive sweep's selection (null on a fixed grid) and its winners' confirmation.
        s = s.add("selection_decision", DataTypes.StringType, true).add("winner", DataTypes.BooleanType, true)
                .add("confirmation_trials", DataTypes.IntegerType, true).add("confirmation_solved", DataTypes.IntegerType, true);
        for (String c : new String[] {"confirmation_success_rate", "confirmation_ci_low", "confirmation_ci_high",
            "confirmation_median_iterations_to_solve"}) {
            s = s.add(c, DataTypes.DoubleType, true);
        }
        return outcomeColumns(outcomeColumns(s, "", thresholds), "confirmation_", thresholds);
    }

    static List<Row> summaryRows(SweepAnalysis a) {
        List<Row> rows = new ArrayList<>();
        Map<String, Selection.Stopped> selected = new java.util.HashMap<>();
        if (a.selection != null) {
            a.selection.configurations().forEach(c -> selected.put(c.configId(), c));
        }
        for (ConfigurationSummary s : a.summaries) {
            List<Object> v = new ArrayList<>(List.of(s.config().id(), s.config().method(), a.label(s.config())));
            v.addAll(java.util.Arrays.asList(s.config().values()));
            v.addAll(List.of(s.trials(), s.solved(), s.plateaued(), s.maxIterations(), s.diverged(), s.failed(), s.collapsed()));
            for (double d : new double[] {s.successRate(), s.successLow(), s.successHigh(), s.medianIterationsToSolve(),
                s.q1IterationsToSolve(), s.q3IterationsToSolve(), s.meanBestAccuracy(), s.medianFinalAccuracy(),
                s.medianOmegaZeroEvents()}) {
                v.add(Double.isFinite(d) ? d : null);
            }
            Selection.Stopped stopped = selected.get(s.config().id());
            v.add(stopped == null ? null : stopped.decision());
            v.add(stopped == null ? null : stopped.winner());
            ConfigurationSummary c = a.confirmations.get(s.config().id());
            v.add(c == null ? null : c.ran());
            v.add(c == null ? null : c.solved());
            for (double d : c == null ? new double[4] : new double[] {c.successRate(), c.successLow(), c.successHigh(),
                c.medianIterationsToSolve()}) {
                v.add(c != null && Double.isFinite(d) ? d : null);
            }
            outcomeValues(v, s, a.thresholds);
            outcomeValues(v, c, a.thresholds);
            rows.add(RowFactory.create(v.toArray()));
        }
        return rows;
    }

    static StructType comparisonSchema(double[] thresholds) {
        StructType s = new StructType().add("family", DataTypes.StringType).add("task", DataTypes.StringType)
                .add("length", DataTypes.IntegerType);
        for (String side : new String[] {"a", "b"}) {
            s = s.add(side + "_config_id", DataTypes.StringType).add(side + "_method", DataTypes.StringType)
                    .add(side + "_label", DataTypes.StringType).add(side + "_trials", DataTypes.IntegerType)
                    .add(side + "_solved", DataTypes.IntegerType).add(side + "_success_rate", DataTypes.DoubleType);
        }
        // "confirmation": both sides' confirmation trials; "all": the grid's (or selection's) trials.
        s = s.add("trials", DataTypes.StringType).add("difference", DataTypes.DoubleType).add("difference_ci_low", DataTypes.DoubleType)
                .add("difference_ci_high", DataTypes.DoubleType).add("fisher_p", DataTypes.DoubleType)
                .add("fisher_p_holm", DataTypes.DoubleType)
                // The seed-level comparison: paired on the seeds both arms ran, where they ran any in common;
                // a_/b_compared_solved count solved trials among the compared ones (the pairs).
                .add("paired", DataTypes.BooleanType, true).add("pairs", DataTypes.IntegerType, true)
                .add("a_compared_solved", DataTypes.IntegerType, true).add("b_compared_solved", DataTypes.IntegerType, true)
                .add("binary_test", DataTypes.StringType, true).add("binary_ci_low", DataTypes.DoubleType, true)
                .add("binary_ci_high", DataTypes.DoubleType, true).add("binary_p", DataTypes.DoubleType, true)
                .add("binary_p_holm", DataTypes.DoubleType, true).add("binary_equivalence", DataTypes.StringType, true)
                .add("mistakes_test", DataTypes.StringType, true).add("a_median_best_mistakes", DataTypes.DoubleType, true)
                .add("b_median_best_mistakes", DataTypes.DoubleType, true).add("log_mistakes_shift", DataTypes.DoubleType, true)
                .add("log_mistakes_shift_low", DataTypes.DoubleType, true).add("log_mistakes_shift_high", DataTypes.DoubleType, true)
                .add("log_mistakes_shift_level", DataTypes.DoubleType, true).add("mistakes_p", DataTypes.DoubleType, true)
                .add("mistakes_p_holm", DataTypes.DoubleType, true).add("mistakes_equivalence", DataTypes.StringType, true);
        for (double t : thresholds) {
            s = s.add("a_reached_" + suffix(t), DataTypes.IntegerType, true).add("b_reached_" + suffix(t), DataTypes.IntegerType, true)
                    .add("reached_p_" + suffix(t), DataTypes.DoubleType, true).add("reached_p_holm_" + suffix(t), DataTypes.DoubleType, true);
        }
        return s;
    }

    static List<Row> comparisonRows(SweepAnalysis a) {
        List<Row> rows = new ArrayList<>();
        for (Comparison c : a.comparisons) {
            List<Object> v = new ArrayList<>(List.of(c.family().label(), c.a().config().task(), c.a().config().length()));
            for (ConfigurationSummary s : new ConfigurationSummary[] {c.a(), c.b()}) {
                v.addAll(List.of(s.config().id(), s.config().method(), a.label(s.config()), s.ran(), s.solved(), s.successRate()));
            }
            v.add(a.comparedOnConfirmation ? "confirmation" : "all");
            v.addAll(List.of(c.difference(), c.low(), c.high(), c.pValue(), c.pHolm()));
            OutcomeComparison m = c.mistakes();
            boolean none = m == OutcomeComparison.NONE;
            v.add(none ? null : m.paired());
            v.add(none ? null : m.n());
            v.add(none ? null : m.solvedA());
            v.add(none ? null : m.solvedB());
            v.add(none ? null : m.binaryTest());
            for (double d : new double[] {m.binaryLow(), m.binaryHigh(), m.pBinary(), m.pBinaryHolm()}) {
                v.add(Double.isFinite(d) ? d : null);
            }
            v.add(none ? null : m.binaryEquivalence());
            v.add(none ? null : m.mistakesTest());
            for (double d : new double[] {m.medianA(), m.medianB(), m.shift(), m.shiftLow(), m.shiftHigh(), m.shiftLevel(), m.pMistakes(),
                m.pMistakesHolm()}) {
                v.add(Double.isFinite(d) ? d : null);
            }
            v.add(none ? null : m.shiftEquivalence());
            for (int t = 0; t < a.thresholds.length; t++) {
                boolean has = t < m.thresholds().length;
                v.add(has ? m.reachedA()[t] : null);
                v.add(has ? m.reachedB()[t] : null);
                v.add(has && Double.isFinite(m.pThreshold()[t]) ? m.pThreshold()[t] : null);
                v.add(has && Double.isFinite(m.pThresholdHolm()[t]) ? m.pThresholdHolm()[t] : null);
            }
            rows.add(RowFactory.create(v.toArray()));
        }
        return rows;
    }

    static StructType curveSchema() {
        return new StructType().add("config_id", DataTypes.StringType).add("iteration", DataTypes.IntegerType)
                .add("fraction_solved", DataTypes.DoubleType, true).add("median_test_accuracy", DataTypes.DoubleType, true)
                .add("q1_test_accuracy", DataTypes.DoubleType, true).add("q3_test_accuracy", DataTypes.DoubleType, true);
    }

    static List<Row> curveRows(SweepAnalysis a) {
        List<Row> rows = new ArrayList<>();
        for (ConfigurationSummary s : a.summaries) {
            String id = s.config().id();
            Map<Integer, Double> solved = a.solvedBy.get(id);
            for (Map.Entry<Integer, double[]> e : a.learningCurves.get(id).entrySet()) {
                double[] q = e.getValue();
                rows.add(RowFactory.create(id, e.getKey(), solved.get(e.getKey()), q[0], q[1], q[2]));
            }
        }
        return rows;
    }

    static StructType profileSchema() {
        return new StructType().add("config_id", DataTypes.StringType).add("check", DataTypes.StringType)
                .add("median_iteration", DataTypes.DoubleType).add("trials", DataTypes.LongType).add("step", DataTypes.IntegerType)
                .add("median_local_loss", DataTypes.DoubleType, true)
                .add("median_whh_norm", DataTypes.DoubleType, true).add("median_wxh_norm", DataTypes.DoubleType, true);
    }

    static List<Row> profileRows(SweepAnalysis a) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<GradientProfile>> e : a.gradientProfiles.entrySet()) {
            for (GradientProfile profile : e.getValue()) {
                double[][] p = profile.steps();
                for (int t = 0; t < p.length; t++) {
                    rows.add(RowFactory.create(e.getKey(), profile.check().label(), profile.medianIteration(), profile.trials(), t,
                            finite(p[t][0]), finite(p[t][1]), finite(p[t][2])));
                }
            }
        }
        return rows;
    }

    static StructType gradientFlowSchema() {
        StructType s = new StructType().add("config_id", DataTypes.StringType).add("check", DataTypes.StringType)
                .add("trials", DataTypes.LongType);
        for (String m : new String[] {"whh", "wxh"}) {
            for (String q : new String[] {"q1", "median", "q3"}) {
                s = s.add(m + "_ratio_" + q, DataTypes.DoubleType, true);
            }
        }
        return s.add("zero_whh_step1", DataTypes.LongType).add("zero_wxh_step1", DataTypes.LongType);
    }

    static List<Row> gradientFlowRows(SweepAnalysis a) {
        List<Row> rows = new ArrayList<>();
        for (GradientFlow f : a.gradientFlow) {
            List<Object> v = new ArrayList<>(List.of(f.configId(), f.check().label(), f.trials()));
            for (double[] q : new double[][] {f.whhRatio(), f.wxhRatio()}) {
                for (double x : q) {
                    v.add(finite(x));
                }
            }
            v.add(f.zeroWhh());
            v.add(f.zeroWxh());
            rows.add(RowFactory.create(v.toArray()));
        }
        return rows;
    }

    static StructType failureLengthSchema() {
        StructType s = new StructType().add("task", DataTypes.StringType).add("method", DataTypes.StringType)
                .add("label", DataTypes.StringType).add("lengths", DataTypes.StringType).add("solved_by_length", DataTypes.StringType);
        for (String end : new String[] {"last_at_least_half", "first_below_half"}) {
            s = s.add(end + "_length", DataTypes.IntegerType, true).add(end + "_config_id", DataTypes.StringType, true)
                    .add(end + "_solved", DataTypes.IntegerType, true).add(end + "_trials", DataTypes.IntegerType, true)
                    .add(end + "_rate", DataTypes.DoubleType, true).add(end + "_ci_low", DataTypes.DoubleType, true)
                    .add(end + "_ci_high", DataTypes.DoubleType, true);
        }
        return s.add("monotone", DataTypes.BooleanType);
    }

    static List<Row> failureLengthRows(SweepAnalysis a) {
        List<Row> rows = new ArrayList<>();
        for (FailureLength f : a.failureLengths) {
            List<Object> v = new ArrayList<>();
            v.add(f.method().task());
            v.add(f.method().method());
            v.add(a.label(f.method()));
            v.add(String.join(" ", f.lengths().stream().map(s -> String.valueOf(s.config().length())).toList()));
            v.add(String.join(" ", f.lengths().stream().map(s -> s.solved() + "/" + s.ran()).toList()));
            for (ConfigurationSummary end : new ConfigurationSummary[] {f.lastAtLeastHalf(), f.firstBelowHalf()}) {
                v.add(end == null ? null : end.config().length());
                v.add(end == null ? null : end.config().id());
                v.add(end == null ? null : end.solved());
                v.add(end == null ? null : end.ran());
                v.add(end == null ? null : end.successRate());
                v.add(end == null ? null : end.successLow());
                v.add(end == null ? null : end.successHigh());
            }
            v.add(f.monotone());
            rows.add(RowFactory.create(v.toArray()));
        }
        return rows;
    }

    static StructType guardPairSchema() {
        return new StructType().add("task", DataTypes.StringType).add("length", DataTypes.IntegerType)
                .add("label", DataTypes.StringType).add("guarded_config_id", DataTypes.StringType)
                .add("guard_off_config_id", DataTypes.StringType).add("seed", DataTypes.LongType)
                .add("guarded_status", DataTypes.StringType).add("guard_first", DataTypes.IntegerType, true)
                .add("guard_events", DataTypes.LongType).add("guarded_best_mistakes", DataTypes.LongType, true)
                .add("guard_off_status", DataTypes.StringType).add("guard_off_stopped_at", DataTypes.IntegerType)
                .add("guard_off_best_mistakes", DataTypes.LongType, true);
    }

    static List<Row> guardPairRows(SweepAnalysis a) {
        List<Row> rows = new ArrayList<>();
        for (GuardPair p : a.guardPairs) {
            Configuration c = p.guarded().config();
            for (GuardPair.Seed s : p.seeds()) {
                rows.add(RowFactory.create(c.task(), c.length(), a.label(c), c.id(), p.guardOff().config().id(), s.seed(),
                        s.guardedStatus(), s.guardFirst() < 0 ? null : s.guardFirst(), s.guardEvents(),
                        s.guardedMistakes() < 0 ? null : s.guardedMistakes(), s.offStatus(), s.offStoppedAt(),
                        s.offMistakes() < 0 ? null : s.offMistakes()));
            }
        }
        return rows;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String write(SparkSession spark, String output, String name, StructType schema, List<Row> rows)
            throws IOException {
        spark.sparkContext().setJobDescription("lra-sweep: write the " + name + " table");
        Path target = new Path(output, name);
        Path fresh = FolderSwap.fresh(target);
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(fresh.toString());
        FolderSwap.replace(target.getFileSystem(spark.sparkContext().hadoopConfiguration()), fresh, target);
        writeCsv(spark, output, name, schema, rows);
        return name;
    }

    /**
     * A value as CSV text: numbers in their shortest form that reads back as the same double
     * (Schubfach, not JDK 17's {@code Double.toString}, which is sometimes longer), timestamps as
     * ISO 8601 instants in UTC ({@code 2026-11-29T21:30:27.123Z}).
     */
    static Object csvValue(Object v) {
        if (v instanceof Double d) {
            return NumberOutput.toString(d, true);
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof java.time.Instant i) {
            return i.toString();
        }
        return v;
    }

    /**
     * The trials table as CSV, with, per error threshold, {@code reached_at_<threshold>}: the first
     * check at which the trial had fewer than threshold x test-size mistakes (from its curve; empty
     * where it never did). The executors format the rows into a temporary folder, and the driver
     * streams that one file in behind the header, so no trial passes through the driver's memory.
     */
    private static void writeTrialsCsv(SparkSession spark, String output, String into, double[] thresholds) throws IOException {
        org.apache.spark.sql.Dataset<Row> trials = org.lrasweep.sweep.run.TrialsTable.read(spark, output);
        FileSystem versions = new Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
        Path version = org.lrasweep.sweep.run.TableVersions.current(versions, output).orElseThrow();
        org.apache.spark.sql.Dataset<Row> curves = Tables.readDetails(spark, version, Tables.CURVES)
                .join(trials.select("trial_id", "test_size"), "trial_id");
        Column mistakes = functions.round(functions.lit(1.0)
                .minus(functions.col("test_accuracy")).multiply(functions.col("test_size")));
        List<Column> firsts = new ArrayList<>();
        for (double t : thresholds) {
            firsts.add(functions.min(functions.when(
                    mistakes.lt(functions.col("test_size").multiply(t)), functions.col("iteration")))
                    .as("reached_at_" + suffix(t)));
        }
        if (!firsts.isEmpty()) {
            trials = trials.join(curves.groupBy("trial_id").agg(firsts.get(0), firsts.subList(1, firsts.size())
                    .toArray(Column[]::new)), new String[] {"trial_id"}, "left");
        }
        String[] columns = trials.columns();
        Path file = new Path(into + "/csv/trials.csv");
        Path tmp = new Path(into + "/csv/_tmp-trials-" + java.util.UUID.randomUUID());
        spark.sparkContext().setJobDescription("lra-sweep: write csv/trials.csv");
        trials.orderBy("trial_id").map((org.apache.spark.api.java.function.MapFunction<Row, String>) r -> {
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = r.isNullAt(i) ? "" : csvValue(r.get(i));
            }
            return CSVFormat.DEFAULT.format(values);
        }, org.apache.spark.sql.Encoders.STRING()).coalesce(1).write().text(tmp.toString());
        FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (java.io.OutputStream out = fs.create(file, true)) {
            out.write((CSVFormat.DEFAULT.format((Object[]) columns) + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (org.apache.hadoop.fs.FileStatus part : fs.listStatus(tmp, p -> p.getName().startsWith("part-"))) {
                try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(fs.open(part.getPath()),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            fs.delete(tmp, true);
        }
    }

    private static void writeCsv(SparkSession spark, String output, String name, StructType schema, List<Row> rows)
            throws IOException {
        Path file = new Path(output + "/csv/" + name + ".csv");
        FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (Writer w = new java.io.OutputStreamWriter(fs.create(file, true), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(schema.fieldNames()).build())) {
            for (Row r : rows) {
                List<Object> values = new ArrayList<>();
                for (StructField f : schema.fields()) {
                    int i = r.schema() == null ? values.size() : r.fieldIndex(f.name());
                    values.add(r.isNullAt(i) ? "" : csvValue(r.get(i)));
                }
                csv.printRecord(values);
            }
        }
    }
}
