package org.lrasweep.sweep.run;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.lrasweep.kernel.linalg.BlasCore;
import org.lrasweep.sweep.grid.CostModel;
import org.lrasweep.sweep.grid.TrialSpec;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * The driver: finds the trials of a sweep not yet committed, spreads them over partitions longest
 * first (so long trials start early instead of straggling at the end), runs them on the executors
 * and reports progress and the final counts by status. Rerunning the same sweep runs only what is
 * missing.
 */
public final class SweepRunner {
    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Tasks per core when the spec leaves {@code spark.partitions} at 0: enough for the longest-first
     * dealing to even out the cores' loads, few enough that 100,000 trials are not 100,000 tasks.
     */
    static final int TASKS_PER_CORE = 4;

    /** Spark setting that forces a {@link CommitProtocol} ({@code auto}, the default, detects it from the output's file system). */
    public static final String COMMIT_PROTOCOL = "spark.lra-sweep.commit";

    /** A temporary file older than this when a run starts was left by an attempt that died. */
    static final long STALE_AFTER_MS = 10 * 60 * 1000L;

    private SweepRunner() {
    }

    /**
     * What a run did.
     *
     * @param output            the qualified output folder
     * @param trials            trials in the sweep
     * @param alreadyCommitted  trials committed before this run
     * @param ran               trials committed by this run
     * @param statuses          counts by status over all the sweep's committed trials
     * @param wallSeconds       the run's wall time
     * @param runId             the run's id: its record's name, and {@code run_id} on the rows it committed
     * @param adaptive          what an adaptive sweep's selection spent and saved, null for a fixed grid
     */
    public record Outcome(String output, int trials, int alreadyCommitted, long ran, Map<String, Long> statuses,
                          double wallSeconds, String runId, String adaptive) {
        /** One-line summary. */
        public String summary(String name) {
            String counts = statuses.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            return String.format("sweep '%s': %d trials, %d already committed, %d run in %.1f s; %s%s -> %s", name, trials,
                    alreadyCommitted, ran, wallSeconds, counts.isEmpty() ? "no results" : counts,
                    adaptive == null ? "" : "; " + adaptive, output);
        }
    }

    /** What a run has set up: its session, output, id and journal. */
    record RunContext(SparkSession spark, JavaSparkContext jsc, SweepSpec spec, FileSystem fs, String output, String runId,
                      CommitProtocol protocol, Journal store, Instant startedAt, long startNanos, PrintStream log) {
        /** Compacts the journal's changes into a new tables version, saying so when there were any. */
        void compact() throws IOException {
            Compactor.Result compacted = Compactor.compact(spark, output, log::println);
            if (compacted.written()) {
                log.printf("sweep '%s': compacted %d changed trials into %s%n", spec.name(), compacted.reread(), compacted.version());
            }
        }

        /** Writes the run record: at the start (finishedAt null) and at the end. */
        void record(Instant finishedAt, int trials, int alreadyCommitted, long ran, Map<String, Long> statuses) throws IOException {
            RunRecords.write(fs, output, runId, protocol, spec, startedAt, finishedAt, trials, alreadyCommitted, ran, statuses);
        }

        double wallSeconds() {
            return (System.nanoTime() - startNanos) / 1e9;
        }
    }

    /**
     * Runs every trial of the sweep not yet committed under its output folder; for an adaptive
     * sweep ({@link SweepSpec#isAdaptive}), trials are the configurations on the whole selection
     * pool, of which {@link AdaptiveRunner} runs what its waves ask for.
     */
    public static Outcome run(SparkSession spark, SweepSpec spec, List<TrialSpec> trials, PrintStream log) throws IOException {
        return run(spark, spec, trials, log, false);
    }

