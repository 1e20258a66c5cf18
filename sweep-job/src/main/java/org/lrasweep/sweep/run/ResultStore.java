package org.lrasweep.sweep.run;

import java.io.IOException;
import java.io.Serializable;
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
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.train.CurvePoint;
import org.lrasweep.kernel.train.DiagnosticsPoint;
import org.lrasweep.kernel.train.StepDiagnostics;
import org.lrasweep.kernel.train.TrialResult;
import org.lrasweep.sweep.grid.Labels;
import org.lrasweep.sweep.grid.TrialId;
import org.lrasweep.sweep.grid.TrialSpec;

/**
 * A sweep's output folder, on any Hadoop file system. Each trial is committed on its own by the
 * executor that ran it: its curve and gradient files first, then its trials row, each written
 * under a temporary name ({@code _tmp-...}, which readers ignore) and renamed into place. The
 * trials file {@code trials/<trial_id>.parquet} is the commit marker: a trial is committed iff it
 * exists, a trial id can only ever be one file, and a crash loses only trials not yet renamed.
 */
public final class ResultStore implements Serializable {
    private final String output;
    /** Built once per deserialized store (each Spark task has its own): a new one re-reads Hadoop's XML defaults. */
    private transient Configuration conf;

    /** @param output a qualified Hadoop path or URI (resolve relative paths on the driver first) */
    public ResultStore(String output) {
        this.output = output;
    }

    private Configuration conf() {
        if (conf == null) {
            conf = new Configuration();
        }
        return conf;
    }

    /** The folder of one table. */
    public Path table(String name) {
        return new Path(output, name);
    }

    /** Ids of the committed trials. */
    public Set<String> committed() throws IOException {
        Path dir = table(Tables.TRIALS);
        FileSystem fs = dir.getFileSystem(conf());
        Set<String> ids = new HashSet<>();
        if (!fs.exists(dir)) {
            return ids;
        }
        for (FileStatus s : fs.listStatus(dir)) {
            String name = s.getPath().getName();
            if (name.endsWith(".parquet") && !name.startsWith("_") && !name.startsWith(".")) {
                ids.add(name.substring(0, name.length() - ".parquet".length()));
            }
        }
        return ids;
    }

    /** True when the trial is committed. */
    public boolean isCommitted(String trialId) throws IOException {
        Path marker = new Path(table(Tables.TRIALS), trialId + ".parquet");
        return marker.getFileSystem(conf()).exists(marker);
    }

