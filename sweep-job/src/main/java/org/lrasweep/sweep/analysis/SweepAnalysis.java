package org.lrasweep.sweep.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lrasweep.sweep.run.TrialsTable;

/**
 * The statistics of a sweep's results: per configuration, success rates across seeds with
 * Wilson intervals and the distribution of iterations to solve; regularized LRA against its
 * baselines with Newcombe intervals, Fisher exact and Holm-adjusted p-values; and the aggregated
 * curves the report plots (fraction solved by iteration, median learning curves with quartiles,
 * median per-step update norms).
 */
public final class SweepAnalysis {
    /** Quantiles as numpy and pandas compute them by default (Hyndman and Fan type 7). */
    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    public final List<Row> trials;
    public final List<ConfigurationSummary> summaries;
    public final List<Comparison> comparisons;
    /** Per configuration id: iteration -> {median, q1, q3} test accuracy, ended trials carried forward. */
    public final Map<String, TreeMap<Integer, double[]>> learningCurves;
    /** Per configuration id: iteration -> fraction of its trials solved by then. */
    public final Map<String, TreeMap<Integer, Double>> solvedBy;
    /** Per configuration id: the first check's per-step medians {local loss, Whh norm, Wxh norm}, index = step. */
    public final Map<String, double[][]> gradientProfiles;
    /** Per configuration id: the iteration of the first check the gradient profile comes from. */
    public final Map<String, Integer> profileIteration;
    /** Trial id to its configuration. */
    private final Map<String, Configuration> configOfTrial;

    SweepAnalysis(List<Row> trials, List<ConfigurationSummary> summaries, List<Comparison> comparisons,
                          Map<String, TreeMap<Integer, double[]>> learningCurves, Map<String, TreeMap<Integer, Double>> solvedBy,
                          Map<String, double[][]> gradientProfiles, Map<String, Integer> profileIteration,
                          Map<String, Configuration> configOfTrial) {
        this.trials = trials;
        this.summaries = summaries;
        this.comparisons = comparisons;
        this.learningCurves = learningCurves;
        this.solvedBy = solvedBy;
        this.gradientProfiles = gradientProfiles;
        this.profileIteration = profileIteration;
        this.configOfTrial = configOfTrial;
    }

    /** The configuration id of a row of {@link #trials}. */
    public String configOfTrial(Row trial) {
        return configOfTrial.get(trial.<String>getAs("trial_id")).id();
    }

    /** Reads the tables under output and computes everything. */
    public static SweepAnalysis of(SparkSession spark, String output) {
        List<Row> trials = TrialsTable.read(spark, output).collectAsList();
        Map<Configuration, List<Row>> byConfig = new LinkedHashMap<>();
        Map<String, Configuration> configOfTrial = new HashMap<>();
        for (Row r : trials) {
            Configuration c = Configuration.of(r);
            byConfig.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
            configOfTrial.put(r.getAs("trial_id"), c);
        }
        List<ConfigurationSummary> summaries = new ArrayList<>();
        for (Map.Entry<Configuration, List<Row>> e : byConfig.entrySet()) {
            summaries.add(summarize(e.getKey(), e.getValue()));
        }
        summaries.sort(Comparator.comparing((ConfigurationSummary s) -> s.config().task())
                .thenComparingInt(s -> s.config().length()).thenComparing(s -> s.config().label()));

        // The per-check tables are aggregated where they lie: only per-configuration results reach the driver.
        List<Row> keys = new ArrayList<>();
        configOfTrial.forEach((trial, c) -> keys.add(RowFactory.create(trial, c.id(), c.checkEvery())));
        Dataset<Row> configs = spark.createDataFrame(keys, new StructType().add("trial_id", DataTypes.StringType)
                .add("config_id", DataTypes.StringType).add("check_every", DataTypes.IntegerType));
        Map<String, TreeMap<Integer, double[]>> learningCurves = learningCurves(
                spark.read().option("mergeSchema", "true").parquet(output + "/curves"), configs);
        Map<String, TreeMap<Integer, Double>> solvedBy = new LinkedHashMap<>();
        for (ConfigurationSummary s : summaries) {
            learningCurves.putIfAbsent(s.config().id(), new TreeMap<>());
            solvedBy.put(s.config().id(), solvedBy(byConfig.get(s.config()), s.config().checkEvery()));
        }
        Map<String, double[][]> profiles = new LinkedHashMap<>();
        Map<String, Integer> profileIteration = new HashMap<>();
        gradientProfiles(spark.read().option("mergeSchema", "true").parquet(output + "/gradients"), configs, profiles,
                profileIteration);
        return new SweepAnalysis(trials, summaries, compare(summaries), learningCurves, solvedBy, profiles, profileIteration,
                configOfTrial);
    }

