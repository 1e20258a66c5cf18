package org.lrasweep.sweep.run;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lrasweep.kernel.train.CheckpointSink;
import org.lrasweep.kernel.train.TrialCheckpoint;
import org.lrasweep.sweep.grid.TrialId;
import org.lrasweep.sweep.grid.TrialSpec;

/**
 * A sweep's trial checkpoints, {@code <output>/journal/checkpoints/<trajectory_id>/}, one folder per
 * trajectory (a trial's parameters and seed without its stopping rule, {@link TrialId#trajectoryId}),
 * so that a trial finds every state it could start from in one small listing:
 * <ul>
 *   <li>{@code <trial_id>.<iteration>.periodic.ckpt}: a running trial's latest state, written every
 *       {@code checkpoint-every} minutes, each replacing the one before, deleted once the trial is committed;</li>
 *   <li>{@code <trial_id>.<iteration>.final.ckpt}: the state in which a trial ended, kept.</li>
 * </ul>
 * Each file is published as the journal publishes rows ({@link CommitProtocol}), so a reader sees
 * a whole file or none; a file that fails its checksum anyway (a disk that lost its tail) is
 * reported in one line, moved to {@code journal/damaged/checkpoints/} and passed over.
 */
public final class Checkpoints implements Serializable {
    /** The checkpoints' folder under the journal. */
    public static final String FOLDER = "checkpoints";
    static final String PERIODIC = "periodic";
    static final String FINAL = "final";
    private static final String SUFFIX = ".ckpt";

    private final String output;
    private final CommitProtocol protocol;
    /** The driver's Hadoop settings ({@link HadoopConf#current}), so that tasks open the output as the driver does. */
    private final java.util.HashMap<String, String> hadoop;
    private transient Configuration conf;

    /** @param output a qualified Hadoop path or URI */
    public Checkpoints(String output, CommitProtocol protocol) {
        this.output = output;
        this.protocol = protocol;
        this.hadoop = new java.util.HashMap<>(HadoopConf.current());
    }