    /**
     * Runs every trial of the sweep not yet committed under its output folder; with retryFailed,
     * first withdraws the commits of the sweep's {@code failed} trials so that they run again.
     */
    public static Outcome run(SparkSession spark, SweepSpec spec, List<TrialSpec> trials, PrintStream log, boolean retryFailed)
            throws IOException {
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path outputPath = new Path(spec.output());
        FileSystem fs = outputPath.getFileSystem(jsc.hadoopConfiguration());
        String output = fs.makeQualified(outputPath).toString();
        String runId = RUN_NAME.format(startedAt) + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        CommitProtocol protocol = CommitProtocol.of(fs, fs.makeQualified(outputPath), spark.conf().get(COMMIT_PROTOCOL, "auto"));
        Journal store = new Journal(output, protocol);
        BlasCore.fallbackWarning().ifPresent(w -> log.println("warning: " + w));
        int migrated = Compactor.migrate(fs, output);
        if (migrated > 0) {
            log.printf("sweep '%s': moved %d trials of the layout before the journal into %s/journal%n", spec.name(), migrated, output);
        }
        int stale = store.removeStaleTemporaries(System.currentTimeMillis() - STALE_AFTER_MS);
        if (stale > 0) {
            log.printf("sweep '%s': removed %d temporary files that earlier attempts left behind%n", spec.name(), stale);
        }
        for (String abandoned : RunRecords.markAbandoned(fs, output, System.currentTimeMillis() - STALE_AFTER_MS)) {
            log.printf("sweep '%s': run %s ended without finishing (its driver was killed): marked abandoned%n", spec.name(), abandoned);
        }
        RunContext run = new RunContext(spark, jsc, spec, fs, output, runId, protocol, store, startedAt, start, log);
        try (AutoCloseable beat = RunRecords.heartbeat(fs, output, runId)) {
            return run(run, trials, retryFailed);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** The run proper, its record kept fresh by a heartbeat. */
    private static Outcome run(RunContext run, List<TrialSpec> trials, boolean retryFailed) throws IOException {
        SparkSession spark = run.spark();
        SweepSpec spec = run.spec();
        FileSystem fs = run.fs();
        String output = run.output();
        Journal store = run.store();
        PrintStream log = run.log();
        if (retryFailed) {
            List<TrialSpec> all = spec.isAdaptive() ? AdaptiveRunner.withConfirmations(spec, trials) : trials;
            List<String> failed = failedTrials(spark, output, all);
            for (String id : failed) {
                store.withdraw(id);
            }
            log.printf("sweep '%s': %d failed trials withdrawn, to run again%n", spec.name(), failed.size());
        }
        if (spec.isAdaptive()) {
            return AdaptiveRunner.run(run, trials);
        }
        if (fs.exists(store.table(Tables.TRIALS))) {
            // Checks the files committed since the last compaction, so that a damaged one is moved aside and its trial runs now.
            run.compact();
        }
        Set<String> committed = store.committed();
        List<TrialSpec> pending = longestFirst(trials.stream().filter(t -> !committed.contains(t.trialId())).toList());
        int alreadyCommitted = trials.size() - pending.size();
        // Written now too, so that status can tell what this run plans while it runs.
        run.record(null, trials.size(), alreadyCommitted, 0, Map.of());
        long ran = 0;
        Map<String, Long> statuses = null;
        if (pending.isEmpty()) {
            log.printf("sweep '%s': all %d trials already committed in %s; nothing to run%n", spec.name(), trials.size(), output);
        } else {
            Committed now = execute(run, pending, Stage.GRID, "trials");
            ran = now.count();
            // Every trial committed by this run and counted by a successful task: the counts are
            // exact without reading the table back (a Spark job of a few seconds). After a retry
            // or on a resumed sweep, the table is the only truth.
            if (alreadyCommitted == 0 && ran == pending.size()) {
                statuses = now.statuses().stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
            }
        }
        run.compact();
        if (statuses == null) {
            statuses = statusCounts(spark, output, trials);
        }
        run.record(Instant.now(), trials.size(), alreadyCommitted, ran, statuses);
        return new Outcome(output, trials.size(), alreadyCommitted, ran, statuses, run.wallSeconds(), run.runId(), null);
    }

    /** Trials in the order they are dealt: longest worst case first, so long trials do not straggle at the end. */
    static List<TrialSpec> longestFirst(List<TrialSpec> trials) {
        return trials.stream().sorted(Comparator.comparingDouble((TrialSpec t) -> -CostModel.worstCaseMs(t.config()))
                .thenComparing(TrialSpec::trialId)).toList();
    }

    /** What one execution committed, as its successful tasks counted it. */
    record Committed(long count, List<String> statuses) {
    }

    /** Runs the pending trials (in this order) as one Spark job, with a progress bar named taskName. */
    static Committed execute(RunContext run, List<TrialSpec> pending, Stage stage, String taskName) {
        JavaSparkContext jsc = run.jsc();
        SweepSpec spec = run.spec();
        PrintStream log = run.log();
        int partitions = Math.min(pending.size(), spec.partitions() == 0 ? TASKS_PER_CORE * jsc.defaultParallelism() : spec.partitions());
        // Deal round-robin in cost order: each partition gets a share of long and short trials.
        List<List<TrialSpec>> buckets = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            buckets.add(new ArrayList<>());
        }
        for (int i = 0; i < pending.size(); i++) {
            buckets.get(i % partitions).add(pending.get(i));
        }
        Map<String, Long> byAlgorithm = pending.stream().collect(Collectors.groupingBy(
                t -> t.config().algorithm().configName(), TreeMap::new, Collectors.counting()));
        String description = String.format("lra-sweep '%s': %d trials (%s) in %d partitions", spec.name(), pending.size(),
                byAlgorithm.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                partitions);
        jsc.setJobGroup("lra-sweep-" + spec.name(), description, false);
        LongAccumulator done = jsc.sc().longAccumulator("trials committed");
        LongAccumulator solved = jsc.sc().longAccumulator("trials solved");
        LongAccumulator failed = jsc.sc().longAccumulator("trials failed");
        CollectionAccumulator<String> statuses = jsc.sc().collectionAccumulator("trial statuses");
        log.println(description);
        TrialTask task = new TrialTask(spec.name(), run.runId(), stage, run.store(), new Checkpoints(run.output(), run.protocol()),
                Math.round(spec.checkpointMinutes() * 60e9), maxTaskAttempts(jsc.sc().master(), jsc.sc().conf()),
                jsc.sc().isLocal(), CodeVersion.current(), done, solved, failed, statuses);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lra-sweep-progress");
            t.setDaemon(true);
            return t;
        });
        ProgressBar bar = spec.progress() ? new ProgressBarBuilder().setTaskName(taskName).setInitialMax(pending.size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).setConsumer(new ConsoleProgressBarConsumer(log))
                .build() : null;
        if (bar != null) {
            ticker.scheduleAtFixedRate(() -> {
                bar.stepTo(done.value());
                bar.setExtraMessage(" solved " + solved.value() + ", failed " + failed.value());
            }, 500, 500, TimeUnit.MILLISECONDS);
        }
        try {
            jsc.parallelize(buckets, partitions).foreachPartition(task);
        } finally {
            ticker.shutdownNow();
            if (bar != null) {
                bar.stepTo(done.value());
                bar.setExtraMessage(" solved " + solved.value() + ", failed " + failed.value());
                bar.close();
            }
            jsc.clearJobGroup();
        }
        return new Committed(done.value(), List.copyOf(statuses.value()));
    }

    /**
     * The attempts Spark gives a task: {@code F} of a {@code local[N,F]} master, 1 in any other local
     * mode (Spark does not retry there), else {@code spark.task.maxFailures}.
     */
    static int maxTaskAttempts(String master, SparkConf conf) {
        Matcher m = LOCAL_WITH_FAILURES.matcher(master);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        return master.startsWith("local") ? 1 : conf.getInt("spark.task.maxFailures", 4);
    }

    private static final Pattern LOCAL_WITH_FAILURES = Pattern.compile("local\\[\\s*(?:[0-9]+|\\*)\\s*,\\s*([0-9]+)\\s*]");

    /** Ids of the sweep's committed trials whose status is {@code failed}, as of the journal now. */
    private static List<String> failedTrials(SparkSession spark, String output, List<TrialSpec> trials) throws IOException {
        spark.sparkContext().setJobDescription("lra-sweep: find the failed trials");
        return TrialsTable.only(Compactor.trials(spark, output), trials.stream().map(TrialSpec::trialId).toList())
                .where(functions.col("status").equalTo("failed")).select("trial_id").as(Encoders.STRING()).collectAsList();
    }

    /** Counts by status over the sweep's trials in the current tables version. */
    static Map<String, Long> statusCounts(SparkSession spark, String output, List<TrialSpec> trials) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        FileSystem fs = new Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (TableVersions.current(fs, output).isEmpty()) {
            return counts;
        }
        spark.sparkContext().setJobDescription("lra-sweep: count the trials by status");
        List<Row> rows = TrialsTable.only(TrialsTable.read(spark, output), trials.stream().map(TrialSpec::trialId).toList())
                .groupBy("status").count().orderBy("status").collectAsList();
        for (Row r : rows) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }

}
