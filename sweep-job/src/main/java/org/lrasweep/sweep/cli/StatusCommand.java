package org.lrasweep.sweep.cli;

import org.lrasweep.sweep.run.Checkpoints;
import org.lrasweep.sweep.run.CommitProtocol;
import org.lrasweep.sweep.run.Journal;
import org.lrasweep.sweep.run.JournalCheck;
import org.lrasweep.sweep.run.OutputSweeps;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lrasweep.sweep.grid.CostModel;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.grid.Labels;
import org.lrasweep.sweep.grid.TrialId;
import org.lrasweep.sweep.grid.TrialSpec;
import org.lrasweep.sweep.run.Compactor;
import org.lrasweep.sweep.run.AdaptiveRunner;
import org.lrasweep.sweep.adaptive.Allocation;
import org.lrasweep.sweep.adaptive.SelectionRules;
import org.lrasweep.sweep.run.TrialsTable;
import org.lrasweep.sweep.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code status OUTPUT}: where a sweep stands, read from its output folder alone (no driver needs to
 * run; it works while one does): trials committed out of planned, by status; per configuration,
 * solved out of run; the failed trials with their errors; and what is left, by the cost model and
 * by the pace of the last hour. The plan is the latest run record's resolved spec.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print a sweep's progress from its output folder: committed of planned, per configuration, failures, ETA.")
public final class StatusCommand implements Callable<Integer> {
    /** Failed trials listed by id at most; the rest are counted. */
    static final int FAILED_LISTED = 50;

    @Spec
    CommandSpec command;

