package org.lrasweep.sweep.cli;

import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lrasweep.sweep.analysis.ReportPage;
import org.lrasweep.sweep.grid.CostModel;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.grid.Labels;
import org.lrasweep.sweep.grid.TrialSpec;
import org.lrasweep.sweep.run.RunRecords;
import org.lrasweep.sweep.run.Tables;
import org.lrasweep.sweep.run.TrialsTable;
import org.lrasweep.sweep.spec.SpecParser;
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
    @Spec
    CommandSpec command;

    @Mixin
    OutputArgument output;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSession.builder().appName("lra-sweep status").getOrCreate();
        String out = output.qualified(spark);
        FileSystem fs = new Path(out).getFileSystem(spark.sparkContext().hadoopConfiguration());
        RunRecords.Latest latest = RunRecords.latest(fs, out).orElseThrow(() ->
                new IllegalArgumentException("no run record under " + out + " (runs/ is written when a sweep starts)"));
        String record = latest.text();
        SweepSpec spec = SpecParser.parse(ConfigFactory.parseString(record).getConfig("lra-sweep"), List.of("output=\"" + out + "\""));
        List<TrialSpec> planned = GridExpander.expand(spec);
        Map<String, TrialSpec> plannedById = new LinkedHashMap<>();
        planned.forEach(t -> plannedById.put(t.trialId(), t));
        List<Row> rows = fs.exists(new Path(out, Tables.TRIALS)) ? TrialsTable.only(TrialsTable.read(spark, out), plannedById.keySet())
                .select("trial_id", "status", "error", "finished_at").collectAsList() : List.of();
        print(command.commandLine().getOut(), spec, latest.name(), plannedById, rows);
        return 0;
    }

    private static void print(PrintWriter p, SweepSpec spec, String record, Map<String, TrialSpec> planned, List<Row> rows) {
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, int[]> byConfig = new TreeMap<>();
        Set<String> committed = new HashSet<>();
        Instant hourAgo = Instant.now().minusSeconds(3600);
        int lastHour = 0;
        for (Row r : rows) {
            String status = r.getAs("status");
            byStatus.merge(status, 1L, Long::sum);
            committed.add(r.getAs("trial_id"));
            TrialSpec t = planned.get(r.<String>getAs("trial_id"));
            int[] c = byConfig.computeIfAbsent(configLine(t), k -> new int[3]);
            c[0] += "failed".equals(status) ? 0 : 1;
            c[1] += "solved".equals(status) ? 1 : 0;
            if (r.getAs("finished_at") != null && ReportPage.instant(r.getAs("finished_at")).isAfter(hourAgo)) {
                lastHour++;
            }
        }
        double pendingMs = 0;
        for (TrialSpec t : planned.values()) {
            if (!committed.contains(t.trialId())) {
                byConfig.computeIfAbsent(configLine(t), k -> new int[3])[2]++;
                pendingMs += CostModel.worstCaseMs(t.config());
            }
        }
        int pending = planned.size() - committed.size();
        p.printf("sweep '%s' (plan of %s): %d of %d trials committed, %d pending%n", spec.name(), record, committed.size(),
                planned.size(), pending);
        p.println("by status: " + (byStatus.isEmpty() ? "none yet" : byStatus.toString().replaceAll("[{}]", "")));
        p.printf("%-70s %10s %9s %8s%n", "configuration", "solved/ran", "committed", "pending");
        byConfig.forEach((config, c) -> p.printf("%-70s %10s %9d %8d%n", config, c[1] + "/" + c[0], c[0], c[2]));
        rows.stream().filter(r -> "failed".equals(r.getAs("status"))).forEach(r -> p.printf("failed %s (%s): %s%n",
                r.<String>getAs("trial_id"), configLine(planned.get(r.<String>getAs("trial_id"))), r.<String>getAs("error")));
        p.printf("left: at most %.2f core-hours by the cost model (every pending trial running its whole budget)%n", pendingMs / 3.6e6);
        if (pending > 0 && lastHour > 0) {
            p.printf("pace: %d trials in the last hour; at that pace about %.1f h to go%n", lastHour, (double) pending / lastHour);
        } else if (pending > 0) {
            p.println("pace: no trial finished in the last hour");
        }
    }

    /** A configuration in one line: task, length and label. */
    private static String configLine(TrialSpec t) {
        return t.config().task() + " T=" + t.config().length() + " " + Labels.label(t.config().values());
    }
}
