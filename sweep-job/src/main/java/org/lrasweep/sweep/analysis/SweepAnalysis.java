package org.lrasweep.sweep.analysis;

import org.lrasweep.sweep.stats.HolmAdjustment;
import org.lrasweep.sweep.stats.FisherExact;
import org.lrasweep.sweep.stats.NewcombeDifferenceInterval;
import org.lrasweep.sweep.stats.WilsonInterval;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lrasweep.kernel.param.Param;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.sweep.run.AllocationTable;
import org.lrasweep.sweep.run.ProfileCheck;
import org.lrasweep.sweep.run.Stage;
import org.lrasweep.sweep.run.TableVersions;
import org.lrasweep.sweep.run.Tables;
import org.lrasweep.sweep.run.TrialsTable;

/**
 * The statistics of a sweep's results: per configuration, success rates across seeds with
 * Wilson intervals and the distribution of iterations to solve; regularized LRA against its
 * baselines with Newcombe intervals, Fisher exact and Holm-adjusted p-values; and the aggregated
 * curves the report plots (fraction solved by iteration, median learning curves with quartiles,
 * median per-step update norms). Everything per trial is aggregated in Spark SQL over the
 * compacted tables; only per-configuration results reach the driver.
 */
public final class SweepAnalysis {
    /** The binning of the best-against-final scatter: points closer than this are drawn once. */
    static final double STABILITY_GRID = 0.005;

    /**
     * The sweep at a glance.
     *
     * @param trials       trials in the tables
     * @param sweeps       the sweep names on their rows
     * @param statuses     trials by status
     * @param codeVersions the code versions that ran them
     * @param blasCores    trials by the OpenBLAS core they ran on ("unrecorded" before the column existed)
     * @param firstStarted the earliest start, or null
     * @param lastFinished the latest finish, or null
     */
    public record Overview(long trials, List<String> sweeps, Map<String, Long> statuses, List<String> codeVersions,
                           Map<String, Long> blasCores, Instant firstStarted, Instant lastFinished) {
    }

    public final Overview overview;
    /** Per configuration, its grid or selection trials (every trial but confirmations). */
    public final List<ConfigurationSummary> summaries;
    /** Per configuration id, its confirmation trials (an adaptive sweep's winners on fresh seeds); empty otherwise. */
    public final Map<String, ConfigurationSummary> confirmations;
    /** The allocation of an adaptive sweep's selection pool; null when none ran into this output. */
    public final Selection selection;
    public final List<Comparison> comparisons;
    /** Whether the comparisons are on confirmation trials (there are some) rather than on the summaries' trials. */
    public final boolean comparedOnConfirmation;
    /** Per configuration id: iteration -> {median, q1, q3} test accuracy, ended trials carried forward. */
    public final Map<String, TreeMap<Integer, double[]>> learningCurves;
    /** Per configuration id: iteration -> fraction of its trials solved by then. */
    public final Map<String, TreeMap<Integer, Double>> solvedBy;
    /** Per configuration id: its gradient profiles at the checks its gradients table holds, in {@link ProfileCheck} order. */
    public final Map<String, List<GradientProfile>> gradientProfiles;
    /** Per configuration and check, the trials' step-1 / last-step update ratios ({@link GradientFlow}). */
    public final List<GradientFlow> gradientFlow;
    /** Per configuration id: {trials with a final accuracy, those ending at or above {@link ReportFigures#KEPT_AT_LEAST}}. */
    public final Map<String, long[]> kept;
    /** Per configuration id: the distinct {best, final} test accuracies of its trials, on a {@value #STABILITY_GRID} grid. */
    public final Map<String, List<double[]>> stability;

    /** Each configuration's label, with the settings that tell it apart from a namesake of its panel ({@link DistinctLabels}). */
    private Map<String, String> labels;

    /** The configuration's label, distinct within its task and length. */
    public String label(Configuration c) {
        if (labels == null) {
            List<Configuration> all = new ArrayList<>();
            summaries.forEach(s -> all.add(s.config()));
            confirmations.values().forEach(s -> all.add(s.config()));
            labels = DistinctLabels.of(all);
        }
        return labels.getOrDefault(c.id(), c.label());
    }

    /** Each method run at two lengths or more, and where its success falls below one half (grid and selection trials). */
    public final List<FailureLength> failureLengths;
    /** Each configuration run with the Omega guard off beside its guarded twin, seed by seed (grid and selection trials). */
    public final List<GuardPair> guardPairs;

    /** The error thresholds at which success is also reported ({@code analysis.thresholds} of the latest run, else the defaults). */
    public final double[] thresholds;

