package org.lrasweep.sweep.run;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.lrasweep.kernel.model.Evaluation;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.train.CurvePoint;
import org.lrasweep.kernel.train.DiagnosticsPoint;
import org.lrasweep.kernel.train.StepDiagnostics;
import org.lrasweep.kernel.train.TrialResult;
import org.lrasweep.sweep.grid.Labels;
import org.lrasweep.sweep.grid.TrialId;
import org.lrasweep.sweep.grid.TrialSpec;

/**
 * A sweep's commit log, {@code <output>/journal/{trials,curves,gradients}}, on any Hadoop file
 * system. Executors append to it: each attempt at a trial gets a fresh commit id, writes its curve
 * and gradient files under names that carry it, then publishes its trials row, which carries it
 * too ({@link CommitProtocol}). A trial is committed once a trials row exists; its details are the
 * files of that row's commit id, so they always come from the same attempt as the row. Files of
 * attempts that died before their row, or lost the race for it, are never read. The tables users
 * query are compacted from here ({@link Compactor}).
 */
public final class Journal implements Serializable {
    /** The journal's folder under an output. */
    public static final String FOLDER = "journal";
    /** Prefix of files still being written; readers skip them. */
    static final String TMP_PREFIX = "_tmp-";
    private static final String[] TABLES = {Tables.TRIALS, Tables.CURVES, Tables.GRADIENTS};

    private final String output;
    private final CommitProtocol protocol;
    /** The driver's Hadoop settings ({@link HadoopConf#current}), so that tasks open the output as the driver does. */
    private final java.util.HashMap<String, String> hadoop;
    /** Built once per deserialized journal (each Spark task has its own): a new one re-reads Hadoop's XML defaults. */
    private transient Configuration conf;
    /** Under unique names: the committed trials as listed once by this copy of the journal. */
    private transient Set<String> listed;

    /**
     * @param output   a qualified Hadoop path or URI (resolve relative paths on the driver first)
     * @param protocol how rows are published there ({@link CommitProtocol#of})
     */
    public Journal(String output, CommitProtocol protocol) {
        this.output = output;
        this.protocol = protocol;
        this.hadoop = new java.util.HashMap<>(HadoopConf.current());
    }

    private Configuration conf() {
        if (conf == null) {
            conf = HadoopConf.restore(hadoop);
        }
        return conf;
    }

    /** The folder of one journal table. */
    public Path table(String name) {
        return new Path(new Path(output, FOLDER), name);
    }

