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
    public static synchronized void write(FileSystem fs, String output, String runId, CommitProtocol protocol, SweepSpec spec,
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

    /** How a running record's finished_at reads. */
    static final String RUNNING = "# finished_at = (running)";
    /** How often a running driver rewrites its record, so that a record left untouched much longer is a dead driver's. */
    static final long HEARTBEAT_MS = 2 * 60 * 1000L;

    /**
     * Keeps a running record fresh: rewrites it unchanged every {@link #HEARTBEAT_MS} (its
     * modification time is the driver's sign of life) until closed. Stop it before the final record is written.
     */
    public static AutoCloseable heartbeat(FileSystem fs, String output, String runId) {
        Path file = new Path(new Path(output, "runs"), runId + ".conf");
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lra-sweep run record heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            synchronized (RunRecords.class) {
                try {
                    byte[] text;
                    try (var in = fs.open(file)) {
                        text = in.readAllBytes();
                    }
                    if (new String(text, StandardCharsets.UTF_8).contains(RUNNING)) {
                        try (OutputStream out = fs.create(file, true)) {
                            out.write(text);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // A missed beat costs nothing but an earlier "abandoned" mark; the run goes on.
                }
            }
        }, HEARTBEAT_MS, HEARTBEAT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        return () -> {
            timer.shutdownNow();
            synchronized (RunRecords.class) {
                // Waits for a beat in progress, so that it cannot overwrite the final record.
            }
        };
    }

    /**
     * Marks the records of runs whose driver died as {@code abandoned}: those still running whose
     * record has not been rewritten since staleBefore (epoch milliseconds), five heartbeats at least.
     *
     * @return the names of the records marked
     */
    public static java.util.List<String> markAbandoned(FileSystem fs, String output, long staleBefore) throws IOException {
        Path runs = new Path(output, "runs");
        java.util.List<String> marked = new java.util.ArrayList<>();
        for (FileStatus f : fs.exists(runs) ? fs.listStatus(runs) : new FileStatus[0]) {
            if (f.getModificationTime() >= staleBefore || !f.getPath().getName().endsWith(".conf")) {
                continue;
            }
            String text;
            try (var in = fs.open(f.getPath())) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!text.contains(RUNNING)) {
                continue;
            }
            String mark = "# finished_at = abandoned (no sign of its driver since " + Instant.ofEpochMilli(f.getModificationTime()) + ")";
            try (OutputStream out = fs.create(f.getPath(), true)) {
                out.write(text.replace(RUNNING, mark).getBytes(StandardCharsets.UTF_8));
            }
            marked.add(f.getPath().getName());
        }
        return marked;
    }
}