    SweepAnalysis(Overview overview, List<ConfigurationSummary> summaries, Map<String, ConfigurationSummary> confirmations,
                  Selection selection, List<Comparison> comparisons, Map<String, TreeMap<Integer, double[]>> learningCurves, Map<String, TreeMap<Integer, Double>> solvedBy,
                  Map<String, List<GradientProfile>> gradientProfiles, List<GradientFlow> gradientFlow, Map<String, long[]> kept,
                  Map<String, List<double[]>> stability, double[] thresholds) {
        this.thresholds = thresholds;
        this.overview = overview;
        this.summaries = summaries;
        this.confirmations = confirmations;
        this.selection = selection;
        this.comparisons = comparisons;
        this.comparedOnConfirmation = !confirmations.isEmpty();
        this.learningCurves = learningCurves;
        this.solvedBy = solvedBy;
        this.gradientProfiles = gradientProfiles;
        this.gradientFlow = gradientFlow;
        this.kept = kept;
        this.stability = stability;
        this.failureLengths = FailureLength.of(summaries);
        this.guardPairs = GuardPair.of(summaries);
    }

    /** Reads the current tables version under output ({@link TableVersions}) and computes everything. */
    public static SweepAnalysis of(SparkSession spark, String output) throws IOException {
        FileSystem fs = new Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
        Path version = TableVersions.current(fs, output).orElseThrow(() -> new IllegalArgumentException(
                "no tables under " + output + " (run a sweep into it first)"));
        // Every table from the same version, also when a compaction switches versions meanwhile.
        Dataset<Row> all = TrialsTable.readVersion(spark, version).cache();
        // Confirmation trials answer the claims; everything else (curves, profiles, figures) describes
        // the grid or selection trials, so that no configuration mixes the two.
        Dataset<Row> trials = all.where(col("stage").notEqual(Stage.CONFIRMATION.label()));
        try {
            spark.sparkContext().setJobDescription("lra-sweep: summarize the configurations");
            List<ConfigurationSummary> summaries = new ArrayList<>();
            Map<String, long[]> kept = new HashMap<>();
            Map<String, Integer> checkEvery = new HashMap<>();
            Map<String, Integer> lastIteration = new HashMap<>();
            for (Row r : summaryRows(trials).collectAsList()) {
                ConfigurationSummary s = summary(r);
                summaries.add(s);
                kept.put(s.config().id(), new long[] {r.<Long>getAs("with_final"), r.<Long>getAs("kept")});
                checkEvery.put(s.config().id(), s.config().checkEvery());
                lastIteration.put(s.config().id(), r.<Integer>getAs("last_iteration"));
            }
            summaries.sort(Comparator.comparing(ConfigurationSummary::config, Configuration.PAPER_ORDER));
            Map<String, TreeMap<Integer, Double>> solvedBy = solvedBy(trials, summaries, checkEvery, lastIteration);
            Dataset<Row> configs = trials.select("trial_id", "config_id", "check_every");
            Dataset<Row> curves = Tables.readDetails(spark, version, Tables.CURVES);
            Map<String, TreeMap<Integer, double[]>> learningCurves = learningCurves(curves, configs);
            summaries.forEach(s -> learningCurves.putIfAbsent(s.config().id(), new TreeMap<>()));
            Dataset<Row> checks = checks(curves, configs).cache();
            Map<String, Long> withCurve = trialsWithCurve(checks, configs);
            // The gradients table is the largest the analysis reads: read and joined once for both summaries of it.
            Dataset<Row> atChecks = atChecks(Tables.readDetails(spark, version, Tables.GRADIENTS), checks, configs).cache();
            Map<String, List<GradientProfile>> profiles = gradientProfiles(atChecks, withCurve);
            spark.sparkContext().setJobDescription("lra-sweep: the gradient flow, trial by trial");
            List<GradientFlow> gradientFlow = GradientFlow.of(atChecks, withCurve);
            atChecks.unpersist();
            checks.unpersist();
            Map<String, ConfigurationSummary> confirmations = new LinkedHashMap<>();
            spark.sparkContext().setJobDescription("lra-sweep: summarize the confirmation trials");
            for (Row r : summaryRows(all.where(col("stage").equalTo(Stage.CONFIRMATION.label()))).collectAsList()) {
                ConfigurationSummary s = summary(r);
                confirmations.put(s.config().id(), s);
            }
            Selection selection = AllocationTable.read(spark, output).map(Selection::of).orElse(null);
            double[] thresholds = thresholds(fs, output);
            List<Comparison> comparisons = confirmations.isEmpty() ? compare(summaries, false, List.of(), thresholds)
                    : compareWinners(summaries, confirmations, selection, thresholds);
            return new SweepAnalysis(overview(all), summaries, confirmations, selection, comparisons, learningCurves, solvedBy,
                    profiles, gradientFlow, kept, stability(trials), thresholds);
        } finally {
            all.unpersist();
        }
    }

