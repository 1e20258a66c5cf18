package org.lrasweep.sweep.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A sweep's run records, {@code <output>/runs/<time>.conf}: each run's resolved spec with its code
 * version and counts, written when the run starts and completed when it ends.
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
}
