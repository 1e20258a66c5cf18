package org.lrasweep.sweep.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The versions of a sweep's compacted tables: {@code <output>/tables/v<seq>-<token>/}, each a whole
 * snapshot ({@code trials}, {@code curves}, {@code gradients} and the journal manifest it was built
 * from). A version is complete once its {@code _COMMITTED} file exists, written after everything
 * else; the current version is the complete one with the highest sequence number (then token).
 * That marker is the switch: creating one small file is atomic on every Hadoop file system, object
 * stores included, where replacing a pointer file is not (HDFS renames do not overwrite). Two
 * drivers compacting at once both write complete snapshots, and readers agree on which is current.
 */
public final class TableVersions {
    /** The folder of the versions under an output. */
    public static final String FOLDER = "tables";
    static final String COMMITTED = "_COMMITTED";
    /** Complete versions kept: the current one and the one before, which a reader may still be reading. */
    static final int KEEP = 2;
    private static final Pattern NAME = Pattern.compile("v(\\d{8})-([0-9a-f]+)");
    /**
     * What a pruned abandoned version above the current one leaves: an empty file named after it, so
     * that later versions are still numbered past it and its writer, if it was only slow, cannot
     * complete it.
     */
    private static final String PRUNED = "_pruned-";

    /** A version folder. */
    record Version(Path path, long sequence, String token, boolean complete, long modified) {
    }

    private TableVersions() {
    }

    /** The current version's folder, if any version is complete. */
    public static Optional<Path> current(FileSystem fs, String output) throws IOException {
        return list(fs, output).stream().filter(Version::complete).reduce((a, b) -> b).map(Version::path);
    }

    /** The folder for a new version, one past the highest existing sequence number. */
    static Path next(FileSystem fs, String output) throws IOException {
        long seq = Math.max(list(fs, output).stream().mapToLong(Version::sequence).max().orElse(0), pruned(fs, output)) + 1;
        return new Path(new Path(output, FOLDER), String.format("v%08d-%s", seq, UUID.randomUUID().toString().substring(0, 8)));
    }

    /**
     * Completes a version: writes its marker, with a line on what it holds. Refused for a version
     * pruned as abandoned while it was written (a compaction slower than the staleness cutoff).
     */
    static void complete(FileSystem fs, Path version, String description) throws IOException {
        if (fs.exists(new Path(version.getParent(), PRUNED + version.getName())) || !fs.exists(version)) {
            throw new IOException("tables version " + version.getName() + " was removed as abandoned while it was written "
                    + "(a compaction slower than ten minutes); compact again");
        }
        try (OutputStream out = fs.create(new Path(version, COMMITTED), false)) {
            out.write((description + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The highest sequence number of a pruned abandoned version, 0 if none. */
    private static long pruned(FileSystem fs, String output) throws IOException {
        Path dir = new Path(output, FOLDER);
        long max = 0;
        if (fs.exists(dir)) {
            for (FileStatus s : fs.listStatus(dir)) {
                Matcher m = NAME.matcher(s.getPath().getName().replaceFirst("^" + PRUNED, ""));
                if (s.getPath().getName().startsWith(PRUNED) && m.matches()) {
                    max = Math.max(max, Long.parseLong(m.group(1)));
                }
            }
        }
        return max;
    }

    /**
     * Deletes complete versions older than the {@value #KEEP} newest, and incomplete ones (a
     * compaction that died) last modified before {@code staleBefore}.
     *
     * @return how many were deleted
     */
    static int prune(FileSystem fs, String output, long staleBefore) throws IOException {
        List<Version> versions = list(fs, output);
        long complete = versions.stream().filter(Version::complete).count();
        long current = versions.stream().filter(Version::complete).mapToLong(Version::sequence).max().orElse(0);
        int deleted = 0;
        for (Version v : versions) {
            boolean old = v.complete() && complete-- > KEEP;
            boolean abandoned = !v.complete() && v.modified() < staleBefore;
            if (abandoned && v.sequence() > current) {
                fs.create(new Path(v.path().getParent(), PRUNED + v.path().getName()), true).close();
            }
            if ((old || abandoned) && fs.delete(v.path(), true)) {
                deleted++;
            }
        }
        // A mark below the current version numbers nothing any more: every new version is past the current one.
        Path dir = new Path(output, FOLDER);
        for (FileStatus s : fs.exists(dir) ? fs.listStatus(dir) : new FileStatus[0]) {
            Matcher m = NAME.matcher(s.getPath().getName().replaceFirst("^" + PRUNED, ""));
            if (s.getPath().getName().startsWith(PRUNED) && m.matches() && Long.parseLong(m.group(1)) < current) {
                fs.delete(s.getPath(), false);
            }
        }
        return deleted;
    }

    /** Every version folder, oldest first. */
    static List<Version> list(FileSystem fs, String output) throws IOException {
        Path dir = new Path(output, FOLDER);
        List<Version> versions = new ArrayList<>();
        if (!fs.exists(dir)) {
            return versions;
        }
        for (FileStatus s : fs.listStatus(dir)) {
            Matcher m = NAME.matcher(s.getPath().getName());
            if (s.isDirectory() && m.matches()) {
                versions.add(new Version(s.getPath(), Long.parseLong(m.group(1)), m.group(2),
                        fs.exists(new Path(s.getPath(), COMMITTED)), s.getModificationTime()));
            }
        }
        versions.sort(Comparator.comparingLong(Version::sequence).thenComparing(Version::token));
        return versions;
    }
}
