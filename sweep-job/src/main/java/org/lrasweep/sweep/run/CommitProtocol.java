package org.lrasweep.sweep.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * How a journal file is put in place on a given file system (README, "What a commit guarantees").
 * Three protocols publish a trial's row with an atomic create-if-absent, so that of two attempts
 * exactly one commits; where the file system has no such operation, every attempt's row lands under
 * a name of its own and {@link TrialsTable#chosen} picks one by a fixed rule.
 */
public enum CommitProtocol {
    /** Local and NFS folders: a hard link to a finished temporary file ({@code link(2)} fails when the name exists). */
    LINK,
    /** HDFS: a rename of a finished temporary file, which the NameNode refuses when the target exists. */
    RENAME,
    /** S3A with conditional writes ({@code fs.s3a.create.conditional.enabled}): a PUT with {@code If-None-Match: *}. */
    CONDITIONAL_CREATE,
    /** Anything else: a name per attempt, and the duplicate rule at every reader. */
    UNIQUE_NAMES;

    /** The Hadoop option that makes an S3A create conditional (Hadoop 3.4.2, HADOOP-19256). */
    static final String CONDITIONAL_OVERWRITE = "fs.option.create.conditional.overwrite";

    /** The protocol to commit into dir with, or the one forced by name ({@code auto} or blank: detect). */
    public static CommitProtocol of(FileSystem fs, Path dir, String forced) throws IOException {
        if (forced != null && !forced.isBlank() && !forced.equals("auto")) {
            try {
                return valueOf(forced.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("spark.lra-sweep.commit: unknown protocol '" + forced
                        + "' (auto, link, rename, conditional-create, unique-names)");
            }
        }
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
            return LINK;
        }
        String scheme = fs.getScheme();
        if ("hdfs".equals(scheme)) {
            return RENAME;
        }
        if (fs.hasPathCapability(dir, CONDITIONAL_OVERWRITE)) {
            return CONDITIONAL_CREATE;
        }
        return UNIQUE_NAMES;
    }

    /** Whether a trial's row is published exclusively, so that its journal name needs no attempt part. */
    public boolean exclusive() {
        return this != UNIQUE_NAMES;
    }

    /**
     * Puts bytes at target. With exclusive, an existing target wins and false is returned; without,
     * target is a name no other attempt uses. A reader sees the whole file or none of it.
     */
    boolean publish(FileSystem fs, byte[] bytes, Path target, boolean exclusive) throws IOException {
        if (this == CONDITIONAL_CREATE) {
            // An object is visible only once its upload completes, so no temporary name is needed.
            org.apache.hadoop.fs.FSDataOutputStreamBuilder<?, ?> create = fs.createFile(target);
            create.overwrite(!exclusive);
            create.must(CONDITIONAL_OVERWRITE, exclusive);
            try (FSDataOutputStream out = create.build()) {
                out.write(bytes);
            } catch (IOException e) {
                if (exclusive && fs.exists(target)) {
                    return false;
                }
                throw e;
            }
            return true;
        }
        Path tmp = new Path(target.getParent(), Journal.TMP_PREFIX + target.getName() + "-" + UUID.randomUUID());
        FileSystem writer = fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
        try (FSDataOutputStream out = writer.create(tmp, false)) {
            out.write(bytes);
            // On disk before it is linked or renamed into place: a host crash after the publish must not leave a
            // committed name over a file whose data never reached the disk (local: fsync; HDFS: the datanodes' disks).
            if (out.hasCapability(org.apache.hadoop.fs.StreamCapabilities.HSYNC)) {
                out.hsync();
            }
        }
        try {
            if (this == LINK && exclusive) {
                try {
                    Files.createLink(localFile(fs, target), localFile(fs, tmp));
                    return true;
                } catch (FileAlreadyExistsException e) {
                    return false;
                }
            }
            if (fs.rename(tmp, target)) {
                return true;
            }
            if (exclusive && fs.exists(target)) {
                return false;
            }
            throw new IOException("could not rename " + tmp + " to " + target);
        } finally {
            writer.delete(tmp, false);
        }
    }

    private static java.nio.file.Path localFile(FileSystem fs, Path p) {
        return (fs instanceof LocalFileSystem local ? local.pathToFile(p) : ((RawLocalFileSystem) fs).pathToFile(p)).toPath();
    }
}
