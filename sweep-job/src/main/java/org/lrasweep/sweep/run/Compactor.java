package org.lrasweep.sweep.run;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Consolidates a sweep's journal into the tables users query: {@code tables/<version>/trials},
 * {@code curves} and {@code gradients}, written by Spark SQL's DataFrame writer, partitioned by
 * {@code task} and {@code length}, each trial exactly once ({@link TrialsTable#chosen}) with the
 * details of the chosen row's attempt only. Incremental: a version records the journal's trials
 * files it was built from ({@code journal_files}: name, size, time), and the next one rereads only
 * the trials whose files changed since (committed, withdrawn, or a second attempt's row); the rest
 * is copied from the current version. Compacting a journal that has not changed writes nothing. The
 * new version becomes current atomically ({@link TableVersions}). An output of the layout before the
 * journal ({@code trials/}, {@code curves/}, {@code gradients/} at its top) is first moved into the
 * journal ({@link #migrate}).
 */
public final class Compactor {
    /** Journal commit id of the files moved in from the layout before the journal. */
    static final String LEGACY = "legacy";
    static final String LEGACY_SUFFIX = "." + LEGACY + ".parquet";
    /** Names of journal files of the current layout: a trial id or commit id (hex) before the extension. */
    static final String CURRENT_GLOB = "*[0-9a-f].parquet";
    static final String MANIFEST = "journal_files";
    /** Touched trials read by file name at most; more are read as the folder, less the untouched. */
    static final int BY_NAME_AT_MOST = 2_000;
    /** What Spark counts a journal file's opening as, in bytes, when it packs files into tasks. */
    static final long JOURNAL_OPEN_COST = 8_192;
    /** Rows per compacted file at most, so that a large panel still splits into files a task can read. */
    static final long MAX_ROWS_PER_FILE = 5_000_000L;
    static final StructType MANIFEST_SCHEMA = new StructType().add("name", DataTypes.StringType)
            .add("trial_id", DataTypes.StringType).add("size", DataTypes.LongType).add("modified", DataTypes.LongType);

    /**
     * What a compaction did.
     *
     * @param version  the current version's folder after it, or null when the journal is empty
     * @param written  whether it wrote a new version
     * @param reread   trials whose journal files were read (the rest were copied)
     * @param migrated trials moved in from the layout before the journal
     */
    public record Result(String version, boolean written, long reread, int migrated) {
    }

    private Compactor() {
    }

    /** Compacts the journal under output into a new current version, if it changed. */
    public static Result compact(SparkSession spark, String output, java.util.function.Consumer<String> log) throws IOException {
        FileSystem fs = new Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
        int migrated = migrate(fs, output);
        if (migrated > 0) {
            log.accept(String.format("moved %d trials of the layout before the journal into %s/journal", migrated, output));
        }
        int leftovers = Leftovers.remove(fs, output, System.currentTimeMillis() - SweepRunner.STALE_AFTER_MS);
        if (leftovers > 0) {
            log.accept(String.format("removed %d folders that failed compactions, summaries or reports left in %s", leftovers, output));
        }
        Journal journal = new Journal(output, CommitProtocol.UNIQUE_NAMES);
        Optional<Path> current = TableVersions.current(fs, output);
        Snapshot s = snapshot(spark, fs, journal, current, log, true);
        if (s == null) {
            return new Result(current.map(Path::toString).orElse(null), false, 0, migrated);
        }
        Path version = TableVersions.next(fs, output);
        spark.sparkContext().setJobDescription("lra-sweep: compact the journal into " + version.getName());
        // Coalesced, not repartitioned: no shuffle of the detail rows, and at most cores x partitions files per table.
        int tasks = spark.sparkContext().defaultParallelism();
        write(s.trials.coalesce(tasks), new Path(version, Tables.TRIALS));
        write(s.curves.coalesce(tasks), new Path(version, Tables.CURVES));
        write(s.gradients.coalesce(tasks), new Path(version, Tables.GRADIENTS));
        s.manifest.coalesce(1).write().parquet(new Path(version, MANIFEST).toString());
        s.reread.unpersist();
        TableVersions.complete(fs, version, "compacted from " + s.rereadCount + " reread trials over " + current.map(Path::getName)
                .orElse("nothing"));
        TableVersions.prune(fs, output, System.currentTimeMillis() - SweepRunner.STALE_AFTER_MS);
        return new Result(version.toString(), true, s.rereadCount, migrated);
    }

    /**
     * The sweep's trials as of now, without writing anything: the current version updated with the
     * journal's changes since, each trial once. What {@code status} reads while a sweep runs.
     */
    public static Dataset<Row> trials(SparkSession spark, String output) throws IOException {
        return trials(spark, output, line -> { });
    }

    /**
     * {@link #trials(SparkSession, String)}, reporting to log each damaged journal file it passes
     * over (it leaves them in place: the next run, {@code compact} or {@code report} moves them aside).
     */
    public static Dataset<Row> trials(SparkSession spark, String output, java.util.function.Consumer<String> log) throws IOException {
        FileSystem fs = new Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
        Optional<Path> current = TableVersions.current(fs, output);
        Journal journal = new Journal(output, CommitProtocol.UNIQUE_NAMES);
        Snapshot s = snapshot(spark, fs, journal, current, log, false);
        if (s != null) {
            return s.trials;
        }
        return current.isPresent() ? TrialsTable.readVersion(spark, current.get()) : TrialsTable.empty(spark);
    }

    /**
     * The tables of a new version, the manifest of the journal they come from, and the reread
     * trials' rows (cached: the trials table and both detail tables' winners come from them).
     */
    private record Snapshot(Dataset<Row> trials, Dataset<Row> curves, Dataset<Row> gradients, Dataset<Row> manifest,
                            Dataset<Row> reread, long rereadCount) {
    }

    /**
     * The next version's tables, or null when the journal matches the current version's manifest.
     * The touched trials' journal files are checked first ({@link JournalCheck}); damaged ones are
     * reported to log, left out, and with moveAside moved to {@code journal/damaged/}.
     */
    private static Snapshot snapshot(SparkSession spark, FileSystem fs, Journal journal, Optional<Path> current,
                                     java.util.function.Consumer<String> log, boolean moveAside) throws IOException {
        Path trialsDir = journal.table(Tables.TRIALS);
        Changes changes = changes(spark, fs, journal, current);
        List<Row> listing = changes.listing();
        Set<String> touched = changes.touched();
        if (touched.isEmpty() && current.isPresent()) {
            return null;
        }
        if (touched.isEmpty() && listing.isEmpty()) {
            return null;
        }
        // Every file the touched trials have, checked before Spark reads them: one bad file must not stop the reader.
        Map<String, List<String>> files = new HashMap<>();
        Map<String, Set<String>> allDetails = new HashMap<>();
        files.put(Tables.TRIALS, listing.stream().filter(r -> touched.contains(r.getString(1))).map(r -> r.getString(0)).toList());
        for (String table : new String[] {Tables.CURVES, Tables.GRADIENTS}) {
            Set<String> names = new HashSet<>();
            Path dir = journal.table(table);
            if (fs.exists(dir)) {
                for (FileStatus f : fs.listStatus(dir)) {
                    JournalFile.parse(f.getPath().getName()).ifPresent(j -> names.add(j.name()));
                }
            }
            allDetails.put(table, names);
            files.put(table, names.stream().filter(n -> touched.contains(JournalFile.parse(n).orElseThrow().trialId())).sorted().toList());
        }
        List<JournalCheck.Damaged> damaged = JournalCheck.find(spark, journal, files, allDetails);
        Map<String, Set<String>> skip = new HashMap<>();
        for (JournalCheck.Damaged d : damaged) {
            skip.computeIfAbsent(d.table(), k -> new HashSet<>()).add(d.name());
            log.accept(d.line() + (moveAside ? "; moved to journal/" + JournalCheck.DAMAGED + "/" + d.table()
                    + "/, and the trial runs again with the next run" : "; left in place (the next run, compact or report moves it aside "
                    + "and the trial runs again)"));
        }
        if (moveAside) {
            JournalCheck.moveAside(fs, journal, damaged);
        }
        Set<String> skipTrials = skip.getOrDefault(Tables.TRIALS, Set.of());
        List<Row> usable = listing.stream().filter(r -> !skipTrials.contains(r.getString(0))).toList();
        Dataset<Row> manifest = spark.createDataFrame(usable, MANIFEST_SCHEMA);
        Dataset<Row> touchedIds = spark.createDataset(List.copyOf(touched), Encoders.STRING()).toDF("trial_id");
        // Journal files are a few kilobytes: Spark's default open cost (4 MB) would make a task of every few dozen.
        spark.conf().set("spark.sql.files.openCostInBytes", String.valueOf(JOURNAL_OPEN_COST));
        Dataset<Row> reread = TrialsTable.chosen(readTrials(spark, trialsDir, usable, touched, touchedIds, skipTrials)).cache();
        Dataset<Row> rows = reread;
        Dataset<Row> winners = rows.select("trial_id", "commit_id", "task", "length");
        Dataset<Row> curves = readDetails(spark, journal.table(Tables.CURVES), files.get(Tables.CURVES), Tables.CURVES, touchedIds,
                winners, skip.getOrDefault(Tables.CURVES, Set.of()));
        Dataset<Row> gradients = readDetails(spark, journal.table(Tables.GRADIENTS), files.get(Tables.GRADIENTS), Tables.GRADIENTS,
                touchedIds, winners, skip.getOrDefault(Tables.GRADIENTS, Set.of()));
        if (current.isPresent()) {
            rows = TrialsTable.readVersion(spark, current.get()).join(touchedIds, new String[] {"trial_id"}, "left_anti")
                    .unionByName(rows, true);
            curves = keep(spark, current.get(), Tables.CURVES, touchedIds).unionByName(curves, true);
            gradients = keep(spark, current.get(), Tables.GRADIENTS, touchedIds).unionByName(gradients, true);
        }
        return new Snapshot(TrialsTable.ordered(rows), curves, gradients, manifest, reread, touched.size());
    }

    /** The journal's trials files (the manifest's rows) and the trials whose files changed since the current version. */
    private record Changes(List<Row> listing, Set<String> touched) {
    }

    private static Changes changes(SparkSession spark, FileSystem fs, Journal journal, Optional<Path> current) throws IOException {
        Path trialsDir = journal.table(Tables.TRIALS);
        List<Row> listing = new ArrayList<>();
        if (fs.exists(trialsDir)) {
            for (FileStatus f : fs.listStatus(trialsDir)) {
                JournalFile.parse(f.getPath().getName()).ifPresent(j -> listing.add(RowFactory.create(j.name(), j.trialId(),
                        f.getLen(), f.getModificationTime())));
            }
        }
        Dataset<Row> before = current.isPresent() ? spark.read().schema(MANIFEST_SCHEMA).parquet(new Path(current.get(), MANIFEST).toString())
                : spark.createDataFrame(List.of(), MANIFEST_SCHEMA);
        spark.sparkContext().setJobDescription("lra-sweep: find the trials the journal changed since the last compaction");
        // Changed: a file added, removed, or rewritten (a withdrawn trial run again under the same name).
        Dataset<Row> manifest = spark.createDataFrame(listing, MANIFEST_SCHEMA);
        Set<String> touched = new HashSet<>(manifest.except(before).union(before.except(manifest)).select("trial_id").distinct()
                .as(Encoders.STRING()).collectAsList());
        return new Changes(listing, touched);
    }

    /** How many trials' journal files changed since the current tables version was compacted (0: it is current); writes nothing. */
    public static long changedSinceCompaction(SparkSession spark, String output) throws IOException {
        FileSystem fs = new Path(output).getFileSystem(spark.sparkContext().hadoopConfiguration());
        return changes(spark, fs, new Journal(output, CommitProtocol.UNIQUE_NAMES), TableVersions.current(fs, output)).touched().size();
    }

    /** The trials rows of the touched trials, every journal file of theirs, in the current layout. */
    private static Dataset<Row> readTrials(SparkSession spark, Path dir, List<Row> listing, Set<String> touched,
                                           Dataset<Row> touchedIds, Set<String> skip) {
        List<String> current = new ArrayList<>();
        List<String> legacy = new ArrayList<>();
        for (Row f : listing) {
            if (touched.contains(f.getString(1))) {
                (f.getString(0).endsWith(LEGACY_SUFFIX) ? legacy : current).add(f.getString(0));
            }
        }
        Dataset<Row> rows = current.isEmpty() ? TrialsTable.empty(spark) : TrialsTable.upgrade(read(
                spark.read().schema(Tables.sparkSchema(Tables.TRIALS_SCHEMA)), dir, current, CURRENT_GLOB, touchedIds, skip));
        if (!legacy.isEmpty()) {
            // Files of earlier layouts differ in their columns: merged by name, then mapped onto today's.
            Dataset<Row> old = TrialsTable.upgrade(read(spark.read().option("mergeSchema", "true"), dir, legacy, "*" + LEGACY_SUFFIX,
                    touchedIds, skip));
            rows = rows.unionByName(TrialsTable.withIdentity(old.withColumn("commit_id", lit(LEGACY))), true);
        }
        return rows;
    }

    /** The detail rows of the touched trials' chosen attempts (files, less skip), with their partition columns. */
    private static Dataset<Row> readDetails(SparkSession spark, Path dir, List<String> files, String table, Dataset<Row> touchedIds,
                                            Dataset<Row> winners, Set<String> skip) {
        StructType schema = Tables.sparkSchema(Tables.CURVES.equals(table) ? Tables.CURVES_SCHEMA : Tables.GRADIENTS_SCHEMA);
        List<String> usable = files.stream().filter(n -> !skip.contains(n)).toList();
        Dataset<Row> rows = usable.isEmpty() ? spark.createDataFrame(List.of(), schema)
                : read(spark.read().schema(schema), dir, usable, "*.parquet", touchedIds, skip);
        // Files moved in from the layout before the journal carry no commit id: they have the legacy one.
        rows = rows.withColumn("commit_id", org.apache.spark.sql.functions.coalesce(col("commit_id"), lit(LEGACY)))
                .withColumn("schema_version", org.apache.spark.sql.functions.coalesce(col("schema_version"), lit(1)));
        // Broadcast: one row per trial beside the details' dozens to thousands, which then need no shuffle.
        return rows.join(broadcast(winners), new String[] {"trial_id", "commit_id"}, "inner");
    }

    /**
     * Journal files of the touched trials: by name when they are few (a run's worth of changes), else
     * the whole folder, matched by glob, less the other trials and the damaged files (skip) that are
     * still in place. Spark lists a folder once, where it checks 100,000 named files one by one (minutes).
     */
    private static Dataset<Row> read(DataFrameReader reader, Path dir, List<String> names, String glob, Dataset<Row> touchedIds,
                                     Set<String> skip) {
        if (names.size() <= BY_NAME_AT_MOST) {
            return reader.parquet(names.stream().map(n -> new Path(dir, n).toString()).toArray(String[]::new));
        }
        if (!skip.isEmpty()) {
            // Only files JournalCheck found and reported can be corrupt here; the others it found are passed over by name.
            reader = reader.option("ignoreCorruptFiles", "true");
        }
        Dataset<Row> rows = reader.option("pathGlobFilter", glob).parquet(dir.toString());
        if (!skip.isEmpty()) {
            rows = rows.where(org.apache.spark.sql.functions.not(org.apache.spark.sql.functions.element_at(
                    org.apache.spark.sql.functions.split(org.apache.spark.sql.functions.input_file_name(), "/"), -1)
                    .isin(skip.toArray())));
        }
        return rows.join(broadcast(touchedIds), new String[] {"trial_id"}, "left_semi");
    }

    /** The rows of one table of a version, less the touched trials'. */
    private static Dataset<Row> keep(SparkSession spark, Path version, String table, Dataset<Row> touchedIds) {
        return Tables.readDetails(spark, version, table).join(broadcast(touchedIds), new String[] {"trial_id"}, "left_anti");
    }

    static void write(Dataset<Row> rows, Path to) {
        rows.write().option("maxRecordsPerFile", MAX_ROWS_PER_FILE).partitionBy("task", "length").parquet(to.toString());
    }

    /**
     * Moves the per-trial files of the layout before the journal ({@code <output>/trials/<id>.parquet}
     * and its curves and gradients) into the journal as {@code <id>.legacy.parquet}, detail files
     * first, so that a move cut short leaves each trial either pending or whole. Temporary files
     * left there are deleted.
     *
     * @return how many trials were moved
     */
    static int migrate(FileSystem fs, String output) throws IOException {
        int moved = 0;
        for (String table : new String[] {Tables.CURVES, Tables.GRADIENTS, Tables.TRIALS}) {
            Path old = new Path(output, table);
            if (!fs.exists(old)) {
                continue;
            }
            Path to = new Path(new Path(output, Journal.FOLDER), table);
            fs.mkdirs(to);
            for (FileStatus f : fs.listStatus(old)) {
                Optional<JournalFile> j = JournalFile.parse(f.getPath().getName());
                if (j.isEmpty()) {
                    continue;
                }
                Path target = new Path(to, j.get().trialId() + LEGACY_SUFFIX);
                if (!fs.rename(f.getPath(), target)) {
                    throw new IOException("could not move " + f.getPath() + " to " + target);
                }
                moved += Tables.TRIALS.equals(table) ? 1 : 0;
            }
            fs.delete(old, true);
        }
        return moved;
    }
}