    static ConfigurationSummary summarize(Configuration c, List<Row> rows) {
        int solved = 0;
        int plateaued = 0;
        int maxIterations = 0;
        int diverged = 0;
        int failed = 0;
        List<Double> solvedAt = new ArrayList<>();
        double bestSum = 0;
        int bestCount = 0;
        int collapsed = 0;
        List<Double> finals = new ArrayList<>();
        double[] zeroEvents = new double[rows.size()];
        int i = 0;
        for (Row r : rows) {
            zeroEvents[i++] = r.<Long>getAs("omega_zero_events");
            if (Boolean.TRUE.equals(r.getAs("collapsed"))) {
                collapsed++;
            }
            Double fin = r.getAs("final_accuracy");
            if (fin != null) {
                finals.add(fin);
            }
            switch (r.<String>getAs("status")) {
                case "solved" -> {
                    solved++;
                    solvedAt.add(r.<Integer>getAs("solved_at").doubleValue());
                }
                case "plateaued" -> plateaued++;
                case "max-iterations" -> maxIterations++;
                case "diverged" -> diverged++;
                default -> failed++;
            }
            Double best = r.getAs("best_accuracy");
            if (best != null) {
                bestSum += best;
                bestCount++;
            }
        }
        int ran = rows.size() - failed;
        double rate = ran == 0 ? Double.NaN : (double) solved / ran;
        double[] ci = ran == 0 ? new double[] {Double.NaN, Double.NaN} : WilsonInterval.of(solved, ran);
        double[] its = solvedAt.stream().mapToDouble(Double::doubleValue).toArray();
        double[] q = its.length == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN} : QUANTILE.evaluate(its, 0.25, 0.5, 0.75);
        double medianFinal = finals.isEmpty() ? Double.NaN
                : QUANTILE.evaluate(finals.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        double medianZeroEvents = zeroEvents.length == 0 ? Double.NaN : QUANTILE.evaluate(zeroEvents, 0.5);
        return new ConfigurationSummary(c, rows.size(), solved, plateaued, maxIterations, diverged, failed, rate, ci[0], ci[1],
                q[1], q[0], q[2], bestCount == 0 ? Double.NaN : bestSum / bestCount, medianFinal, collapsed, medianZeroEvents);
    }

    /** The best of several configurations: highest success rate, then fewest iterations to solve, then config id. */
    static final Comparator<ConfigurationSummary> BEST = Comparator
            .comparingDouble((ConfigurationSummary s) -> Double.isNaN(s.successRate()) ? 1 : -s.successRate())
            .thenComparingDouble(s -> Double.isNaN(s.medianIterationsToSolve()) ? Double.MAX_VALUE : s.medianIterationsToSolve())
            .thenComparing(s -> s.config().id());