    /**
     * Deletes the temporary files ({@code _tmp-*}) that attempts left behind when they died between
     * writing and renaming, if last modified before {@code before} (epoch milliseconds). A commit's
     * temporary file lives for the seconds it takes to write one trial's rows, so a cutoff some
     * minutes before a run starts spares the files of a driver running beside it.
     *
     * @return how many were deleted
     */
    public int removeStaleTemporaries(long before) throws IOException {
        int removed = 0;
        for (String name : new String[] {Tables.TRIALS, Tables.CURVES, Tables.GRADIENTS}) {
            Path dir = table(name);
            FileSystem fs = dir.getFileSystem(conf());
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.getPath().getName().startsWith("_tmp-") && s.getModificationTime() < before && fs.delete(s.getPath(), false)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Withdraws a trial's commit: its trials row first (it is the commit marker, so the trial is
     * pending from then on), then its detail files.
     */
    public void withdraw(String trialId) throws IOException {
        for (String table : new String[] {Tables.TRIALS, Tables.CURVES, Tables.GRADIENTS}) {
            Path file = new Path(table(table), trialId + ".parquet");
            file.getFileSystem(conf()).delete(file, false);
        }
    }

    /**
     * Commits one trial. Returns false, writing no trials row, when another attempt committed it
     * first (its detail files are then identical and simply replaced).
     */
    public boolean commit(String sweep, TrialSpec spec, TrialOutcome outcome) throws IOException {
        Configuration conf = conf();
        SimpleGroupFactory curves = new SimpleGroupFactory(Tables.CURVES_SCHEMA);
        SimpleGroupFactory gradients = new SimpleGroupFactory(Tables.GRADIENTS_SCHEMA);
        TrialResult r = outcome.result();
        List<CurvePoint> curve = r == null ? List.of() : r.curve();
        List<DiagnosticsPoint> diags = r == null ? List.of() : r.diagnostics();
        write(conf, Tables.CURVES, spec.trialId(), Tables.CURVES_SCHEMA, w -> {
            for (CurvePoint p : curve) {
                Group g = curves.newGroup().append("trial_id", spec.trialId()).append("schema_version", Tables.SCHEMA_VERSION)
                        .append("iteration", p.iteration());
                optional(g, "train_loss", p.trainLoss());
                optional(g, "target_loss", p.targetLoss());
                optional(g, "test_loss", p.testLoss());
                optional(g, "test_accuracy", p.testAccuracy());
                w.write(g);
            }
        }, true);
        write(conf, Tables.GRADIENTS, spec.trialId(), Tables.GRADIENTS_SCHEMA, w -> {
            for (DiagnosticsPoint d : diags) {
                StepDiagnostics s = d.steps();
                for (int t = 0; t < s.whhNorms().length; t++) {
                    Group g = gradients.newGroup().append("trial_id", spec.trialId()).append("schema_version", Tables.SCHEMA_VERSION)
                            .append("iteration", d.iteration())
                            .append("step", t);
                    if (s.localLosses() != null) {
                        optional(g, "local_loss", s.localLosses()[t]);
                    }
                    optional(g, "whh_norm", s.whhNorms()[t]);
                    optional(g, "wxh_norm", s.wxhNorms()[t]);
                    optional(g, "bh_norm", s.bhNorms()[t]);
                    w.write(g);
                }
            }
        }, true);
        return write(conf, Tables.TRIALS, spec.trialId(), Tables.TRIALS_SCHEMA,
                w -> w.write(trialRow(sweep, spec, outcome)), false);
    }

    private static Group trialRow(String sweep, TrialSpec spec, TrialOutcome o) {
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
        }
        return g.append("wall_seconds", r == null ? (o.finishedAt() - o.startedAt()) / 1000.0 : r.wallSeconds())
                .append("omega_zero_events", r == null ? 0L : r.omegaZeroEvents())
                .append("executor_host", o.executorHost()).append("executor_id", o.executorId())
                .append("attempt", o.attempt()).append("code_version", o.codeVersion()).append("blas_core", o.blasCore())
                .append("started_at", o.startedAt()).append("finished_at", o.finishedAt());
    }

    private static void optional(Group g, String field, double v) {
        if (Double.isFinite(v)) {
            g.append(field, v);
        }
    }

    /** Rows of one table file. */
    private interface Rows {
        void writeTo(ParquetWriter<Group> writer) throws IOException;
    }

    /**
     * Writes a temporary file and renames it to {@code <table>/<id>.parquet}. With replace false,
     * an existing target wins and the temporary file is dropped.
     */
    private boolean write(Configuration conf, String tableName, String id, MessageType schema, Rows rows, boolean replace)
            throws IOException {
        Path dir = table(tableName);
        FileSystem fs = dir.getFileSystem(conf);
        fs.mkdirs(dir);
        Path target = new Path(dir, id + ".parquet");
        Path tmp = new Path(dir, "_tmp-" + id + "-" + UUID.randomUUID() + ".parquet");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(tmp, conf))
                .withType(schema).withConf(conf).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            rows.writeTo(w);
        }
        if (fs.exists(target)) {
            if (!replace) {
                fs.delete(tmp, false);
                return false;
            }
            fs.delete(target, false);
        }
        if (!fs.rename(tmp, target)) {
            if (!replace && fs.exists(target)) {
                fs.delete(tmp, false);
                return false;
            }
            throw new IOException("could not rename " + tmp + " to " + target);
        }
        return true;
    }
}
