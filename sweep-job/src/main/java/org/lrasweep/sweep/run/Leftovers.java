package org.lrasweep.sweep.run;

import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What failed writers leave in an output, removed by the next run, {@code compact} or {@code report}:
 * table versions never completed, and the temporary folders ({@link FolderSwap#fresh}) of summaries,
 * reports and CSV copies that did not finish. Only those older than a cutoff go, so that a driver
 * writing beside this one keeps its own.
 */
public final class Leftovers {
    private Leftovers() {
    }

    /**
     * Removes the leftovers last modified before staleBefore (epoch milliseconds).
     *
     * @return how many folders and files were removed
     */
    public static int remove(FileSystem fs, String output, long staleBefore) throws IOException {
        int removed = TableVersions.prune(fs, output, staleBefore);
        for (Path dir : new Path[] {new Path(output), new Path(output, "csv")}) {
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus f : fs.listStatus(dir)) {
                if (f.getPath().getName().startsWith("_tmp-") && f.getModificationTime() < staleBefore && fs.delete(f.getPath(), true)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