    /**
     * The thresholds the latest run's spec declares ({@code analysis.thresholds}); the defaults
     * where the output has no run record (a consolidated study) or the spec predates the key.
     */
    static double[] thresholds(FileSystem fs, String output) throws IOException {
        java.util.Optional<org.lrasweep.sweep.run.RunRecords.Latest> latest = org.lrasweep.sweep.run.RunRecords.latest(fs, output);
        if (latest.isPresent()) {
            com.typesafe.config.Config c = com.typesafe.config.ConfigFactory.parseString(latest.get().text());
            if (c.hasPath("lra-sweep.analysis.thresholds")) {
                return c.getDoubleList("lra-sweep.analysis.thresholds").stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        return Outcomes.DEFAULT_THRESHOLDS.clone();
    }

    /** One row per configuration: its parameters and the aggregates {@link #summary} reads. */
    static Dataset<Row> summaryRows(Dataset<Row> trials) {
        List<Column> params = new ArrayList<>();
        for (Param<?> p : TrialParameters.ALL) {
            params.add(col(p.column()));
        }
        Column solved = col("status").equalTo("solved");
        return trials.groupBy("config_id").agg(
                first(struct(params.toArray(Column[]::new))).as("params"),
                count(lit(1)).as("trials"),
                sum(when(solved, 1).otherwise(0)).as("solved"),
                sum(when(col("status").equalTo("plateaued"), 1).otherwise(0)).as("plateaued"),
                sum(when(col("status").equalTo("max-iterations"), 1).otherwise(0)).as("max_iterations"),
                sum(when(col("status").equalTo("diverged"), 1).otherwise(0)).as("diverged"),
                sum(when(col("status").isin("solved", "plateaued", "max-iterations", "diverged"), 0).otherwise(1)).as("failed"),
                sum(when(col("collapsed"), 1).otherwise(0)).as("collapsed"),
                expr("percentile(CASE WHEN status = 'solved' THEN solved_at END, array(0.25, 0.5, 0.75))").as("solved_at_q"),
                org.lrasweep.sweep.adaptive.ExactMean.of(col("best_accuracy")).as("mean_best"),
                expr("percentile(final_accuracy, 0.5)").as("median_final"),
                expr("percentile(omega_zero_events, 0.5)").as("median_zero_events"),
                count("final_accuracy").as("with_final"),
                sum(when(col("final_accuracy").geq(ReportFigures.KEPT_AT_LEAST), 1L).otherwise(0L)).as("kept"),
                max("iterations").as("last_iteration"),
                // Seed-level outcomes of the trials that ran, for paired tests, thresholds and survival curves.
                sort_array(collect_list(when(col("status").isin("solved", "plateaued", "max-iterations", "diverged"),
                        struct(col("seed"), col("status"), col("best_mistakes"), col("final_mistakes"),
                                coalesce(col("solved_at"), col("iterations")).as("stopped_at"),
                                coalesce(col("omega_guard_first"), lit(-1)).as("guard_first"),
                                col("omega_zero_events"))))).as("outcomes"));
    }

    /** A configuration's summary from its row of {@link #summaryRows}. */
    static ConfigurationSummary summary(Row r) {
        Configuration c = Configuration.of(r.<Row>getAs("params"));
        int trials = (int) r.<Long>getAs("trials").longValue();
        int solved = (int) r.<Long>getAs("solved").longValue();
        int failed = (int) r.<Long>getAs("failed").longValue();
        int ran = trials - failed;
        double rate = ran == 0 ? Double.NaN : (double) solved / ran;
        double[] ci = ran == 0 ? new double[] {Double.NaN, Double.NaN} : WilsonInterval.of(solved, ran);
        List<Double> q = r.isNullAt(r.fieldIndex("solved_at_q")) ? null : r.getList(r.fieldIndex("solved_at_q"));
        return new ConfigurationSummary(c, trials, solved, (int) r.<Long>getAs("plateaued").longValue(),
                (int) r.<Long>getAs("max_iterations").longValue(), (int) r.<Long>getAs("diverged").longValue(), failed, rate,
                ci[0], ci[1], q == null ? Double.NaN : q.get(1), q == null ? Double.NaN : q.get(0), q == null ? Double.NaN : q.get(2),
                orNaN(r, "mean_best"), orNaN(r, "median_final"), (int) r.<Long>getAs("collapsed").longValue(), orNaN(r, "median_zero_events"),
                outcomes(r.getList(r.fieldIndex("outcomes")), c));
    }

    /**
     * The seed-level outcomes from their collected structs (seed, status, best_mistakes, final_mistakes, stopped_at,
     * guard_first, omega_zero_events).
     */
    private static Outcomes outcomes(List<Row> rows, Configuration c) {
        int n = rows.size();
        long[] seeds = new long[n];
        boolean[] solved = new boolean[n];
        long[] mistakes = new long[n];
        long[] finalMistakes = new long[n];
        int[] stoppedAt = new int[n];
        String[] status = new String[n];
        int[] guardFirst = new int[n];
        long[] guardEvents = new long[n];
        for (int i = 0; i < n; i++) {
            Row o = rows.get(i);
            seeds[i] = o.getLong(0);
            status[i] = o.getString(1);
            solved[i] = "solved".equals(status[i]);
            mistakes[i] = o.isNullAt(2) ? -1 : o.getLong(2);
            finalMistakes[i] = o.isNullAt(3) ? -1 : o.getLong(3);
            stoppedAt[i] = o.getInt(4);
            guardFirst[i] = o.getInt(5);
            guardEvents[i] = o.getLong(6);
        }
        return new Outcomes(seeds, solved, mistakes, finalMistakes, stoppedAt, status, guardFirst, guardEvents, c.get(org.lrasweep.kernel.param.TrialParameters.TEST_SIZE), c.get(org.lrasweep.kernel.param.TrialParameters.MAX_ITERATIONS));
    }

    private static double orNaN(Row r, String field) {
        int i = r.fieldIndex(field);
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }

    /** Fraction of each configuration's trials solved by each of its check iterations. */
    private static Map<String, TreeMap<Integer, Double>> solvedBy(Dataset<Row> trials, List<ConfigurationSummary> summaries,
                                                                  Map<String, Integer> checkEvery, Map<String, Integer> last) {
        Map<String, TreeMap<Integer, Long>> solvedAt = new HashMap<>();
        for (Row r : trials.where(col("solved_at").isNotNull()).groupBy("config_id", "solved_at").count().collectAsList()) {
            solvedAt.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getInt(1), r.getLong(2));
        }
        Map<String, TreeMap<Integer, Double>> out = new LinkedHashMap<>();
        for (ConfigurationSummary s : summaries) {
            String id = s.config().id();
            TreeMap<Integer, Long> at = solvedAt.getOrDefault(id, new TreeMap<>());
            TreeMap<Integer, Double> fraction = new TreeMap<>();
            long solved = 0;
            for (int i = checkEvery.get(id); i <= last.get(id); i += checkEvery.get(id)) {
                for (Long n : at.headMap(i, true).values()) {
                    solved += n;
                }
                at.headMap(i, true).clear();
                fraction.put(i, (double) solved / s.trials());
            }
            out.put(id, fraction);
        }
        return out;
    }

    /** Counts, names and times over all trials, in one Spark job each. */
    private static Overview overview(Dataset<Row> trials) {
        Row span = trials.agg(count(lit(1)), min("started_at"), max("finished_at")).first();
        Map<String, Long> statuses = new TreeMap<>();
        trials.groupBy("status").count().collectAsList().forEach(r -> statuses.put(r.getString(0), r.getLong(1)));
        Map<String, Long> cores = new TreeMap<>();
        trials.groupBy(coalesce(col("blas_core"), lit("unrecorded"))).count().collectAsList()
                .forEach(r -> cores.put(r.getString(0), r.getLong(1)));
        return new Overview(span.getLong(0), distinct(trials, "sweep"), statuses, distinct(trials, "code_version"), cores,
                span.isNullAt(1) ? null : ReportPage.instant(span.get(1)), span.isNullAt(2) ? null : ReportPage.instant(span.get(2)));
    }

    private static List<String> distinct(Dataset<Row> trials, String column) {
        return trials.select(column).distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream()
                .filter(java.util.Objects::nonNull).sorted().toList();
    }

    /** Per configuration, its trials' distinct (best, final) accuracy points on the {@value #STABILITY_GRID} grid. */
    private static Map<String, List<double[]>> stability(Dataset<Row> trials) {
        Map<String, List<double[]>> out = new HashMap<>();
        Column best = round(col("best_accuracy").divide(STABILITY_GRID)).multiply(STABILITY_GRID);
        Column fin = round(col("final_accuracy").divide(STABILITY_GRID)).multiply(STABILITY_GRID);
        for (Row r : trials.where(col("best_accuracy").isNotNull().and(col("final_accuracy").isNotNull()))
                .groupBy(col("config_id"), best.as("best"), fin.as("final")).count().collectAsList()) {
            out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new double[] {r.getDouble(1), r.getDouble(2), r.getLong(3)});
        }
        // The figure draws the points in this order, and overlapping markers make the order visible:
        // fixed here, so the figure does not depend on how Spark partitioned the trials.
        out.values().forEach(points -> points.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1])));
        return out;
    }

    /**
     * The best of several configurations: highest success rate, then fewest iterations to solve,
     * then highest mean best accuracy (what tells apart configurations that solved nothing), then
     * config id.
     */
    static final Comparator<ConfigurationSummary> BEST = Comparator
            .comparingDouble((ConfigurationSummary s) -> Double.isNaN(s.successRate()) ? 1 : -s.successRate())
            .thenComparingDouble(s -> Double.isNaN(s.medianIterationsToSolve()) ? Double.MAX_VALUE : s.medianIterationsToSolve())
            .thenComparingDouble(s -> Double.isNaN(s.meanBestAccuracy()) ? Double.MAX_VALUE : -s.meanBestAccuracy())
            .thenComparing(s -> s.config().id());

    /**
     * The comparisons of an adaptive sweep (or of a consolidated study): the current group winners'
     * confirmation trials, each winner's normalize = off twin (a grid configuration run on the
     * confirmation seeds) against it, and, as on any grid, the fixed-grid configurations that were
     * never candidates of a selection (a study's long length or budget check; LRA without the
     * paper's clip only as a twin), each family Holm-adjusted over all of them. Confirmation trials
     * of a configuration that no longer wins (the selection rules changed since they ran) stay in
     * the summary but answer no question.
     */
    static List<Comparison> compareWinners(List<ConfigurationSummary> summaries, Map<String, ConfigurationSummary> confirmations,
                                           Selection selection, double[] thresholds) {
        Set<String> current = selection == null ? confirmations.keySet()
                : selection.winners().stream().map(Selection.Stopped::configId).collect(Collectors.toSet());
        Set<String> candidates = selection == null ? confirmations.keySet()
                : selection.configurations().stream().map(Selection.Stopped::configId).collect(Collectors.toSet());
        List<ConfigurationSummary> winners = summaries.stream().map(s -> s.config().id())
                .filter(id -> confirmations.containsKey(id) && current.contains(id)).map(confirmations::get).toList();
        Set<List<Object>> clippedWinners = winners.stream().filter(w -> w.config().isClipped())
                .map(w -> w.config().withoutNormalize()).collect(Collectors.toSet());
        List<ConfigurationSummary> twins = summaries.stream().filter(s -> s.config().isUnclipped()
                && !confirmations.containsKey(s.config().id()) && clippedWinners.contains(s.config().withoutNormalize())).toList();
        // Unclipped configurations beside a selection are there as winners' twins: one that twins no
        // winner (a Cartesian clipping grid holds some) answers no question of the study.
        List<ConfigurationSummary> fixed = summaries.stream().filter(s -> !candidates.contains(s.config().id())
                && !confirmations.containsKey(s.config().id()) && (!s.config().isLra() || s.config().isClipped())).toList();
        Map<ComparisonFamily, List<ConfigurationSummary[]>> pairs = pairs(winners, true, twins);
        pairs(fixed, false, List.of()).forEach((family, more) -> pairs.get(family).addAll(more));
        // The matched family spans winners, twins and fixed grids: a regularized winner meets its alpha = 0
        // twin wherever one ran on the same seeds, and a regularized fixed configuration its alpha = 0 winner.
        List<ConfigurationSummary> pool = new ArrayList<>(winners);
        pool.addAll(twins);
        pool.addAll(fixed);
        // Two fixed-grid configurations are already twins in regularized-vs-unregularized.
        Set<ConfigurationSummary> studied = new java.util.HashSet<>(winners);
        studied.addAll(twins);
        matchedRegularizer(pool).stream().filter(pair -> studied.contains(pair[0]) || studied.contains(pair[1]))
                .forEach(pairs.get(ComparisonFamily.MATCHED_REGULARIZER)::add);
        return adjusted(pairs, thresholds);
    }

    /**
     * Every family's comparisons ({@link ComparisonFamily}), Holm-adjusted within each family. On a
     * grid, twins differ in one setting only. Group winners confirmed on fresh seeds (winners) were
     * tuned separately, so there a regularized winner meets the best unregularized winner of its
     * method and protocol, and a released winner the local winners of its protocol and regularizer;
     * {@code unclipped} are winners' normalize = off twins, compared with their winner alone.
     */
    static List<Comparison> compare(List<ConfigurationSummary> summaries, boolean winners, List<ConfigurationSummary> unclipped,
                                    double[] thresholds) {
        return adjusted(pairs(summaries, winners, unclipped), thresholds);
    }

    /** The pairs {@link #compare} compares, by family. */
    private static Map<ComparisonFamily, List<ConfigurationSummary[]>> pairs(List<ConfigurationSummary> summaries, boolean winners,
                                                                            List<ConfigurationSummary> unclipped) {
        java.util.function.Function<Configuration, List<Object>> alphaTwin = winners
                ? c -> List.of(c.protocol(), c.methodKey()) : Configuration::withoutAlpha;
        java.util.function.Function<Configuration, List<Object>> variantTwin = winners
                ? c -> List.of(c.protocol(), c.alpha() > 0) : Configuration::withoutVariant;
        // A run without the Omega guard is the authors' arithmetic kept beside its guarded twin (guard_pairs), not a
        // method: it enters no family, so that it takes no power from the questions the families answer.
        List<ConfigurationSummary> ran = summaries.stream().filter(s -> s.ran() > 0 && !s.config().isGuardOff()).toList();
        Map<ComparisonFamily, List<ConfigurationSummary[]>> pairs = new LinkedHashMap<>();
        for (ComparisonFamily f : ComparisonFamily.values()) {
            pairs.put(f, new ArrayList<>());
        }
        Map<List<Object>, ConfigurationSummary> byAllButAlpha = new HashMap<>();
        Map<List<Object>, List<ConfigurationSummary>> bpttByProtocol = new HashMap<>();
        for (ConfigurationSummary s : ran) {
            if (s.config().alpha() == 0) {
                byAllButAlpha.merge(alphaTwin.apply(s.config()), s, (x, y) -> BEST.compare(x, y) <= 0 ? x : y);
            }
            if (!s.config().isLra()) {
                bpttByProtocol.computeIfAbsent(s.config().protocol(), k -> new ArrayList<>()).add(s);
            }
        }
        for (ConfigurationSummary s : ran) {
            ConfigurationSummary twin = byAllButAlpha.get(alphaTwin.apply(s.config()));
            if (s.config().alpha() > 0 && twin != null) {
                pairs.get(ComparisonFamily.REGULARIZED_VS_UNREGULARIZED).add(new ConfigurationSummary[] {s, twin});
            }
            List<ConfigurationSummary> bptt = bpttByProtocol.get(s.config().protocol());
            if (s.config().isLra() && bptt != null) {
                pairs.get(ComparisonFamily.LRA_VS_BPTT).add(new ConfigurationSummary[] {s, bptt.stream().min(BEST).orElseThrow()});
            }
            if ("released".equals(s.config().get(org.lrasweep.kernel.param.TrialParameters.LRA_VARIANT))) {
                for (ConfigurationSummary o : ran) {
                    if (o.config().isLra() && "local".equals(o.config().get(org.lrasweep.kernel.param.TrialParameters.LRA_VARIANT))
                            && variantTwin.apply(o.config()).equals(variantTwin.apply(s.config()))) {
                        pairs.get(ComparisonFamily.RELEASED_VS_LOCAL).add(new ConfigurationSummary[] {s, o});
                    }
                }
            }
        }
        Map<List<Object>, ConfigurationSummary> clipped = new HashMap<>();
        ran.stream().filter(s -> s.config().isClipped()).forEach(s -> clipped.put(s.config().withoutNormalize(), s));
        List<ConfigurationSummary> offTwins = winners ? unclipped.stream().filter(s -> s.ran() > 0).toList()
                : ran.stream().filter(s -> s.config().isUnclipped()).toList();
        for (ConfigurationSummary s : offTwins) {
            ConfigurationSummary twin = clipped.get(s.config().withoutNormalize());
            if (twin != null) {
                pairs.get(ComparisonFamily.UNCLIPPED_VS_CLIPPED).add(new ConfigurationSummary[] {s, twin});
            }
        }
        Map<List<Object>, Map<String, ConfigurationSummary>> bestByPanel = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (ConfigurationSummary s : ran) {
            bestByPanel.computeIfAbsent(List.of(s.config().task(), s.config().length()), k -> new TreeMap<>())
                    .merge(s.config().method(), s, (x, y) -> BEST.compare(x, y) <= 0 ? x : y);
        }
        for (Map<String, ConfigurationSummary> best : bestByPanel.values()) {
            List<ConfigurationSummary> methods = new ArrayList<>(best.values());
            for (int i = 0; i < methods.size(); i++) {
                for (int j = i + 1; j < methods.size(); j++) {
                    pairs.get(ComparisonFamily.BEST_VS_BEST).add(new ConfigurationSummary[] {methods.get(i), methods.get(j)});
                }
            }
        }
        return pairs;
    }

    private static double[] column(double[][] m, int i) {
        double[] c = new double[m.length];
        for (int t = 0; t < m.length; t++) {
            c[t] = m[t][i];
        }
        return c;
    }

    /** Each regularized configuration with the alpha = 0 configuration of the same other settings and the same seeds. */
    static List<ConfigurationSummary[]> matchedRegularizer(List<ConfigurationSummary> summaries) {
        List<ConfigurationSummary[]> out = new ArrayList<>();
        for (ConfigurationSummary s : summaries) {
            if (s.config().alpha() <= 0 || s.outcomes().size() == 0) {
                continue;
            }
            for (ConfigurationSummary t : summaries) {
                if (t.config().alpha() == 0 && t.outcomes().size() > 0 && t.config().withoutAlpha().equals(s.config().withoutAlpha())
                        && java.util.Arrays.equals(t.outcomes().seeds(), s.outcomes().seeds())) {
                    out.add(new ConfigurationSummary[] {s, t});
                }
            }
        }
        return out;
    }

    /** Each pair's difference with its Newcombe interval and Fisher p-value, Holm-adjusted within its family. */
    private static List<Comparison> adjusted(Map<ComparisonFamily, List<ConfigurationSummary[]>> pairs, double[] thresholds) {
        List<Comparison> out = new ArrayList<>();
        for (Map.Entry<ComparisonFamily, List<ConfigurationSummary[]>> family : pairs.entrySet()) {
            List<ConfigurationSummary[]> list = family.getValue();
            double[] p = new double[list.size()];
            for (int i = 0; i < p.length; i++) {
                ConfigurationSummary a = list.get(i)[0];
                ConfigurationSummary b = list.get(i)[1];
                p[i] = FisherExact.pValue(a.solved(), a.ran(), b.solved(), b.ran());
            }
            double[] holm = HolmAdjustment.adjust(p);
            OutcomeComparison[] seedLevel = new OutcomeComparison[p.length];
            double[] pBinary = new double[p.length];
            double[] pMistakes = new double[p.length];
            double[][] pThreshold = new double[thresholds.length][p.length];
            for (int i = 0; i < p.length; i++) {
                seedLevel[i] = OutcomeComparison.of(list.get(i)[0].outcomes(), list.get(i)[1].outcomes(), thresholds);
                pBinary[i] = seedLevel[i].pBinary();
                pMistakes[i] = seedLevel[i].pMistakes();
                for (int t = 0; t < thresholds.length; t++) {
                    pThreshold[t][i] = seedLevel[i].pThreshold().length > t ? seedLevel[i].pThreshold()[t] : Double.NaN;
                }
            }
            double[] binaryHolm = HolmAdjustment.adjust(pBinary);
            double[] mistakesHolm = HolmAdjustment.adjust(pMistakes);
            double[][] thresholdHolm = new double[thresholds.length][];
            for (int t = 0; t < thresholds.length; t++) {
                thresholdHolm[t] = HolmAdjustment.adjust(pThreshold[t]);
            }
            for (int i = 0; i < p.length; i++) {
                ConfigurationSummary a = list.get(i)[0];
                ConfigurationSummary b = list.get(i)[1];
                double[] ci = NewcombeDifferenceInterval.of(a.solved(), a.ran(), b.solved(), b.ran());
                out.add(new Comparison(family.getKey(), a, b, a.successRate() - b.successRate(), ci[0], ci[1], p[i], holm[i],
                        seedLevel[i].withHolm(binaryHolm[i], mistakesHolm[i], column(thresholdHolm, i))));
            }
        }
        return out;
    }

    /**
     * Median and quartiles (exact, linear interpolation: type 7) of test accuracy over each
     * configuration's trials at every check, in Spark. A trial that ended keeps its last value up to
     * its configuration's last check (a solved trial stays solved).
     *
     * @param curves  the curves table ({@code trial_id}, {@code iteration}, {@code test_accuracy})
     * @param configs {@code trial_id}, {@code config_id} and {@code check_every} of every trial
     */
    static Map<String, TreeMap<Integer, double[]>> learningCurves(Dataset<Row> curves, Dataset<Row> configs) {
        Dataset<Row> points = curves.where(col("test_accuracy").isNotNull()).select("trial_id", "iteration", "test_accuracy")
                .join(configs, "trial_id");
        Dataset<Row> ends = points.groupBy("trial_id", "config_id", "check_every")
                .agg(max("iteration").as("last"), max_by(col("test_accuracy"), col("iteration")).as("final"));
        Dataset<Row> carried = ends.join(ends.groupBy("config_id").agg(max("last").as("config_last")), "config_id")
                .where(col("last").lt(col("config_last")))
                .select(col("trial_id"), col("config_id"), explode(sequence(col("last").plus(col("check_every")),
                        col("config_last"), col("check_every"))).as("iteration"), col("final").as("test_accuracy"));
        List<Row> rows = points.select("trial_id", "config_id", "iteration", "test_accuracy")
                .unionByName(carried.select("trial_id", "config_id", "iteration", "test_accuracy"))
                .groupBy("config_id", "iteration")
                .agg(expr("percentile(test_accuracy, array(0.5, 0.25, 0.75))").as("q"))
                .collectAsList();
        Map<String, TreeMap<Integer, double[]>> out = new HashMap<>();
        for (Row r : rows) {
            List<Double> q = r.getList(2);
            out.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getInt(1), new double[] {q.get(0), q.get(1), q.get(2)});
        }
        return out;
    }

    /**
     * Medians over seeds of the per-step local losses and update norms at each trial's first, middle,
     * best and last check ({@link ProfileCheck}), in Spark; a check whose diagnostics the gradients
     * table does not hold for every trial (a consolidation of an older version kept the first and last
     * only) is absent.
     */
    static Map<String, List<GradientProfile>> gradientProfiles(Dataset<Row> gradients, Dataset<Row> curves, Dataset<Row> configs) {
        Dataset<Row> checks = checks(curves, configs);
        return gradientProfiles(atChecks(gradients, checks, configs), trialsWithCurve(checks, configs));
    }

    /**
     * The diagnostics of each trial at its profiled checks: the gradients table's rows at those
     * iterations, with the check's name and the trial's {@code config_id}.
     */
    static Dataset<Row> atChecks(Dataset<Row> gradients, Dataset<Row> checks, Dataset<Row> configs) {
        return gradients.join(checks, new String[] {"trial_id", "iteration"}).join(configs.select("trial_id", "config_id"), "trial_id");
    }

    /** Each trial's first, middle, best and last check ({@link ProfileCheck#of}), for the trials of configs. */
    static Dataset<Row> checks(Dataset<Row> curves, Dataset<Row> configs) {
        return ProfileCheck.of(curves.join(configs.select("trial_id"), "trial_id", "left_semi"));
    }

    /**
     * Per configuration, its trials with a curve. A check is profiled only where every one of them has
     * its diagnostics: a consolidation of an older version kept the first and last check, and the trials
     * whose middle or best happens to be one of those would be a biased few.
     */
    static Map<String, Long> trialsWithCurve(Dataset<Row> checks, Dataset<Row> configs) {
        Map<String, Long> withCurve = new HashMap<>();
        checks.select("trial_id").distinct().join(configs.select("trial_id", "config_id"), "trial_id").groupBy("config_id").count()
                .collectAsList().forEach(r -> withCurve.put(r.getString(0), r.getLong(1)));
        return withCurve;
    }

    static Map<String, List<GradientProfile>> gradientProfiles(Dataset<Row> atChecks, Map<String, Long> withCurve) {
        List<Row> rows = atChecks.groupBy("config_id", "check", "step").agg(expr("percentile(iteration, 0.5)"), count(lit(1)),
                        expr("percentile(local_loss, 0.5)"), expr("percentile(whh_norm, 0.5)"), expr("percentile(wxh_norm, 0.5)"))
                .collectAsList();
        // config id -> check -> step -> {iteration, trials, local loss, Whh, Wxh}
        Map<String, Map<ProfileCheck, TreeMap<Integer, double[]>>> values = new HashMap<>();
        for (Row r : rows) {
            ProfileCheck check = ProfileCheck.valueOf(r.getString(1).toUpperCase(java.util.Locale.ROOT));
            values.computeIfAbsent(r.getString(0), k -> new java.util.EnumMap<>(ProfileCheck.class))
                    .computeIfAbsent(check, k -> new TreeMap<>()).put(r.getInt(2), new double[] {r.getDouble(3), r.getLong(4),
                        r.isNullAt(5) ? Double.NaN : r.getDouble(5), r.isNullAt(6) ? Double.NaN : r.getDouble(6),
                        r.isNullAt(7) ? Double.NaN : r.getDouble(7)});
        }
        Map<String, List<GradientProfile>> out = new LinkedHashMap<>();
        values.forEach((id, byCheck) -> byCheck.forEach((check, bySteps) -> {
            int steps = bySteps.lastKey() + 1;
            double[][] profile = new double[steps][];
            long trials = 0;
            for (int t = 0; t < steps; t++) {
                double[] v = bySteps.get(t);
                profile[t] = v == null ? new double[] {Double.NaN, Double.NaN, Double.NaN} : new double[] {v[2], v[3], v[4]};
                trials = v == null ? trials : Math.max(trials, (long) v[1]);
            }
            if (trials < withCurve.getOrDefault(id, 0L)) {
                return;
            }
            // Every trial of a configuration has the same steps, so any step's median iteration is the check's.
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(new GradientProfile(check, bySteps.firstEntry().getValue()[0],
                    trials, profile));
        }));
        return out;
    }

}