    /** A checkpoint file by its name: whose trial, at which iteration, of which kind. */
    public record Name(String trialId, int iteration, String kind) {
        static Optional<Name> parse(String name) {
            String[] parts = name.split("\\.");
            if (parts.length != 4 || !(PERIODIC.equals(parts[2]) || FINAL.equals(parts[2])) || !name.endsWith(SUFFIX)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Name(parts[0], Integer.parseInt(parts[1]), parts[2]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        String file() {
            return trialId + "." + iteration + "." + kind + SUFFIX;
        }
    }

    /**
     * Where a trial starts: a checkpoint of its trajectory that its stopping rule reaches, and the
     * trial that wrote it (itself after a kill, another trial for an extension or an inheritance).
     */
    public record Start(TrialCheckpoint checkpoint, String fromTrial, String kind) {
        /** Whether the trial's own stopping rule ends it right at the checkpoint (nothing to train). */
        public boolean inherits(TrialSpec spec) {
            return checkpoint.cutUnder(spec.config()).stop() != null;
        }

        /** The one-line log of where the trial starts. */
        public String describe(TrialSpec spec) {
            if (fromTrial.equals(spec.trialId())) {
                return "trial " + spec.trialId() + ": resumed from its checkpoint at iteration " + checkpoint.iteration();
            }
            return "trial " + spec.trialId() + (inherits(spec) ? ": inherits the result of trial " + fromTrial + " (ended at iteration "
                    : ": extends trial " + fromTrial + " from iteration ") + checkpoint.iteration() + (inherits(spec) ? ")" : "");
        }
    }

    /** A checkpoint could not be read or written: the storage failed, not the trial. */
    public static final class IoFailure extends UncheckedIOException {
        IoFailure(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** {@link #startFor}, its I/O failure unchecked as {@link IoFailure}. */
    public Optional<Start> startOrFail(TrialSpec spec, Consumer<String> log) {
        try {
            return startFor(spec, log);
        } catch (IOException e) {
            throw new IoFailure("cannot read the checkpoints of trial " + spec.trialId(), e);
        }
    }

    private Configuration conf() {
        if (conf == null) {
            conf = HadoopConf.restore(hadoop);
        }
        return conf;
    }

    /** The folder of a trajectory's checkpoints. */
    Path folder(TrialSpec spec) {
        return new Path(new Path(new Path(output, Journal.FOLDER), FOLDER), TrialId.trajectoryId(spec.config()));
    }

    /** The checkpoint files of a trial's trajectory, as named. */
    List<Name> list(TrialSpec spec) throws IOException {
        Path dir = folder(spec);
        FileSystem fs = dir.getFileSystem(conf());
        List<Name> names = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus s : fs.listStatus(dir)) {
                Name.parse(s.getPath().getName()).ifPresent(names::add);
            }
        }
        return names;
    }

    /**
     * The furthest state this trial can start from: its own periodic checkpoint or any trial's
     * final one, of its trajectory, that its stopping rule reaches; empty when none (it starts at
     * iteration 0). Damaged files are reported to {@code log}, moved aside and passed over.
     */
    public Optional<Start> startFor(TrialSpec spec, Consumer<String> log) throws IOException {
        List<Name> candidates = new ArrayList<>(list(spec).stream()
                .filter(n -> FINAL.equals(n.kind()) || n.trialId().equals(spec.trialId())).toList());
        candidates.sort(Comparator.comparingInt(Name::iteration).reversed().thenComparing(n -> FINAL.equals(n.kind()) ? 0 : 1));
        for (Name n : candidates) {
            Path file = new Path(folder(spec), n.file());
            TrialCheckpoint cp;
            try {
                cp = TrialCheckpoint.decode(read(file));
            } catch (TrialCheckpoint.Corrupt e) {
                log.accept("checkpoint " + file + " is damaged (" + e.getMessage() + "): moved to "
                        + moveAside(file) + "; passed over");
                continue;
            } catch (java.io.FileNotFoundException gone) {
                continue;
            }
            if (cp.serves(spec.config()) && cp.cutUnder(spec.config()).reachable()) {
                return Optional.of(new Start(cp, n.trialId(), n.kind()));
            }
        }
        return Optional.empty();
    }

    /**
     * Every checkpoint of the output by trajectory id, from one recursive listing (a plan or a status
     * over 100,000 trials lists the folder once, not once per trial); empty when there are none.
     */
    public java.util.Map<String, List<Name>> index() throws IOException {
        Path dir = new Path(new Path(output, Journal.FOLDER), FOLDER);
        FileSystem fs = dir.getFileSystem(conf());
        java.util.Map<String, List<Name>> byTrajectory = new java.util.HashMap<>();
        if (fs.exists(dir)) {
            org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(dir, true);
            while (files.hasNext()) {
                Path f = files.next().getPath();
                Name.parse(f.getName()).ifPresent(n -> byTrajectory.computeIfAbsent(f.getParent().getName(), k -> new ArrayList<>()).add(n));
            }
        }
        return byTrajectory;
    }

    /**
     * The iterations a trial need not train again, by the names of its trajectory's checkpoints
     * alone (nothing is read): the furthest of its own periodic checkpoint and any trial's final one
     * at most its budget. An estimate for plans: the trial itself replays the checkpoint's checks
     * under its stopping rule ({@link #startFor}), and starts over where that rule would have
     * stopped it earlier.
     *
     * @param index the output's checkpoints ({@link #index()})
     */
    public static int savedIterations(TrialSpec spec, java.util.Map<String, List<Name>> index) {
        return index.getOrDefault(TrialId.trajectoryId(spec.config()), List.of()).stream()
                .filter(n -> (FINAL.equals(n.kind()) || n.trialId().equals(spec.trialId())) && n.iteration() <= spec.config().maxIterations())
                .mapToInt(Name::iteration).max().orElse(0);
    }

    /** A sink that keeps this trial's periodic checkpoints every {@code periodNanos} (0: none) and its final one. */
    public CheckpointSink sinkFor(TrialSpec spec, long periodNanos) {
        return new CheckpointSink() {
            @Override
            public long periodNanos() {
                return periodNanos;
            }

            @Override
            public void periodic(TrialCheckpoint state) {
                write(spec, new Name(spec.trialId(), state.iteration(), PERIODIC), state);
                removePeriodic(spec, state.iteration());
            }

            @Override
            public void last(TrialCheckpoint state) {
                write(spec, new Name(spec.trialId(), state.iteration(), FINAL), state);
            }
        };
    }

    /** Deletes a committed trial's periodic checkpoints: its final one replaces them. */
    public void committed(TrialSpec spec) throws IOException {
        removePeriodicOrThrow(spec, Integer.MAX_VALUE);
    }

    private void write(TrialSpec spec, Name name, TrialCheckpoint state) {
        try {
            Path dir = folder(spec);
            FileSystem fs = dir.getFileSystem(conf());
            fs.mkdirs(dir);
            // Exclusive: a second attempt at the same state writes the same trajectory, so the first file stands.
            protocol.publish(fs, state.encode(), new Path(dir, name.file()), true);
        } catch (IOException e) {
            throw new IoFailure("cannot write checkpoint " + name.file() + " of trial " + spec.trialId(), e);
        }
    }

    private void removePeriodic(TrialSpec spec, int before) {
        try {
            removePeriodicOrThrow(spec, before);
        } catch (IOException e) {
            throw new IoFailure("cannot remove the periodic checkpoints of trial " + spec.trialId(), e);
        }
    }

    /** Deletes this trial's periodic checkpoints older than the given iteration. */
    private void removePeriodicOrThrow(TrialSpec spec, int before) throws IOException {
        Path dir = folder(spec);
        FileSystem fs = dir.getFileSystem(conf());
        for (Name n : list(spec)) {
            if (PERIODIC.equals(n.kind()) && n.trialId().equals(spec.trialId()) && n.iteration() < before) {
                fs.delete(new Path(dir, n.file()), false);
            }
        }
    }

    private byte[] read(Path file) throws IOException {
        FileSystem fs = file.getFileSystem(conf());
        long length = fs.getFileStatus(file).getLen();
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException(file + ": " + length + " bytes is not a checkpoint");
        }
        byte[] bytes = new byte[(int) length];
        try (FSDataInputStream in = fs.open(file)) {
            in.readFully(0, bytes);
        }
        return bytes;
    }

    /** Moves a damaged file to {@code journal/damaged/checkpoints/}, never deleting it; returns where. */
    private Path moveAside(Path file) throws IOException {
        FileSystem fs = file.getFileSystem(conf());
        Path dir = new Path(new Path(new Path(output, Journal.FOLDER), "damaged"), FOLDER);
        fs.mkdirs(dir);
        Path target = new Path(dir, file.getParent().getName() + "." + file.getName() + "." + System.currentTimeMillis());
        if (!fs.rename(file, target)) {
            throw new IOException("cannot move damaged checkpoint " + file + " to " + target);
        }
        return target;
    }
}
