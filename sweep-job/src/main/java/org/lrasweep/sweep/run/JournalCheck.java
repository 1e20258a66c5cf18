package org.lrasweep.sweep.run;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Validates the journal files a reader is about to use, in Spark (each file is opened where a task
 * runs, and only the damaged ones reach the driver): a file must be a whole Parquet file (its footer
 * and every page readable) with its table's columns, its rows must carry the trial id and commit id
 * its name says, and a trials row must have both detail files of its commit. A trial whose row or
 * details fail is not committed: {@link #moveAside} puts its files under {@code journal/damaged/},
 * never deleting them, and the next run reruns it.
 */
public final class JournalCheck {
    /** The folder under the journal where damaged files are moved. */
    public static final String DAMAGED = "damaged";

    private JournalCheck() {
    }

    /**
     * One unusable journal file.
     *
     * @param table   the journal table ({@code trials}, {@code curves}, {@code gradients})
     * @param name    the file's name
     * @param trialId the trial it belongs to
     * @param reason  why it cannot be used, in a few words
     */
    public record Damaged(String table, String name, String trialId, String reason) implements Serializable {
        /** The one line a user reads. */
        public String line() {
            return "journal/" + table + "/" + name + " (trial " + trialId + ") is damaged: " + reason;
        }
    }

    /** A file's check: the commit id its rows carry, or why it failed. */
    private record Checked(String table, String name, String trialId, String commitId, String reason) implements Serializable {
    }

    /**
     * The damaged files among the named ones. A detail file is damaged when it cannot be read; a
     * trials file when it cannot be read or when its commit's curves or gradients file is damaged or
     * missing (then those detail files are reported too).
     *
     * @param files per journal table, the names to check (of the trials being read)
     * @param all   per detail table, every name in its folder (to find a row's missing details)
     */
    public static List<Damaged> find(SparkSession spark, Journal journal, Map<String, List<String>> files, Map<String, Set<String>> all) {
        List<String[]> work = new ArrayList<>();
        files.forEach((table, names) -> names.forEach(n -> work.add(new String[] {table, journal.table(table).toString(), n})));
        if (work.isEmpty()) {
            return List.of();
        }
        Map<String, String> hadoop = HadoopConf.of(spark);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        spark.sparkContext().setJobDescription("lra-sweep: check " + work.size() + " journal files");
        int slices = Math.max(1, Math.min(work.size() / 200 + 1, 4 * jsc.defaultParallelism()));
        // Each file's outcome is small; only the trials files' commit ids and the failures come back.
        List<Checked> checked = jsc.parallelize(work, slices).mapPartitions(it -> {
            Configuration conf = HadoopConf.restore(hadoop);
            List<Checked> out = new ArrayList<>();
            while (it.hasNext()) {
                String[] w = it.next();
                Checked c = check(conf, w[0], new Path(w[1], w[2]));
                if (c.reason() != null || Tables.TRIALS.equals(c.table())) {
                    out.add(c);
                }
            }
            return out.iterator();
        }).collect();
        Map<String, Damaged> damaged = new HashMap<>();
        Set<String> badDetails = new HashSet<>();
        for (Checked c : checked) {
            if (c.reason() != null) {
                damaged.put(c.table() + "/" + c.name(), new Damaged(c.table(), c.name(), c.trialId(), c.reason()));
                if (!Tables.TRIALS.equals(c.table())) {
                    badDetails.add(c.table() + "/" + c.name());
                }
            }
        }
        for (Checked c : checked) {
            if (c.reason() != null || !Tables.TRIALS.equals(c.table()) || Compactor.LEGACY.equals(c.commitId())) {
                continue;
            }
            String details = JournalFile.name(c.trialId(), c.commitId());
            for (String table : new String[] {Tables.CURVES, Tables.GRADIENTS}) {
                String why = badDetails.contains(table + "/" + details) ? "its " + table + " file " + details + " is damaged"
                        : !all.getOrDefault(table, Set.of()).contains(details) ? "its " + table + " file " + details + " is missing" : null;
                if (why != null) {
                    damaged.putIfAbsent(Tables.TRIALS + "/" + c.name(), new Damaged(Tables.TRIALS, c.name(), c.trialId(), why));
                }
            }
        }
        List<Damaged> out = new ArrayList<>(damaged.values());
        out.sort(java.util.Comparator.comparing(Damaged::table).thenComparing(Damaged::name));
        return out;
    }

    private static Checked check(Configuration conf, String table, Path file) {
        JournalFile name = JournalFile.parse(file.getName()).orElseThrow();
        String legacy = Compactor.LEGACY.equals(name.commitId()) ? Compactor.LEGACY : null;
        String commit = legacy;
        try {
            HadoopInputFile in = HadoopInputFile.fromPath(file, conf);
            MessageType schema;
            try (ParquetFileReader footer = ParquetFileReader.open(in)) {
                schema = footer.getFooter().getFileMetaData().getSchema();
            }
            // Files of the layouts before the journal carry no commit id.
            for (String column : legacy != null ? List.of("trial_id") : List.of("trial_id", "commit_id", "schema_version")) {
                if (!schema.containsField(column)) {
                    return new Checked(table, name.name(), name.trialId(), null, "no " + column + " column");
                }
            }
            long rows = 0;
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    rows++;
                    String trial = g.getString("trial_id", 0);
                    if (!trial.equals(name.trialId())) {
                        return new Checked(table, name.name(), name.trialId(), null, "holds trial " + trial);
                    }
                    if (legacy == null) {
                        String rowCommit = g.getString("commit_id", 0);
                        if (name.commitId() != null && !rowCommit.equals(name.commitId())) {
                            return new Checked(table, name.name(), name.trialId(), null, "holds commit " + rowCommit);
                        }
                        commit = rowCommit;
                    }
                }
            }
            if (Tables.TRIALS.equals(table) && rows != 1) {
                return new Checked(table, name.name(), name.trialId(), null, rows + " rows where one is written");
            }
            return new Checked(table, name.name(), name.trialId(), commit, null);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // Parquet's message names the whole path; the line names the file already.
            why = why.replace(file.toString(), "").replace(file.toUri().getPath(), "").trim();
            return new Checked(table, name.name(), name.trialId(), null, "unreadable (" + (why.isEmpty() ? e.getClass().getSimpleName()
                    : firstLine(why)) + ")");
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Moves damaged files to {@code journal/damaged/<table>/}, never deleting them (a name moved
     * there before gets a time suffix). A damaged row's intact detail files stay: no row names them
     * any more, and readers join details to rows by commit id.
     *
     * @return how many files were moved
     */
    public static int moveAside(FileSystem fs, Journal journal, List<Damaged> damaged) throws IOException {
        int moved = 0;
        for (Damaged d : damaged) {
            moved += move(fs, journal, d.table(), d.name()) ? 1 : 0;
        }
        return moved;
    }

    private static boolean move(FileSystem fs, Journal journal, String table, String name) throws IOException {
        Path from = new Path(journal.table(table), name);
        if (!fs.exists(from)) {
            return false;
        }
        Path dir = new Path(journal.table(DAMAGED), table);
        fs.mkdirs(dir);
        Path to = new Path(dir, name);
        if (fs.exists(to)) {
            to = new Path(dir, name + "." + System.currentTimeMillis());
        }
        if (!fs.rename(from, to)) {
            throw new IOException("cannot move damaged journal file " + from + " to " + to);
        }
        return true;
    }

    /** How many trials files were moved aside as damaged so far. */
    public static long movedTrials(FileSystem fs, Journal journal) throws IOException {
        Path dir = new Path(journal.table(DAMAGED), Tables.TRIALS);
        return fs.exists(dir) ? fs.listStatus(dir).length : 0;
    }
}