    /** The journal's files of one table, as named. */
    public List<JournalFile> list(String table) throws IOException {
        Path dir = table(table);
        FileSystem fs = dir.getFileSystem(conf());
        List<JournalFile> files = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus s : fs.listStatus(dir)) {
                JournalFile.parse(s.getPath().getName()).ifPresent(files::add);
            }
        }
        return files;
    }

    /** Ids of the committed trials: those with at least one trials row. */
    public Set<String> committed() throws IOException {
        Set<String> ids = new HashSet<>();
        list(Tables.TRIALS).forEach(f -> ids.add(f.trialId()));
        return ids;
    }

    /**
     * True when the trial is committed. With an exclusive protocol, one or two existence checks;
     * under unique names, where a row's name is not known in advance, a lookup in a listing taken
     * once per deserialized journal (each Spark task has its own), so that a task does not list a
     * folder of 100,000 files per trial. A row published after that listing is missed, which
     * costs a duplicate attempt that the duplicate rule already handles.
     */
    public boolean isCommitted(String trialId) throws IOException {
        if (protocol.exclusive()) {
            Path dir = table(Tables.TRIALS);
            FileSystem fs = dir.getFileSystem(conf());
            return fs.exists(new Path(dir, JournalFile.name(trialId, null)))
                    || fs.exists(new Path(dir, JournalFile.name(trialId, Compactor.LEGACY)));
        }
        if (listed == null) {
            listed = committed();
        }
        return listed.contains(trialId);
    }

    /**
     * Deletes the temporary files that attempts left behind when they died between writing and
     * publishing, if last modified before {@code before} (epoch milliseconds). A commit's temporary
     * file lives for the milliseconds it takes to write one trial's rows, so a cutoff some minutes
     * before a run starts spares the files of a driver running beside it.
     *
     * @return how many were deleted
     */
    public int removeStaleTemporaries(long before) throws IOException {
        int removed = 0;
        for (String name : TABLES) {
            Path dir = table(name);
            FileSystem fs = dir.getFileSystem(conf());
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.getPath().getName().startsWith(TMP_PREFIX) && s.getModificationTime() < before && fs.delete(s.getPath(), false)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Withdraws a trial's commits: its trials rows first (from then on it is pending), then the
     * detail files of every attempt.
     */
    public void withdraw(String trialId) throws IOException {
        for (String table : TABLES) {
            Path dir = table(table);
            FileSystem fs = dir.getFileSystem(conf());
            FileStatus[] files = fs.globStatus(new Path(dir, trialId + "*.parquet"));
            for (FileStatus f : files == null ? new FileStatus[0] : files) {
                fs.delete(f.getPath(), false);
            }
        }
    }

    /** A fresh commit id for one attempt at a trial. */
    public static String newCommitId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Writes an attempt's curve and gradient files, the first half of a commit. */
    public void writeDetails(TrialSpec spec, String commitId, TrialResult r) throws IOException {
        Configuration conf = conf();
        SimpleGroupFactory curves = new SimpleGroupFactory(Tables.CURVES_SCHEMA);
        SimpleGroupFactory gradients = new SimpleGroupFactory(Tables.GRADIENTS_SCHEMA);
        List<CurvePoint> curve = r == null ? List.of() : r.curve();
        List<DiagnosticsPoint> diags = r == null ? List.of() : r.diagnostics();
        publish(conf, Tables.CURVES, JournalFile.name(spec.trialId(), commitId), false, ParquetBytes.of(Tables.CURVES_SCHEMA, conf, w -> {
            for (CurvePoint p : curve) {
                Group g = curves.newGroup().append("trial_id", spec.trialId()).append("schema_version", Tables.SCHEMA_VERSION)
                        .append("commit_id", commitId).append("iteration", p.iteration());
                optional(g, "train_loss", p.trainLoss());
                optional(g, "target_loss", p.targetLoss());
                optional(g, "test_loss", p.testLoss());
                optional(g, "test_accuracy", p.testAccuracy());
                w.write(g);
            }
        }));
        publish(conf, Tables.GRADIENTS, JournalFile.name(spec.trialId(), commitId), false,
                ParquetBytes.of(Tables.GRADIENTS_SCHEMA, conf, w -> {
                    for (DiagnosticsPoint d : diags) {
                        StepDiagnostics s = d.steps();
                        for (int t = 0; t < s.whhNorms().length; t++) {
                            Group g = gradients.newGroup().append("trial_id", spec.trialId())
                                    .append("schema_version", Tables.SCHEMA_VERSION).append("commit_id", commitId)
                                    .append("iteration", d.iteration()).append("step", t);
                            if (s.localLosses() != null) {
                                optional(g, "local_loss", s.localLosses()[t]);
                            }
                            optional(g, "whh_norm", s.whhNorms()[t]);
                            optional(g, "wxh_norm", s.wxhNorms()[t]);
                            optional(g, "bh_norm", s.bhNorms()[t]);
                            w.write(g);
                        }
                    }
                }));
    }

    /**
     * Publishes an attempt's trials row, the second half of a commit. Returns false, committing
     * nothing, when another attempt's row is already in place (exclusive protocols only; elsewhere
     * both rows stay and readers pick one by {@link TrialsTable#chosen}).
     */
    public boolean writeRow(String sweep, String runId, Stage stage, TrialSpec spec, String commitId, TrialOutcome outcome)
            throws IOException {
        Configuration conf = conf();
        byte[] row = ParquetBytes.of(Tables.TRIALS_SCHEMA, conf, w -> w.write(trialRow(sweep, runId, stage, spec, commitId, outcome)));
        String name = JournalFile.name(spec.trialId(), protocol.exclusive() ? null : commitId);
        return publish(conf, Tables.TRIALS, name, protocol.exclusive(), row);
    }

    /** Commits one attempt at a trial: its details, then its row ({@link #writeRow}'s result). */
    public boolean commit(String sweep, String runId, Stage stage, TrialSpec spec, TrialOutcome outcome) throws IOException {
        String commitId = newCommitId();
        writeDetails(spec, commitId, outcome.result());
        return writeRow(sweep, runId, stage, spec, commitId, outcome);
    }

    private boolean publish(Configuration conf, String table, String name, boolean exclusive, byte[] bytes) throws IOException {
        Path dir = table(table);
        FileSystem fs = dir.getFileSystem(conf);
        fs.mkdirs(dir);
        return protocol.publish(fs, bytes, new Path(dir, name), exclusive);
    }

    private static Group trialRow(String sweep, String runId, Stage stage, TrialSpec spec, String commitId, TrialOutcome o) {
        ParamValues values = spec.config().values();
        Group g = new SimpleGroupFactory(Tables.TRIALS_SCHEMA).newGroup()
                .append("trial_id", spec.trialId()).append("schema_version", Tables.SCHEMA_VERSION)
                .append("config_id", TrialId.configId(values))
                .append("method", Labels.method(values)).append("label", Labels.label(values)).append("sweep", sweep);
        values.asMap().forEach((param, value) -> {
            if (value instanceof Integer i) {
                g.append(param.column(), i);
            } else if (value instanceof Long l) {
                g.append(param.column(), l);
            } else if (value instanceof Double d) {
                g.append(param.column(), d);
            } else if (value instanceof String str) {
                g.append(param.column(), str);
            }
        });
        g.append("status", o.status());
        if (o.error() != null) {
            g.append("error", o.error());
        }
        TrialResult r = o.result();
        g.append("iterations", r == null ? 0 : r.iterations());
        g.append("collapsed", r != null && r.collapsed());
        if (r != null) {
            if (r.solvedAt() >= 0) {
                g.append("solved_at", r.solvedAt());
            }
            optional(g, "best_accuracy", r.bestAccuracy());
            if (r.bestIteration() >= 0) {
                g.append("best_iteration", r.bestIteration());
            }
            optional(g, "final_accuracy", r.finalAccuracy());
            optional(g, "final_test_loss", r.finalTestLoss());
            int testSize = r.config().testSize();
            if (Double.isFinite(r.bestAccuracy())) {
                g.append("best_mistakes", Evaluation.mistakes(r.bestAccuracy(), testSize));
            }
            if (Double.isFinite(r.finalAccuracy())) {
                g.append("final_mistakes", Evaluation.mistakes(r.finalAccuracy(), testSize));
            }
            if (r.omegaGuardFirst() >= 0) {
                g.append("omega_guard_first", r.omegaGuardFirst());
            }
            g.append("start_iteration", r.startIteration());
        }
        if (o.extendedFrom() != null) {
            g.append("extended_from", o.extendedFrom());
        }
        return g.append("wall_seconds", r == null ? (o.finishedAt() - o.startedAt()) / 1000.0 : r.wallSeconds())
                .append("omega_zero_events", r == null ? 0L : r.omegaZeroEvents())
                .append("executor_host", o.executorHost()).append("executor_id", o.executorId())
                .append("attempt", o.attempt()).append("commit_id", commitId).append("run_id", runId)
                .append("stage", stage.label())
                .append("code_version", o.codeVersion()).append("blas_core", o.blasCore())
                .append("started_at", o.startedAt()).append("finished_at", o.finishedAt());
    }

    private static void optional(Group g, String field, double v) {
        if (Double.isFinite(v)) {
            g.append(field, v);
        }
    }
}