    @Mixin
    OutputArgument output;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSession.builder().appName("lra-sweep status").getOrCreate();
        String out = output.qualified(spark);
        FileSystem fs = new Path(out).getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<OutputSweeps.Sweep> sweeps = OutputSweeps.of(fs, out);
        if (sweeps.isEmpty()) {
            throw new IllegalArgumentException("no run record under " + out + " (runs/ is written when a sweep starts)");
        }
        // The journal is listed and read once: the replays and the counts share it.
        List<String> damaged = new java.util.ArrayList<>();
        Dataset<Row> now = Compactor.trials(spark, out, damaged::add).cache();
        try {
            PrintWriter p = command.commandLine().getOut();
            if (sweeps.size() > 1) {
                // Added with run --add: each sweep's plan apart; the summary and report cover all of them.
                p.printf("output holds %d sweeps (added with run --add): %s; %d trials committed in all%n", sweeps.size(),
                        String.join(", ", sweeps.stream().map(s -> "'" + s.name() + "'").toList()), now.count());
            }
            for (OutputSweeps.Sweep sweep : sweeps) {
                status(p, out, sweep, now);
            }
            damaged(p, fs, out, damaged);
        } finally {
            now.unpersist();
        }
        return 0;
    }

    /** One sweep's status: its plan (an adaptive one's as its selection stands) against the output's trials. */
    private static void status(PrintWriter p, String out, OutputSweeps.Sweep sweep, Dataset<Row> now) throws java.io.IOException {
        SweepSpec spec = sweep.spec();
        List<TrialSpec> planned = GridExpander.expand(spec);
        int poolTrials = planned.size();
        Allocation selection = null;
        if (spec.isAdaptive()) {
            // The plan is what the driver asks for as the selection stands, replayed as the driver replays it.
            selection = AdaptiveRunner.replay(spec, planned, now);
            planned = AdaptiveRunner.design(spec, planned, selection);
        }
        Map<String, TrialSpec> plannedById = new LinkedHashMap<>();
        planned.forEach(t -> plannedById.put(t.trialId(), t));
        print(p, spec, sweep.record(), plannedById, TrialsTable.only(now, plannedById.keySet()), checkpointSavings(out, plannedById.values()));
        if (selection != null) {
            adaptive(p, poolTrials, selection);
        }
    }

    /** Damaged journal files: those found now (still in place) and those moved aside before. */
    private static void damaged(PrintWriter p, FileSystem fs, String out, List<String> found) throws java.io.IOException {
        long moved = JournalCheck.movedTrials(fs, new Journal(out, CommitProtocol.UNIQUE_NAMES));
        if (found.isEmpty() && moved == 0) {
            return;
        }
        long trials = found.stream().filter(l -> l.startsWith("journal/trials/")).count();
        p.printf("damaged: %d journal files found now (%d trials rows; counted as pending above), %d trials rows moved to "
                + "journal/%s/ before%n", found.size(), trials, moved, JournalCheck.DAMAGED);
        found.forEach(l -> p.println("  " + l));
    }

    /**
     * The cost-model milliseconds that checkpoints save the pending trials: each trains only the
     * iterations after its trajectory's furthest usable checkpoint ({@link Checkpoints#savedIterations}).
     * Reads names only: the journal's trials listing and one listing of its checkpoints.
     */
    private static double checkpointSavings(String out, java.util.Collection<TrialSpec> planned) throws java.io.IOException {
        java.util.Set<String> committed = new Journal(out, CommitProtocol.UNIQUE_NAMES).committed();
        Map<String, List<Checkpoints.Name>> index = new Checkpoints(out, CommitProtocol.UNIQUE_NAMES).index();
        double saved = 0;
        for (TrialSpec t : planned) {
            if (!committed.contains(t.trialId())) {
                saved += CostModel.worstCaseMs(t.config()) * Checkpoints.savedIterations(t, index) / t.config().maxIterations();
            }
        }
        return saved;
    }

    /** Prints the status; the trials are aggregated in Spark, and only the failed ones listed reach the driver. */
    private static void print(PrintWriter p, SweepSpec spec, String record, Map<String, TrialSpec> planned, Dataset<Row> trials,
                              double savedMs) {
        Map<String, Long> byStatus = new TreeMap<>();
        trials.groupBy("status").count().collectAsList().forEach(r -> byStatus.put(r.getString(0), r.getLong(1)));
        long committed = byStatus.values().stream().mapToLong(Long::longValue).sum();
        Map<String, long[]> byConfigId = new HashMap<>();
        for (Row r : trials.groupBy("config_id").agg(sum(when(col("status").equalTo("failed"), 0).otherwise(1)),
                sum(when(col("status").equalTo("solved"), 1).otherwise(0)), count(lit(1))).collectAsList()) {
            byConfigId.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
        }
        long lastHour = trials.where(col("finished_at").gt(lit(java.sql.Timestamp.from(Instant.now().minusSeconds(3600))))).count();
        // Per configuration: solved/ran and committed from the table, planned and cost from the plan.
        Map<String, long[]> byConfig = new TreeMap<>();
        Map<String, double[]> plannedByConfig = new HashMap<>();
        for (TrialSpec t : planned.values()) {
            double[] c = plannedByConfig.computeIfAbsent(TrialId.configId(t.config().values()), k -> new double[2]);
            c[0]++;
            c[1] += CostModel.worstCaseMs(t.config());
        }
        double pendingMs = 0;
        Map<String, TrialSpec> firstOfConfig = new HashMap<>();
        planned.values().forEach(t -> firstOfConfig.putIfAbsent(TrialId.configId(t.config().values()), t));
        for (Map.Entry<String, double[]> e : plannedByConfig.entrySet()) {
            long[] done = byConfigId.getOrDefault(e.getKey(), new long[3]);
            long pending = (long) e.getValue()[0] - done[2];
            // Seeds of one configuration share a cost bound, so the pending ones cost their share.
            pendingMs += e.getValue()[1] * pending / e.getValue()[0];
            byConfig.put(configLine(firstOfConfig.get(e.getKey())), new long[] {done[1], done[0], done[2], pending});
        }
        long pending = planned.size() - committed;
        p.printf("sweep '%s' (plan of %s): %d of %d trials committed, %d pending%n", spec.name(), record, committed,
                planned.size(), pending);
        p.println("by status: " + (byStatus.isEmpty() ? "none yet" : byStatus.toString().replaceAll("[{}]", "")));
        p.printf("%-70s %10s %9s %8s%n", "configuration", "solved/ran", "committed", "pending");
        byConfig.forEach((config, c) -> p.printf("%-70s %10s %9d %8d%n", config, c[0] + "/" + c[1], c[2], c[3]));
        long failed = byStatus.getOrDefault("failed", 0L);
        for (Row r : trials.where(col("status").equalTo("failed")).orderBy("trial_id").select("trial_id", "error")
                .limit(FAILED_LISTED).collectAsList()) {
            p.printf("failed %s (%s): %s%n", r.getString(0), configLine(planned.get(r.getString(0))), r.getString(1));
        }
        if (failed > FAILED_LISTED) {
            p.printf("... and %d more failed trials (the trials table has them all)%n", failed - FAILED_LISTED);
        }
        Row origins = trials.agg(sum(when(col("extended_from").isNotNull(), 1).otherwise(0)),
                sum(when(col("extended_from").isNotNull().and(col("start_iteration").equalTo(col("iterations"))), 1).otherwise(0)),
                sum(when(col("extended_from").isNull().and(col("start_iteration").gt(0)), 1).otherwise(0))).first();
        if (!origins.isNullAt(0) && (origins.getLong(0) > 0 || origins.getLong(2) > 0)) {
            p.printf("checkpoints: %d trials extended a committed trial's final state (%d of them inherited its result), "
                    + "%d resumed their own after a kill%n", origins.getLong(0), origins.getLong(1), origins.getLong(2));
        }
        double boundHours = Math.max(0, pendingMs - savedMs) / 3.6e6;
        p.printf("left: at most %.2f core-hours by the cost model (every pending trial running its whole budget%s)%n",
                boundHours, savedMs > 0 ? String.format(" from its furthest checkpoint, which saves %.2f", savedMs / 3.6e6) : "");
        if (pending > 0 && lastHour > 0) {
            // The bound is core-hours, so no run takes longer on one core or more: a slow last hour (a run just
            // started, or paused) cannot stretch the estimate past it.
            double atPace = (double) pending / lastHour;
            p.printf("pace: %d trials in the last hour; at that pace about %s h to go%s%n", lastHour,
                    hours(Math.min(atPace, boundHours)), atPace > boundHours ? " (the cost bound; the pace alone says " + hours(atPace) + ")" : "");
        } else if (pending > 0) {
            p.println("pace: no trial finished in the last hour");
        }
    }

    private static String hours(double h) {
        return h < 0.1 ? String.format("%.2f", h) : String.format("%.1f", h);
    }

    /** Where an adaptive sweep's selection stands. */
    private static void adaptive(PrintWriter p, int poolTrials, Allocation a) {
        Map<String, Long> decisions = new TreeMap<>();
        Map<String, Allocation.Row> last = new HashMap<>();
        a.rows().forEach(r -> last.put(r.c().configId(), r));
        last.values().stream().filter(r -> r.decision() != SelectionRules.Decision.CONTINUE)
                .forEach(r -> decisions.merge(r.decision().label(), 1L, Long::sum));
        p.printf("adaptive: the plan above is the selection as it stands (%s), not the whole pool: %d of %d pool trials so far, "
                + "%d saved%s%n", a.complete() ? "over" : "wave " + a.wave() + ", " + a.live().size() + " live", a.allocated(),
                poolTrials, a.saved(), a.complete() ? "" : "; confirmation comes after the last wave");
        if (!decisions.isEmpty()) {
            p.println("stopped: " + decisions.toString().replaceAll("[{}]", ""));
        }
        a.winners().forEach((group, id) -> {
            Allocation.Row r = last.get(id);
            p.printf("winner of [%s]: %s (%s), selection %d/%d%n", group, r.c().label(), id, r.count().solved(), r.seeds());
        });
    }

    /** A configuration in one line: task, length and label. */
    private static String configLine(TrialSpec t) {
        return t.config().task() + " T=" + t.config().length() + " " + Labels.label(t.config().values());
    }
}
