package org.lrasweep.sweep.run;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import org.lrasweep.sweep.spec.SweepSpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A sweep's run records, {@code <output>/runs/<run_id>.conf}: each run's resolved spec with its code
 * version, commit protocol and counts, written when the run starts and completed when it ends.
 */
public final class RunRecords {
    /**
     * The latest record.
     *
     * @param name  its file name
     * @param text  its content
     * @param count how many records the folder holds
     */
    public record Latest(String name, String text, int count) {
    }

    private RunRecords() {
    }

    /** The latest run record under output, if any. */
    public static Optional<Latest> latest(FileSystem fs, String output) throws IOException {
        Path runs = new Path(output, "runs");
        FileStatus[] records = fs.exists(runs) ? fs.listStatus(runs) : new FileStatus[0];
        Optional<FileStatus> latest = Arrays.stream(records).max(Comparator.comparing(f -> f.getPath().getName()));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        try (var in = fs.open(latest.get().getPath())) {
            return Optional.of(new Latest(latest.get().getPath().getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    records.length));
        }
    }

    /**
     * Provenance: {@code runs/<run_id>.conf} with the resolved spec, code version, commit protocol and
     * counts; {@code ran} counts the trials whose rows carry this run id.
     */
    public static void write(FileSystem fs, String output, String runId, CommitProtocol protocol, SweepSpec spec,
                             Instant startedAt, Instant finishedAt, int trials, int alreadyCommitted, long ran,
                             Map<String, Long> statuses) throws IOException {
        Path file = new Path(new Path(output, "runs"), runId + ".conf");
        String header = String.format("# lra-sweep run%n# run_id = %s%n# code_version = %s%n# commit_protocol = %s%n"
                        + "# started_at = %s%n# finished_at = %s%n# trials = %d, already_committed = %d, ran = %d%n# statuses = %s%n",
                runId, CodeVersion.current(), protocol.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), startedAt,
                finishedAt == null ? "(running)" : finishedAt, trials, alreadyCommitted, ran, statuses);
        try (OutputStream out = fs.create(file, true)) {
            out.write((header + spec.rendered() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