    /** Every family's comparisons ({@link ComparisonFamily}), Holm-adjusted within each family. */
    static List<Comparison> compare(List<ConfigurationSummary> summaries) {
        List<ConfigurationSummary> ran = summaries.stream().filter(s -> s.ran() > 0).toList();
        Map<ComparisonFamily, List<ConfigurationSummary[]>> pairs = new LinkedHashMap<>();
        for (ComparisonFamily f : ComparisonFamily.values()) {
            pairs.put(f, new ArrayList<>());
        }
        Map<List<Object>, ConfigurationSummary> byAllButAlpha = new HashMap<>();
        Map<List<Object>, List<ConfigurationSummary>> bpttByProtocol = new HashMap<>();
        for (ConfigurationSummary s : ran) {
            if (s.config().alpha() == 0) {
                byAllButAlpha.put(s.config().withoutAlpha(), s);
            }
            if (!s.config().isLra()) {
                bpttByProtocol.computeIfAbsent(s.config().protocol(), k -> new ArrayList<>()).add(s);
            }
        }
        for (ConfigurationSummary s : ran) {
            ConfigurationSummary twin = byAllButAlpha.get(s.config().withoutAlpha());
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
                            && o.config().withoutVariant().equals(s.config().withoutVariant())) {
                        pairs.get(ComparisonFamily.RELEASED_VS_LOCAL).add(new ConfigurationSummary[] {s, o});
                    }
                }
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
            for (int i = 0; i < p.length; i++) {
                ConfigurationSummary a = list.get(i)[0];
                ConfigurationSummary b = list.get(i)[1];
                double[] ci = NewcombeDifferenceInterval.of(a.solved(), a.ran(), b.solved(), b.ran());
                out.add(new Comparison(family.getKey(), a, b, a.successRate() - b.successRate(), ci[0], ci[1], p[i], holm[i]));
            }
        }
        return out;
    }

    /** Fraction of the configuration's trials solved by each check iteration. */
    static TreeMap<Integer, Double> solvedBy(List<Row> rows, int checkEvery) {
        int last = rows.stream().mapToInt(r -> r.<Integer>getAs("iterations")).max().orElse(0);
        TreeMap<Integer, Double> out = new TreeMap<>();
        for (int i = checkEvery; i <= last; i += checkEvery) {
            int it = i;
            long n = rows.stream().filter(r -> r.getAs("solved_at") != null && r.<Integer>getAs("solved_at") <= it).count();
            out.put(i, (double) n / rows.size());
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

    /** Medians over seeds of the first check's per-step local losses and update norms, in Spark. */
    private static void gradientProfiles(Dataset<Row> gradients, Dataset<Row> configs, Map<String, double[][]> profiles,
                                         Map<String, Integer> profileIteration) {
        Dataset<Row> g = gradients.join(configs.select("trial_id", "config_id"), "trial_id");
        Dataset<Row> first = g.groupBy("trial_id").agg(min("iteration").as("first"));
        List<Row> rows = g.join(first, "trial_id").where(col("iteration").equalTo(col("first")))
                .groupBy("config_id", "step").agg(min("iteration"), expr("percentile(local_loss, 0.5)"),
                        expr("percentile(whh_norm, 0.5)"), expr("percentile(wxh_norm, 0.5)"))
                .collectAsList();
        Map<String, Map<Integer, double[]>> values = new HashMap<>();
        for (Row r : rows) {
            profileIteration.merge(r.getString(0), r.getInt(2), Math::min);
            values.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getInt(1), new double[] {
                r.isNullAt(3) ? Double.NaN : r.getDouble(3), r.isNullAt(4) ? Double.NaN : r.getDouble(4),
                r.isNullAt(5) ? Double.NaN : r.getDouble(5)});
        }
        for (Map.Entry<String, Map<Integer, double[]>> e : values.entrySet()) {
            int steps = e.getValue().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            double[][] profile = new double[steps][];
            for (int t = 0; t < steps; t++) {
                profile[t] = e.getValue().getOrDefault(t, new double[] {Double.NaN, Double.NaN, Double.NaN});
            }
            profiles.put(e.getKey(), profile);
        }
    }
}
